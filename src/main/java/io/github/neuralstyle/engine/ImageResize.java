package io.github.neuralstyle.engine;

/**
 * Separable resampling with a triangle (bilinear) kernel widened by the scale factor when
 * shrinking, so that downscaling averages instead of aliasing; edges are clamped.
 */
public final class ImageResize {

	private ImageResize() {}

	/** The size whose long side is {@code longSide}, keeping the aspect ratio; each side at least 1. */
	public static int[] fitLongSide(int width, int height, int longSide) {
		if (width >= height) {
			return new int[] { longSide, Math.max(1, (int) Math.round(height * (double) longSide / width)) };
		}
		return new int[] { Math.max(1, (int) Math.round(width * (double) longSide / height)), longSide };
	}

	/** Resamples {@code image} to {@code width × height}; returns the same instance if the size is unchanged. */
	public static RgbImage resize(RgbImage image, int width, int height) {
		if (image.width() == width && image.height() == height) return image;
		int w0 = image.width();
		int h0 = image.height();
		float[] src = image.data();
		float[] tmp = new float[3 * h0 * width];
		float[] out = new float[3 * height * width];
		Kernel kx = new Kernel(w0, width);
		Kernel ky = new Kernel(h0, height);
		for (int c = 0; c < 3; c++) {
			for (int y = 0; y < h0; y++) {
				int row = (c * h0 + y) * w0;
				int dst = (c * h0 + y) * width;
				for (int x = 0; x < width; x++) tmp[dst + x] = kx.apply(src, row, 1, x);
			}
			for (int x = 0; x < width; x++) {
				int col = c * h0 * width + x;
				for (int y = 0; y < height; y++) out[(c * height + y) * width + x] = ky.apply(tmp, col, width, y);
			}
		}
		return new RgbImage(width, height, out);
	}

	/** Precomputed taps and weights mapping n source samples onto m targets. */
	private static final class Kernel {
		final int[] first;
		final float[][] weights;

		Kernel(int n, int m) {
			double scale = n / (double) m;
			double support = Math.max(1, scale);
			first = new int[m];
			weights = new float[m][];
			for (int i = 0; i < m; i++) {
				double center = (i + 0.5) * scale - 0.5;
				int lo = (int) Math.floor(center - support) + 1;
				int hi = (int) Math.ceil(center + support) - 1;
				float[] w = new float[hi - lo + 1];
				double sum = 0;
				for (int k = lo; k <= hi; k++) {
					double v = Math.max(0, 1 - Math.abs((k - center) / support));
					w[k - lo] = (float) v;
					sum += v;
				}
				if (sum == 0) { // center exactly on a tap with zero width cannot happen, but stay safe
					w = new float[] { 1 };
					lo = (int) Math.round(center);
					sum = 1;
				}
				for (int k = 0; k < w.length; k++) w[k] /= sum;
				first[i] = lo;
				weights[i] = w;
			}
			this.n = n;
		}

		final int n;

		float apply(float[] data, int offset, int stride, int i) {
			float[] w = weights[i];
			float acc = 0;
			for (int k = 0; k < w.length; k++) {
				int j = Math.min(n - 1, Math.max(0, first[i] + k));
				acc += w[k] * data[offset + j * stride];
			}
			return acc;
		}
	}
}
