package io.github.neuralstyle.image;

import ij.CompositeImage;
import ij.IJ;
import ij.ImagePlus;
import ij.process.LUT;

import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.StyleTransferSettings;

import java.util.ArrayList;
import java.util.List;

import net.imglib2.Cursor;
import net.imglib2.type.numeric.ARGBType;

/**
 * ImagePlus → ImgLib2 → {@link RgbImage}: the engine styles what ImageJ shows.
 * <ul>
 * <li>RGB: the pixels' red, green and blue.</li>
 * <li>8/16/32-bit: values mapped through the display range to [0,1] (clipped), then through
 * the LUT; a grey LUT (also inverted) gives a grey image, a colour LUT a coloured one.</li>
 * <li>Composite images in composite mode: the sum of the active channels, each in its own
 * display range and LUT colour, clipped to 1 (as ImageJ draws them); in colour or greyscale
 * mode only the current channel.</li>
 * <li>Stacks and hyperstacks: the current slice and frame, or the one given to
 * {@link #convertAt}; the result says which.</li>
 * <li>NaN samples count as the display minimum (reported); ±∞ clip like any value outside
 * the display range.</li>
 * </ul>
 */
public final class ImageToRgb {

	private ImageToRgb() {}

	/**
	 * Converts the displayed plane(s) of {@code imp}.
	 *
	 * @param role "content" or "style", for messages
	 * @throws IllegalArgumentException when the display range is not finite
	 */
	public static ConvertedImage convert(ImagePlus imp, String role) {
		int[] czt = position(imp);
		return convertAt(imp, role, czt[1], czt[2]);
	}

	/**
	 * Converts the plane(s) at 1-based slice {@code z} and frame {@code t} as they would be
	 * displayed there: the same channels, display ranges and LUTs as the current position.
	 *
	 * @throws IllegalArgumentException when the display range is not finite
	 */
	public static ConvertedImage convertAt(ImagePlus imp, String role, int z, int t) {
		int w = imp.getWidth(), h = imp.getHeight();
		float[] chw = new float[3 * w * h];
		if (imp.getBitDepth() == 24) {
			rgbInto(imp, z, t, chw);
			return new ConvertedImage(new RgbImage(w, h, chw), true, position(imp, null, z, t), 0);
		}
		List<DisplayedChannel> channels = new ArrayList<>();
		List<Integer> used = new ArrayList<>();
		boolean colour = displayedChannels(imp, role, z, t, channels, used);
		long nan = 0;
		for (DisplayedChannel ch : channels) nan += ch.addTo(chw);
		if (channels.size() > 1) for (int i = 0; i < chw.length; i++) chw[i] = Math.min(1f, chw[i]);
		return new ConvertedImage(new RgbImage(w, h, chw), colour, position(imp, used, z, t), nan);
	}

	/**
	 * Refuses images too elongated for the network: at working size {@code size} (long side) the
	 * short side must keep {@link StyleTransferSettings#MIN_SIZE} pixels, or the deepest layers
	 * would have no pixels left after four poolings.
	 */
	public static void requireUsableShape(String role, ImagePlus imp, int size) {
		int w = imp.getWidth(), h = imp.getHeight();
		long shortSide = Math.round((double) Math.min(w, h) * size / Math.max(w, h));
		if (shortSide < StyleTransferSettings.MIN_SIZE) {
			throw new IllegalArgumentException(role + " image '" + imp.getTitle() + "' is " + w + "×" + h
				+ " px: at size=" + size + " its short side would be " + shortSide + " px, below the "
				+ StyleTransferSettings.MIN_SIZE + " px the network needs; use a less elongated image or a larger size");
		}
	}

	private static void rgbInto(ImagePlus imp, int z, int t, float[] chw) {
		int plane = chw.length / 3;
		int i = 0;
		for (Cursor<ARGBType> c = ImagePlanes.rgb(imp, z, t).cursor(); c.hasNext(); i++) {
			int v = c.next().get();
			chw[i] = ARGBType.red(v) / 255f;
			chw[plane + i] = ARGBType.green(v) / 255f;
			chw[2 * plane + i] = ARGBType.blue(v) / 255f;
		}
	}

	/** Fills the channels as displayed; returns whether they look coloured. */
	private static boolean displayedChannels(ImagePlus imp, String role, int z, int t, List<DisplayedChannel> out,
		List<Integer> used)
	{
		int[] czt = position(imp);
		if (imp instanceof CompositeImage && imp.getNChannels() > 1) {
			CompositeImage ci = (CompositeImage) imp;
			if (ci.getMode() == IJ.COMPOSITE) {
				boolean[] active = ci.getActiveChannels();
				for (int c = 1; c <= ci.getNChannels(); c++) {
					if (c - 1 < active.length && !active[c - 1]) continue;
					LUT lut = ci.getChannelLut(c);
					out.add(channel(imp, role, c, z, t, lut, lut.min, lut.max));
					used.add(c);
				}
				if (out.isEmpty()) {
					throw new IllegalArgumentException(role + " image '" + imp.getTitle()
						+ "' shows no channel: activate at least one in Image>Color>Channels Tool");
				}
				return out.size() > 1 || !DisplayedChannel.isGray(ci.getChannelLut(used.get(0)));
			}
			int c = czt[0];
			LUT lut = ci.getChannelLut(c);
			LUT shown = ci.getMode() == IJ.GRAYSCALE ? null : lut;
			out.add(channel(imp, role, c, z, t, shown, lut.min, lut.max));
			used.add(c);
			return !DisplayedChannel.isGray(shown);
		}
		int c = czt[0];
		LUT lut = imp.getProcessor().getLut();
		out.add(channel(imp, role, c, z, t, lut, imp.getDisplayRangeMin(), imp.getDisplayRangeMax()));
		used.add(c);
		return !DisplayedChannel.isGray(lut);
	}

	private static DisplayedChannel channel(ImagePlus imp, String role, int c, int z, int t, LUT lut, double min,
		double max)
	{
		if (!Double.isFinite(min) || !Double.isFinite(max)) {
			throw new IllegalArgumentException(role + " image '" + imp.getTitle() + "' has a display range of " + min
				+ "–" + max + " (channel " + c + "): set a finite one with Image>Adjust>Brightness/Contrast");
		}
		return new DisplayedChannel(ImagePlanes.gray(imp, c, z, t), lut, min, max);
	}

	/**
	 * The current (channel, slice, frame), 1-based. Derived from the current stack index because
	 * getC/getZ/getT are only kept up to date for displayed hyperstacks.
	 */
	static int[] position(ImagePlus imp) {
		return imp.convertIndexToPosition(imp.getCurrentSlice());
	}

	/** "channel 2/3, slice 5/10, frame 1/4" for the dimensions that have more than one plane. */
	private static String position(ImagePlus imp, List<Integer> channels, int z, int t) {
		List<String> parts = new ArrayList<>();
		if (imp.getNChannels() > 1 && channels != null) {
			if (channels.size() == 1) parts.add("channel " + channels.get(0) + "/" + imp.getNChannels());
			else {
				StringBuilder sb = new StringBuilder("channels ");
				for (int k = 0; k < channels.size(); k++) sb.append(k > 0 ? "+" : "").append(channels.get(k));
				parts.add(sb.append(" (composite)").toString());
			}
		}
		if (imp.getNSlices() > 1) parts.add("slice " + z + "/" + imp.getNSlices());
		if (imp.getNFrames() > 1) parts.add("frame " + t + "/" + imp.getNFrames());
		return String.join(", ", parts);
	}
}
