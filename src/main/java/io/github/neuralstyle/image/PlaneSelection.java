package io.github.neuralstyle.image;

import ij.ImagePlus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which planes of a stack or hyperstack to style, and how to read them one at a time.
 * <p>
 * Channels are not a styled dimension: every plane is converted as ImageJ displays it
 * ({@link ImageToRgb}), a composite in composite mode as the sum of its active channels, else
 * the current channel. The selected planes are the chosen slices × frames, in ImageJ's stack
 * order (slices vary fastest); the result has as many slices and frames.
 * <p>
 * The range selects along one axis: the slices for {@link Mode#SLICES}, the frames for
 * {@link Mode#FRAMES}, and for {@link Mode#ALL} the frames of a time-lapse (every slice of
 * each) or the slices of an image with one frame; {@link Mode#CURRENT} takes none. An image
 * with a single plane ignores both.
 */
public final class PlaneSelection {

	/** The {@code planes} choice. */
	public enum Mode {
		/** The plane shown now. */
		CURRENT,
		/** Every slice of the current frame. */
		SLICES,
		/** Every frame of the current slice. */
		FRAMES,
		/** Every slice of every frame. */
		ALL;

		/** The macro word, e.g. "slices". */
		public String word() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	private final ImagePlus imp;
	private final Mode mode;
	private final int[] slices, frames;
	private final boolean ranged;

	private PlaneSelection(ImagePlus imp, Mode mode, int[] slices, int[] frames, boolean ranged) {
		this.imp = imp;
		this.mode = mode;
		this.slices = slices;
		this.frames = frames;
		this.ranged = ranged;
	}

	/**
	 * Selects the planes of {@code imp}.
	 *
	 * @param range "first-last", a single number, or blank for all along the mode's axis
	 * @throws IllegalArgumentException naming the key ({@code planes=} or {@code range=}) and the fix
	 */
	public static PlaneSelection of(ImagePlus imp, Mode mode, String range) {
		int nz = imp.getNSlices(), nt = imp.getNFrames();
		int[] czt = ImageToRgb.position(imp);
		int[] span = PlaneRange.parse(range);
		if (mode == Mode.CURRENT && span != null && nz * nt > 1) {
			throw new IllegalArgumentException("range=" + range.trim() + ": planes=current styles the current plane only;"
				+ " give planes=slices, frames or all with a range, or leave the range empty");
		}
		if (mode == Mode.CURRENT || nz * nt == 1) {
			return new PlaneSelection(imp, mode, new int[] { czt[1] }, new int[] { czt[2] }, false);
		}
		String dims = "'" + imp.getTitle() + "' has " + count(nz, "slice") + " and " + count(nt, "frame");
		switch (mode) {
			case SLICES:
				if (nz == 1) {
					throw new IllegalArgumentException("planes=slices: " + dims + "; use planes=frames (or"
						+ " Image>Properties to call its planes slices)");
				}
				return new PlaneSelection(imp, mode, PlaneRange.select(span, nz, "slice", imp), new int[] { czt[2] },
					span != null);
			case FRAMES:
				if (nt == 1) {
					throw new IllegalArgumentException("planes=frames: " + dims + "; use planes=slices (or"
						+ " Image>Properties to call its planes frames)");
				}
				return new PlaneSelection(imp, mode, new int[] { czt[1] }, PlaneRange.select(span, nt, "frame", imp),
					span != null);
			default:
				return nt > 1
					? new PlaneSelection(imp, mode, PlaneRange.all(nz), PlaneRange.select(span, nt, "frame", imp), span != null)
					: new PlaneSelection(imp, mode, PlaneRange.select(span, nz, "slice", imp), new int[] { 1 }, span != null);
		}
	}

	/** The {@code planes} word as given: current, slices, frames or all. */
	public Mode mode() {
		return mode;
	}

	/** The image the planes come from. */
	public ImagePlus image() {
		return imp;
	}

	/** How many planes are selected. */
	public int count() {
		return slices.length * frames.length;
	}

	/** Selected slices per frame: the result's slice count. */
	public int nSlices() {
		return slices.length;
	}

	/** Selected frames: the result's frame count. */
	public int nFrames() {
		return frames.length;
	}

	/** The 1-based slice of the image that plane {@code k} (0-based, stack order) comes from. */
	public int slice(int k) {
		return slices[k % slices.length];
	}

	/** The 1-based frame of the image that plane {@code k} comes from. */
	public int frame(int k) {
		return frames[k / slices.length];
	}

	/** Whether a single plane is selected. */
	public boolean single() {
		return count() == 1;
	}

	/** Whether the selection is just the plane shown now (always so for a single-plane image). */
	public boolean currentOnly() {
		int[] czt = ImageToRgb.position(imp);
		return single() && slices[0] == czt[1] && frames[0] == czt[2];
	}

	/**
	 * The planes as sequences to style in order, each a list of plane indices (stack order):
	 * along time, one sequence per selected slice, when more than one frame is selected; else
	 * one sequence along the slices. Neighbours within a sequence are what temporal
	 * consistency links.
	 */
	public List<int[]> sequences() {
		List<int[]> out = new ArrayList<>();
		if (frames.length > 1) {
			for (int zi = 0; zi < slices.length; zi++) {
				int[] seq = new int[frames.length];
				for (int ti = 0; ti < frames.length; ti++) seq[ti] = ti * slices.length + zi;
				out.add(seq);
			}
		}
		else {
			int[] seq = new int[slices.length];
			for (int zi = 0; zi < slices.length; zi++) seq[zi] = zi;
			out.add(seq);
		}
		return out;
	}

	/** Plane {@code k} as displayed, converted for the engine. */
	public ConvertedImage convert(int k, String role) {
		return ImageToRgb.convertAt(imp, role, slice(k), frame(k));
	}

	/** The image's label of plane {@code k} (of the channel shown), or null. */
	public String label(int k) {
		if (imp.getStackSize() == 1) return null;
		int c = ImageToRgb.position(imp)[0];
		return imp.getStack().getSliceLabel(imp.getStackIndex(c, slice(k), frame(k)));
	}

	/**
	 * Where plane {@code k} is, for progress: "frame 3/16", "slice 2/5, frame 3/16"; with a
	 * range, the image's number and the place in the run, e.g. "frame 12 (3/8)".
	 */
	public String where(int k) {
		List<String> parts = new ArrayList<>();
		int zi = k % slices.length, ti = k / slices.length;
		if (slices.length > 1) parts.add(place("slice", slices[zi], zi, slices.length, imp.getNSlices()));
		if (frames.length > 1) parts.add(place("frame", frames[ti], ti, frames.length, imp.getNFrames()));
		return String.join(", ", parts);
	}

	/** What was styled, for the result's Info: e.g. "frames 3-10 of 16, slice 2/5". */
	public String describe() {
		List<String> parts = new ArrayList<>();
		parts.add("planes=" + mode.word());
		if (imp.getNSlices() > 1) parts.add(axis("slice", slices, imp.getNSlices()));
		if (imp.getNFrames() > 1) parts.add(axis("frame", frames, imp.getNFrames()));
		return String.join(", ", parts);
	}

	private String place(String axis, int number, int index, int of, int inImage) {
		return ranged || of != inImage ? axis + " " + number + " (" + (index + 1) + "/" + of + ")"
			: axis + " " + number + "/" + of;
	}

	private static String axis(String name, int[] picked, int inImage) {
		if (picked.length == 1) return name + " " + picked[0] + "/" + inImage;
		return name + "s " + picked[0] + "-" + picked[picked.length - 1] + " of " + inImage;
	}

	private static String count(int n, String noun) {
		return n + " " + noun + (n == 1 ? "" : "s");
	}
}
