package io.github.neuralstyle.image;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.ImageProcessor;

import io.github.neuralstyle.engine.RgbImage;

/**
 * Builds the styled stack of a {@link PlaneSelection} plane by plane, in any order, as results
 * come: each plane is converted by the rules of {@link RgbToImage} and only its pixels are kept.
 * The finished image has the selection's slices and frames in ImageJ's order, the content's
 * calibration (z origin moved to the first selected slice), frame interval, slice labels and
 * Info; the content is never modified.
 */
public final class StackAssembly {

	private final PlaneSelection planes;
	private final ResultType type;
	private final String title;
	private ImageStack stack;
	private ImageProcessor first;
	private int added;

	/**
	 * @param planes the planes being styled
	 * @param type   the result type of every plane
	 * @param title  the result's title
	 */
	public StackAssembly(PlaneSelection planes, ResultType type, String title) {
		this.planes = planes;
		this.type = type;
		this.title = title;
	}

	/** Adds the result of plane {@code k} (stack order); all planes must have one size. */
	public void add(int k, RgbImage rgb) {
		ImagePlus content = planes.image();
		ImageProcessor ip = RgbToImage.toImagePlus(rgb, type, content, title).getProcessor();
		if (stack == null) {
			stack = new ImageStack(ip.getWidth(), ip.getHeight(), planes.count()); // slots only, no pixels yet
			first = ip;
		}
		if (ip.getWidth() != stack.getWidth() || ip.getHeight() != stack.getHeight()) {
			throw new IllegalStateException("plane " + (k + 1) + " is " + ip.getWidth() + "×" + ip.getHeight()
				+ ", the others " + stack.getWidth() + "×" + stack.getHeight());
		}
		if (stack.getPixels(k + 1) == null) added++;
		stack.setPixels(ip.getPixels(), k + 1);
		stack.setSliceLabel(planes.label(k), k + 1);
	}

	/** Whether every plane has its result. */
	public boolean complete() {
		return stack != null && added == planes.count();
	}

	/** The finished image: the selection's slices × frames, the content's metadata. */
	public ImagePlus finish() {
		if (!complete()) throw new IllegalStateException(added + " of " + planes.count() + " planes styled");
		ImagePlus content = planes.image();
		if (first.getLut() != null && type != ResultType.RGB) stack.setColorModel(first.getColorModel());
		ImagePlus out = new ImagePlus(title, stack);
		out.setDimensions(1, planes.nSlices(), planes.nFrames());
		if (planes.nFrames() > 1) out.setOpenAsHyperStack(true);
		RgbToImage.copyMetadata(content, out);
		Calibration cal = out.getCalibration();
		cal.zOrigin -= planes.slice(0) - 1; // result slice 1 sits where the first selected slice was
		if (type != ResultType.RGB) out.setDisplayRange(first.getMin(), first.getMax());
		return out;
	}
}
