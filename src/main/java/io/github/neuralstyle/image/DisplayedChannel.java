package io.github.neuralstyle.image;

import ij.process.LUT;

import net.imglib2.Cursor;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.type.numeric.RealType;

/**
 * One grey-level plane as ImageJ displays it: values mapped through the display range
 * {@code [min, max]} to [0,1], then through the LUT to a colour. Adding the colours of several
 * channels gives what a composite image shows.
 * <p>
 * The LUT is interpolated linearly between its 256 entries, so a 16- or 32-bit image under a
 * grey or single-colour LUT keeps its full precision instead of 256 levels.
 */
final class DisplayedChannel {

	private final ArrayImg<? extends RealType<?>, ?> plane;
	private final float[][] lut;
	private final double min, max;

	DisplayedChannel(ArrayImg<? extends RealType<?>, ?> plane, LUT lut, double min, double max) {
		this.plane = plane;
		this.lut = lutTable(lut);
		this.min = min;
		this.max = max;
	}

	/** Whether the LUT is grey (r = g = b everywhere), ascending or inverted. */
	static boolean isGray(LUT lut) {
		if (lut == null) return true;
		for (int i = 0; i < lut.getMapSize(); i++) {
			if (lut.getRed(i) != lut.getGreen(i) || lut.getGreen(i) != lut.getBlue(i)) return false;
		}
		return true;
	}

	/**
	 * Adds this channel's displayed colour to the planar RGB array {@code chw}.
	 *
	 * @return the number of NaN samples, which are shown as the display minimum
	 */
	long addTo(float[] chw) {
		int plane = chw.length / 3;
		double range = max - min;
		long nan = 0;
		int i = 0;
		for (Cursor<? extends RealType<?>> c = this.plane.cursor(); c.hasNext(); i++) {
			double v = c.next().getRealDouble();
			double u;
			if (Double.isNaN(v)) {
				nan++;
				u = 0;
			}
			else if (range > 0) u = Math.min(1, Math.max(0, (v - min) / range));
			else u = v > min ? 1 : 0; // ImageJ's look of a flat display range: a threshold
			double x = u * 255;
			int k = Math.min(254, (int) x);
			double f = x - k;
			for (int ch = 0; ch < 3; ch++) {
				chw[ch * plane + i] += (float) (lut[ch][k] + f * (lut[ch][k + 1] - lut[ch][k]));
			}
		}
		return nan;
	}

	/** The LUT as three arrays of 256 values in [0,1]; grey when {@code lut} is null. */
	private static float[][] lutTable(LUT lut) {
		float[][] t = new float[3][256];
		for (int i = 0; i < 256; i++) {
			if (lut == null || lut.getMapSize() != 256) {
				t[0][i] = t[1][i] = t[2][i] = i / 255f;
			}
			else {
				t[0][i] = lut.getRed(i) / 255f;
				t[1][i] = lut.getGreen(i) / 255f;
				t[2][i] = lut.getBlue(i) / 255f;
			}
		}
		return t;
	}
}
