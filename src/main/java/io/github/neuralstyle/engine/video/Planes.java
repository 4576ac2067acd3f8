package io.github.neuralstyle.engine.video;

import io.github.neuralstyle.engine.RgbImage;

/** Operations on single-channel row-major float planes that flow estimation and warping share. */
final class Planes {

	private Planes() {}

	/** Rec. 601 luma of an RGB image, scaled to [0, 255] (the range TV-L1's λ is tuned for). */
	static float[] luma255(RgbImage image) {
		int n = image.width() * image.height();
		float[] d = image.data();
		float[] out = new float[n];
		for (int i = 0; i < n; i++) out[i] = 255f * (0.299f * d[i] + 0.587f * d[n + i] + 0.114f * d[2 * n + i]);
		return out;
	}

	/** Bilinear sample at (x, y); coordinates outside the grid are clamped to its edge. */
	static float sample(float[] p, int w, int h, float x, float y) {
		x = Math.max(0, Math.min(w - 1, x));
		y = Math.max(0, Math.min(h - 1, y));
		int x0 = Math.min((int) x, w - 2 < 0 ? 0 : w - 2);
		int y0 = Math.min((int) y, h - 2 < 0 ? 0 : h - 2);
		int x1 = Math.min(x0 + 1, w - 1);
		int y1 = Math.min(y0 + 1, h - 1);
		float fx = x - x0;
		float fy = y - y0;
		float top = p[y0 * w + x0] + fx * (p[y0 * w + x1] - p[y0 * w + x0]);
		float bottom = p[y1 * w + x0] + fx * (p[y1 * w + x1] - p[y1 * w + x0]);
		return top + fy * (bottom - top);
	}

	/** {@code p} sampled at (x + u, y + v) for every pixel: the backward warp of a plane. */
	static float[] warp(float[] p, FlowField f) {
		int w = f.width();
		int h = f.height();
		float[] out = new float[w * h];
		float[] u = f.u();
		float[] v = f.v();
		for (int y = 0, i = 0; y < h; y++) {
			for (int x = 0; x < w; x++, i++) out[i] = sample(p, w, h, x + u[i], y + v[i]);
		}
		return out;
	}

	/** Central differences (one-sided at the edges): {gx, gy}. */
	static float[][] centralGradient(float[] p, int w, int h) {
		float[] gx = new float[w * h];
		float[] gy = new float[w * h];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				int i = y * w + x;
				int xl = Math.max(0, x - 1), xr = Math.min(w - 1, x + 1);
				int yu = Math.max(0, y - 1), yd = Math.min(h - 1, y + 1);
				gx[i] = xr == xl ? 0 : (p[y * w + xr] - p[y * w + xl]) / (xr - xl);
				gy[i] = yd == yu ? 0 : (p[yd * w + x] - p[yu * w + x]) / (yd - yu);
			}
		}
		return new float[][] { gx, gy };
	}

	/** Separable Gaussian blur with standard deviation {@code sigma}, edges clamped. */
	static float[] blur(float[] p, int w, int h, double sigma) {
		int r = (int) Math.ceil(3 * sigma);
		if (r < 1) return p.clone();
		float[] k = new float[2 * r + 1];
		double sum = 0;
		for (int i = -r; i <= r; i++) sum += k[i + r] = (float) Math.exp(-i * i / (2 * sigma * sigma));
		for (int i = 0; i < k.length; i++) k[i] /= sum;
		float[] tmp = new float[w * h];
		float[] out = new float[w * h];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				float s = 0;
				for (int j = -r; j <= r; j++) s += k[j + r] * p[y * w + Math.max(0, Math.min(w - 1, x + j))];
				tmp[y * w + x] = s;
			}
		}
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				float s = 0;
				for (int j = -r; j <= r; j++) s += k[j + r] * tmp[Math.max(0, Math.min(h - 1, y + j)) * w + x];
				out[y * w + x] = s;
			}
		}
		return out;
	}

	/**
	 * Resamples a plane to w2 × h2 by bilinear interpolation at pixel centres; when shrinking,
	 * the caller blurs first (anti-aliasing).
	 */
	static float[] resample(float[] p, int w, int h, int w2, int h2) {
		float[] out = new float[w2 * h2];
		float sx = w / (float) w2;
		float sy = h / (float) h2;
		for (int y = 0; y < h2; y++) {
			float yy = (y + 0.5f) * sy - 0.5f;
			for (int x = 0; x < w2; x++) out[y * w2 + x] = sample(p, w, h, (x + 0.5f) * sx - 0.5f, yy);
		}
		return out;
	}
}
