package io.github.neuralstyle.testsupport;

import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.video.FlowField;

import java.util.Random;

/**
 * Frame pairs with known optical flow. Frames are rendered from a continuous texture (a sum of
 * cosines of 8–48 px wavelength in many directions), so the second frame is the exact moved
 * texture, with no resampling error in the ground truth.
 *
 * @param first    the first frame
 * @param second   the second frame
 * @param truth    the true flow: first(p) = second(p + truth(p)) where p + truth(p) is visible
 * @param evaluate where the truth is defined and checkable: away from borders and occlusions
 */
public record SyntheticMotion(RgbImage first, RgbImage second, FlowField truth, boolean[] evaluate) {

	/** Pixels this close to the frame edge or an occlusion boundary are not evaluated. */
	public static final int MARGIN = 8;

	/** The whole texture shifted by (dx, dy) pixels. */
	public static SyntheticMotion translation(int w, int h, double dx, double dy) {
		Texture t = new Texture(3);
		float[] u = new float[w * h], v = new float[w * h];
		java.util.Arrays.fill(u, (float) dx);
		java.util.Arrays.fill(v, (float) dy);
		return new SyntheticMotion(render(w, h, (x, y) -> t.at(x, y)), render(w, h, (x, y) -> t.at(x - dx, y - dy)),
			new FlowField(w, h, u, v), away(w, h, MARGIN + (int) Math.ceil(Math.hypot(dx, dy))));
	}

	/** {@code frames} frames of one texture drifting by (dx, dy) pixels per frame: a tiny time-lapse. */
	public static java.util.List<RgbImage> drift(int w, int h, int frames, double dx, double dy) {
		Texture t = new Texture(3);
		java.util.List<RgbImage> out = new java.util.ArrayList<>();
		for (int k = 0; k < frames; k++) {
			double ox = k * dx, oy = k * dy;
			out.add(render(w, h, (x, y) -> t.at(x - ox, y - oy)));
		}
		return out;
	}

	/** The whole texture rotated by {@code degrees} about the frame's centre. */
	public static SyntheticMotion rotation(int w, int h, double degrees) {
		Texture t = new Texture(5);
		double a = Math.toRadians(degrees), c = Math.cos(a), s = Math.sin(a);
		double cx = (w - 1) / 2.0, cy = (h - 1) / 2.0;
		float[] u = new float[w * h], v = new float[w * h];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				double px = x - cx, py = y - cy;
				u[y * w + x] = (float) (c * px - s * py - px);
				v[y * w + x] = (float) (s * px + c * py - py);
			}
		}
		// second(q) = first(R⁻¹(q − c) + c)
		RgbImage second = render(w, h, (x, y) -> t.at(cx + c * (x - cx) + s * (y - cy), cy - s * (x - cx) + c * (y - cy)));
		double maxShift = Math.toRadians(Math.abs(degrees)) * Math.hypot(cx, cy);
		return new SyntheticMotion(render(w, h, (x, y) -> t.at(x, y)), second, new FlowField(w, h, u, v),
			away(w, h, MARGIN + (int) Math.ceil(maxShift)));
	}

	/**
	 * A textured square of side {@code side} at (x0, y0) moving by (dx, dy) over a still
	 * textured background; the pixels near either position of the square's outline are not
	 * evaluated (occluded or uncovered background, motion boundary).
	 */
	public static SyntheticMotion movingSquare(int w, int h, int x0, int y0, int side, double dx, double dy) {
		Texture back = new Texture(7);
		Texture front = new Texture(8);
		float[] u = new float[w * h], v = new float[w * h];
		boolean[] eval = away(w, h, MARGIN);
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				int i = y * w + x;
				if (inside(x, y, x0, y0, side, 0)) {
					u[i] = (float) dx;
					v[i] = (float) dy;
				}
				boolean nearOutline = near(x, y, x0, y0, side) || near(x - dx, y - dy, x0, y0, side);
				boolean coveredLater = !inside(x, y, x0, y0, side, 0) && inside(x - dx, y - dy, x0, y0, side, 0);
				if (nearOutline || coveredLater) eval[i] = false;
			}
		}
		RgbImage first = render(w, h, (x, y) -> inside(x, y, x0, y0, side, 0) ? front.at(x, y) : back.at(x, y));
		RgbImage second = render(w, h,
			(x, y) -> inside(x - dx, y - dy, x0, y0, side, 0) ? front.at(x - dx, y - dy) : back.at(x, y));
		return new SyntheticMotion(first, second, new FlowField(w, h, u, v), eval);
	}

	/** Mean and maximum endpoint error of {@code flow} over the evaluated pixels: {mean, max}. */
	public double[] endpointError(FlowField flow) {
		double sum = 0, max = 0;
		int n = 0;
		for (int i = 0; i < evaluate.length; i++) {
			if (!evaluate[i]) continue;
			double e = Math.hypot(flow.u()[i] - truth.u()[i], flow.v()[i] - truth.v()[i]);
			sum += e;
			max = Math.max(max, e);
			n++;
		}
		return new double[] { sum / n, max };
	}

	private static boolean inside(double x, double y, int x0, int y0, int side, double grow) {
		return x >= x0 - grow && x < x0 + side + grow && y >= y0 - grow && y < y0 + side + grow;
	}

	private static boolean near(double x, double y, int x0, int y0, int side) {
		return inside(x, y, x0, y0, side, MARGIN / 2.0) && !inside(x, y, x0, y0, side, -MARGIN / 2.0);
	}

	private static boolean[] away(int w, int h, int margin) {
		boolean[] e = new boolean[w * h];
		for (int y = margin; y < h - margin; y++) {
			for (int x = margin; x < w - margin; x++) e[y * w + x] = true;
		}
		return e;
	}

	private interface Scene {
		float[] at(double x, double y);
	}

	private static RgbImage render(int w, int h, Scene scene) {
		float[] d = new float[3 * w * h];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				float[] rgb = scene.at(x, y);
				for (int c = 0; c < 3; c++) d[(c * h + y) * w + x] = rgb[c];
			}
		}
		return new RgbImage(w, h, d);
	}

	/** A seeded sum of cosines per channel, in [0, 1]. */
	private static final class Texture {
		private static final int WAVES = 24;
		private final double[][] k = new double[WAVES][];
		private final double[] phase = new double[WAVES];

		Texture(long seed) {
			Random r = new Random(seed);
			for (int i = 0; i < WAVES; i++) {
				double a = r.nextDouble() * Math.PI;
				double f = 2 * Math.PI / (8 + 40 * r.nextDouble());
				k[i] = new double[] { f * Math.cos(a), f * Math.sin(a) };
				phase[i] = r.nextDouble() * 2 * Math.PI;
			}
		}

		float[] at(double x, double y) {
			float[] rgb = new float[3];
			for (int i = 0; i < WAVES; i++) {
				double s = Math.cos(k[i][0] * x + k[i][1] * y + phase[i]);
				rgb[i % 3] += (float) (s / (2.0 * WAVES / 3) * 1.6);
				rgb[(i + 1) % 3] += (float) (s / (2.0 * WAVES / 3) * 0.4);
			}
			for (int c = 0; c < 3; c++) rgb[c] = Math.max(0, Math.min(1, 0.5f + rgb[c]));
			return rgb;
		}
	}
}
