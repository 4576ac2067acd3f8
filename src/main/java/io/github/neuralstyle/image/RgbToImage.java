package io.github.neuralstyle.image;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.LUT;
import ij.process.ShortProcessor;

import io.github.neuralstyle.engine.RgbImage;

import net.imglib2.Cursor;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.RealType;

/**
 * {@link RgbImage} → ImgLib2 → a new ImagePlus of a {@link ResultType}, carrying over the
 * content's calibration and metadata. The content is never modified.
 */
public final class RgbToImage {

	private RgbToImage() {}

	/**
	 * Builds the result image.
	 * <p>
	 * Grey results take the mean of R, G and B (the engine was given R = G = B), mapped back
	 * through the content's display range and, for an inverted LUT, inverted back; the content's
	 * LUT and display range are kept, so the result looks like the content.
	 *
	 * @param rgb     the engine's result
	 * @param type    the result type
	 * @param content the content image the result derives from (calibration, LUT, metadata)
	 * @param title   the new title
	 */
	public static ImagePlus toImagePlus(RgbImage rgb, ResultType type, ImagePlus content, String title) {
		int w = rgb.width(), h = rgb.height();
		ImageProcessor ip;
		if (type == ResultType.RGB) {
			int[] pixels = new int[w * h];
			fillRgb(rgb, ArrayImgs.argbs(pixels, w, h));
			ip = new ColorProcessor(w, h, pixels);
		}
		else {
			LUT lut = grayLut(content);
			boolean inverted = lut != null && lut.getRed(0) > lut.getRed(255);
			double min = content.getDisplayRangeMin(), max = content.getDisplayRangeMax();
			switch (type) {
				case GRAY8: {
					byte[] p = new byte[w * h];
					fillGray(rgb, ArrayImgs.unsignedBytes(p, w, h), min, max, inverted, 0, 255);
					ip = new ByteProcessor(w, h, p);
					break;
				}
				case GRAY16: {
					short[] p = new short[w * h];
					fillGray(rgb, ArrayImgs.unsignedShorts(p, w, h), min, max, inverted, 0, 65535);
					ip = new ShortProcessor(w, h, p, null);
					break;
				}
				default: {
					float[] p = new float[w * h];
					fillGray(rgb, ArrayImgs.floats(p, w, h), min, max, inverted, Double.NEGATIVE_INFINITY,
						Double.POSITIVE_INFINITY);
					ip = new FloatProcessor(w, h, p);
				}
			}
			if (lut != null) ip.setLut(lut);
			ip.setMinAndMax(min, max);
		}
		ImagePlus out = new ImagePlus(title, ip);
		copyMetadata(content, out);
		return out;
	}

	/** Copies calibration (rescaled when the size changed), Info and image properties. */
	static void copyMetadata(ImagePlus content, ImagePlus out) {
		Calibration cal = content.getCalibration().copy();
		double sx = (double) content.getWidth() / out.getWidth();
		double sy = (double) content.getHeight() / out.getHeight();
		if (cal.scaled()) {
			// an uncalibrated image stays uncalibrated: 1 pixel per "pixel" at any size
			cal.pixelWidth *= sx;
			cal.pixelHeight *= sy;
		}
		cal.xOrigin /= sx;
		cal.yOrigin /= sy;
		if (out.getBitDepth() != content.getBitDepth()) cal.disableDensityCalibration();
		out.setCalibration(cal);
		String info = content.getInfoProperty();
		if (info != null) out.setProperty("Info", info);
		String[] props = content.getPropertiesAsArray();
		if (props != null) out.setProperties(props);
	}

	/** The LUT a grey result should carry: the content's (current channel's), or null. */
	private static LUT grayLut(ImagePlus content) {
		if (content instanceof CompositeImage && content.getNChannels() > 1) {
			CompositeImage ci = (CompositeImage) content;
			// Greyscale mode shows the channel in grey whatever its LUT: so does the result.
			return ci.getMode() == ij.IJ.GRAYSCALE ? null : ci.getChannelLut(ImageToRgb.position(content)[0]);
		}
		return content.getProcessor().getLut();
	}

	private static void fillRgb(RgbImage rgb, ArrayImg<ARGBType, ?> img) {
		float[] d = rgb.data();
		int plane = rgb.width() * rgb.height();
		int i = 0;
		for (Cursor<ARGBType> c = img.cursor(); c.hasNext(); i++) {
			c.next().set(ARGBType.rgba(to8(d[i]), to8(d[plane + i]), to8(d[2 * plane + i]), 255));
		}
	}

	private static <T extends RealType<T> & NativeType<T>> void fillGray(RgbImage rgb, ArrayImg<T, ?> img, double min, double max,
		boolean inverted, double lo, double hi)
	{
		float[] d = rgb.data();
		int plane = rgb.width() * rgb.height();
		boolean integer = hi < Double.POSITIVE_INFINITY;
		int i = 0;
		for (Cursor<T> c = img.cursor(); c.hasNext(); i++) {
			double u = (d[i] + d[plane + i] + d[2 * plane + i]) / 3.0;
			u = Math.min(1, Math.max(0, u));
			if (inverted) u = 1 - u;
			double v = min + u * (max - min);
			if (integer) v = Math.round(v);
			c.next().setReal(Math.min(hi, Math.max(lo, v)));
		}
	}

	private static int to8(float v) {
		return (int) Math.round(Math.min(1, Math.max(0, v)) * 255);
	}
}
