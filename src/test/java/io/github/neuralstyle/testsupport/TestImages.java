package io.github.neuralstyle.testsupport;

import io.github.neuralstyle.engine.RgbImage;

/** Small deterministic RGB images for tests. */
public final class TestImages {

	private TestImages() {}

	/** Smooth gradients with a disc: a stand-in for a photo. */
	public static RgbImage content(int width, int height) {
		float[] d = new float[3 * width * height];
		int plane = width * height;
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				double u = x / (double) Math.max(1, width - 1);
				double v = y / (double) Math.max(1, height - 1);
				double r = Math.hypot(u - 0.5, v - 0.5);
				int i = y * width + x;
				d[i] = (float) (r < 0.3 ? 0.9 : 0.2 + 0.5 * u);
				d[plane + i] = (float) (0.3 + 0.4 * v);
				d[2 * plane + i] = (float) (r < 0.3 ? 0.1 : 0.6 - 0.3 * u);
			}
		}
		return new RgbImage(width, height, d);
	}

	/** Diagonal coloured stripes: a stand-in for a painting's texture. */
	public static RgbImage style(int width, int height) {
		float[] d = new float[3 * width * height];
		int plane = width * height;
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				double s = Math.sin((x + y) * 0.8);
				double t = Math.cos((x - 2 * y) * 0.5);
				int i = y * width + x;
				d[i] = (float) (0.5 + 0.45 * s);
				d[plane + i] = (float) (0.5 + 0.45 * t);
				d[2 * plane + i] = (float) (0.5 - 0.4 * s * t);
			}
		}
		return new RgbImage(width, height, d);
	}

	/**
	 * Uniform [0,1) noise from {@code seed}: a start image with no flat areas, where max pooling
	 * has no near-ties for float rounding to flip.
	 */
	public static RgbImage noise(int width, int height, long seed) {
		java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
		float[] d = new float[3 * width * height];
		for (int i = 0; i < d.length; i++) d[i] = (float) random.nextDouble();
		return new RgbImage(width, height, d);
	}
}
