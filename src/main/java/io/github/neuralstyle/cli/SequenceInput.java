package io.github.neuralstyle.cli;

import ij.ImagePlus;
import ij.io.Opener;
import ij.measure.Calibration;
import ij.plugin.FileInfoVirtualStack;

import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.video.FrameSource;
import io.github.neuralstyle.files.FolderOutput;
import io.github.neuralstyle.files.ImageFileReader;
import io.github.neuralstyle.files.OutputFile;
import io.github.neuralstyle.image.ImageToRgb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The content frames of a sequence on disk, read one at a time: the images of a folder sorted
 * by name (numbers in names compared as numbers), or the planes of a multi-page TIFF read
 * through a virtual stack (so a long stack is never in memory whole), converted as Fiji shows
 * them ({@link ImageToRgb}). {@link PlaneSelection} picks the planes.
 */
public final class SequenceInput implements FrameSource {

	/** File extensions a content folder's frames may have. */
	static final List<String> EXTENSIONS = List.of("png", "jpg", "jpeg", "tif", "tiff", "bmp", "gif");

	private final Path content;
	private final List<Path> files;
	private final ImagePlus stack;
	private final int[] stackIndex;
	private final boolean alongSlices;
	private final int workingSize;

	private SequenceInput(Path content, List<Path> files, ImagePlus stack, int[] stackIndex, boolean alongSlices, int workingSize) {
		this.content = content;
		this.files = files;
		this.stack = stack;
		this.stackIndex = stackIndex;
		this.alongSlices = alongSlices;
		this.workingSize = workingSize;
	}

	/**
	 * Opens a folder or a (multi-page) image file as a sequence; checks that there is at least one
	 * frame, that a folder's images share one size and that a stack's planes suit the working size.
	 */
	public static SequenceInput open(Path content, PlaneSelection planes, int workingSize) throws IOException {
		if (!Files.exists(content)) throw new IOException("No such image file or folder: " + content + " (--content); check the path");
		if (ListFile.is(content)) return folder(content, ListFile.read(content), planes, workingSize);
		if (Files.isDirectory(content)) return folder(content, null, planes, workingSize);
		ImagePlus imp = isTiff(content) ? FileInfoVirtualStack.openVirtual(content.toAbsolutePath().toString()) : null;
		if (imp == null || imp.getStackSize() < 1) imp = ImageFileReader.open(content, "content image");
		try {
			ImageToRgb.requireUsableShape("content", imp, workingSize);
		}
		catch (IllegalArgumentException e) {
			throw new IOException("content " + content + ": " + e.getMessage(), e);
		}
		int z = imp.getNSlices(), t = imp.getNFrames();
		boolean alongSlices;
		int fixedAt = 1;
		if (planes.fixed() != null) {
			alongSlices = planes.fixed().equals("frame");
			int limit = alongSlices ? t : z;
			if (planes.at() > limit) {
				throw new CliOptions.UsageException("--planes " + planes.fixed() + "=" + planes.at() + ": " + content.getFileName()
					+ " has " + limit + " " + planes.fixed() + (limit == 1 ? "" : "s") + "; use a number from 1 to " + limit);
			}
			fixedAt = planes.at();
		}
		else if (z > 1 && t > 1) {
			throw new CliOptions.UsageException("content " + content + " is a hyperstack of " + z + " slices × " + t
				+ " frames: choose one dimension with --planes slice=N (the " + t + " frames of slice N) or --planes frame=N (the "
				+ z + " slices of frame N)");
		}
		else {
			alongSlices = z > 1;
		}
		int count = alongSlices ? z : t;
		List<Integer> chosen = planes.choose(count);
		int[] index = new int[chosen.size()];
		for (int k = 0; k < index.length; k++) {
			int p = chosen.get(k) + 1;
			index[k] = alongSlices ? imp.getStackIndex(1, p, fixedAt) : imp.getStackIndex(1, fixedAt, p);
		}
		return new SequenceInput(content, null, imp, index, alongSlices, workingSize);
	}

	/** A folder's images by name, or {@code listed} (a list file's, in its order) where not null. */
	private static SequenceInput folder(Path dir, List<Path> listed, PlaneSelection planes, int workingSize) throws IOException {
		if (planes.fixed() != null) {
			throw new CliOptions.UsageException("--planes " + planes.fixed() + "=…: " + dir + " is a folder of images, not a "
				+ "hyperstack; give plain ranges such as 3-10");
		}
		List<Path> all = listed;
		if (all == null) try (Stream<Path> s = Files.list(dir)) {
			all = s.filter(p -> !p.getFileName().toString().startsWith(".") && Files.isRegularFile(p)
				&& EXTENSIONS.contains(OutputFile.extension(p.getFileName().toString()))).sorted(SequenceInput::byName).toList();
		}
		if (all.isEmpty()) {
			throw new IOException("content folder " + dir + " holds no images (." + String.join(", .", EXTENSIONS)
				+ "): put the frames there, named in playing order (frame001.png, frame002.png, …)");
		}
		List<Path> files = new ArrayList<>();
		for (int i : planes.choose(all.size())) files.add(all.get(i));
		int[] first = FrameHeaders.size(files.get(0));
		for (Path f : files) {
			int[] wh = FrameHeaders.size(f);
			if (wh[0] != first[0] || wh[1] != first[1]) {
				throw new IOException("content folder " + dir + ": " + f.getFileName() + " is " + wh[0] + "×" + wh[1] + " px but "
					+ files.get(0).getFileName() + " is " + first[0] + "×" + first[1]
					+ " px: every frame of a sequence must have one size; resize them to one size first");
			}
		}
		return new SequenceInput(dir, List.copyOf(files), null, null, false, workingSize);
	}

	@Override
	public int size() {
		return files != null ? files.size() : stackIndex.length;
	}

	@Override
	public RgbImage frame(int index) throws IOException {
		if (files != null) return ImageFileReader.read(files.get(index), "frame", workingSize).image();
		synchronized (stack) {
			stack.setSliceWithoutUpdate(stackIndex[index]);
			try {
				return ImageToRgb.convert(stack, "content").image();
			}
			catch (IllegalArgumentException e) {
				throw new IOException("content " + content + ", " + name(index) + ": " + e.getMessage(), e);
			}
		}
	}

	@Override
	public String name(int index) {
		if (files != null) return files.get(index).getFileName().toString();
		return (alongSlices ? "slice " : "frame ") + position(index) + " of " + content.getFileName();
	}

	/**
	 * The file name of frame {@code index}'s result in an output folder: the input's name with
	 * .png for a folder, the stack's name and the 1-based plane number for a stack
	 * ({@code cells-0003.png}). Stable whatever {@code --planes} chooses, so that partial runs
	 * fill one folder.
	 */
	public String outputName(int index) {
		if (files != null) {
			String n = files.get(index).getFileName().toString();
			return n.substring(0, n.lastIndexOf('.')) + ".png";
		}
		return FolderOutput.planeName(content.getFileName().toString(), stackIndex[index]);
	}

	/** {@link #outputName} of every frame, in order. */
	public List<String> outputNames() {
		List<String> names = new ArrayList<>(size());
		for (int i = 0; i < size(); i++) names.add(outputName(i));
		return names;
	}

	/** Whether the frames run along a stack's slices (z) rather than its frames (t) or a folder's files. */
	public boolean alongSlices() {
		return alongSlices;
	}

	/** The stack's calibration (pixel size, frame interval), or null for a folder. */
	public Calibration calibration() {
		return stack == null ? null : stack.getCalibration();
	}

	/** 1-based position along the dimension the frames run. */
	private int position(int index) {
		int[] czt = stack.convertIndexToPosition(stackIndex[index]);
		return alongSlices ? czt[1] : czt[2];
	}

	private static boolean isTiff(Path file) {
		String ext = OutputFile.extension(file.getFileName().toString());
		if (!ext.equals("tif") && !ext.equals("tiff")) return false;
		try {
			return Opener.getTiffFileInfo(file.toAbsolutePath().toString()) != null;
		}
		catch (RuntimeException e) {
			return false;
		}
	}

	/** Name order with runs of digits compared as numbers: frame2 before frame10. */
	static int byName(Path a, Path b) {
		String x = a.getFileName().toString(), y = b.getFileName().toString();
		int i = 0, j = 0;
		while (i < x.length() && j < y.length()) {
			char c = x.charAt(i), d = y.charAt(j);
			if (Character.isDigit(c) && Character.isDigit(d)) {
				int i2 = i, j2 = j;
				while (i2 < x.length() && Character.isDigit(x.charAt(i2))) i2++;
				while (j2 < y.length() && Character.isDigit(y.charAt(j2))) j2++;
				int cmp = new java.math.BigInteger(x.substring(i, i2)).compareTo(new java.math.BigInteger(y.substring(j, j2)));
				if (cmp != 0) return cmp;
				i = i2;
				j = j2;
			}
			else {
				if (c != d) return Character.compare(c, d);
				i++;
				j++;
			}
		}
		int cmp = Integer.compare(x.length() - i, y.length() - j);
		return cmp != 0 ? cmp : x.compareTo(y);
	}
}
