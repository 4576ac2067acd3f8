package io.github.neuralstyle.engine.video;

import io.github.neuralstyle.engine.RgbImage;

/**
 * The flicker measure of a styled sequence: per frame, the mean squared difference between the
 * result and the previous result warped by the flow, over the pixels the
 * {@link ConsistencyMask} keeps and all three channels, in [0,1] units; for a sequence, the
 * mean over its frames after the first (each pair counts equally).
 */
public final class TemporalError {

	private double sum;
	private int frames;

	/** The error of one frame; NaN if the mask keeps no pixel. */
	public static double of(RgbImage result, RgbImage warpedPrevious, float[] mask) {
		int w = result.width();
		int h = result.height();
		if (warpedPrevious.width() != w || warpedPrevious.height() != h || mask.length != w * h) {
			throw new IllegalArgumentException("Result " + w + "×" + h + ", warped previous result "
				+ warpedPrevious.width() + "×" + warpedPrevious.height() + " and mask of " + mask.length
				+ " pixels must match; warp and mask at the result's size");
		}
		int n = w * h;
		float[] a = result.data();
		float[] b = warpedPrevious.data();
		double sum = 0;
		long kept = 0;
		for (int i = 0; i < n; i++) {
			if (mask[i] <= 0) continue;
			kept++;
			for (int c = 0; c < 3; c++) {
				double d = a[c * n + i] - b[c * n + i];
				sum += d * d;
			}
		}
		return kept == 0 ? Double.NaN : sum / (3.0 * kept);
	}

	/** Adds one frame's error (see {@link #of}) to the sequence's and returns it; NaN frames are skipped. */
	public double add(RgbImage result, RgbImage warpedPrevious, float[] mask) {
		double e = of(result, warpedPrevious, mask);
		if (!Double.isNaN(e)) {
			sum += e;
			frames++;
		}
		return e;
	}

	/** The mean over the frames added so far; NaN before the first. */
	public double mean() {
		return frames == 0 ? Double.NaN : sum / frames;
	}

	/** How many frames the mean is over. */
	public int frames() {
		return frames;
	}
}
