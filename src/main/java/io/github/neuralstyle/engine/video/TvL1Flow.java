package io.github.neuralstyle.engine.video;

import io.github.neuralstyle.engine.RgbImage;

/**
 * Dense optical flow by TV-L1 (Zach, Pock &amp; Bischof 2007), solved coarse to fine with
 * repeated warping as in Sánchez, Meinhardt-Llopis &amp; Facciolo, "TV-L1 Optical Flow
 * Estimation", IPOL 2013. Works on luma in [0, 255]; returns the flow w with
 * {@code from(p) ≈ to(p + w(p))}. Plain single-threaded Java: about 0.3 s for a 256×192 pair
 * here (see docs/video.md for the measurements and the comparison with BoofCV).
 */
public final class TvL1Flow {

	/** Time step of the dual (Chambolle) update; ≤ 0.25 keeps it stable. */
	private static final float TAU = 0.25f;
	/** Below this squared image gradient the data term gives no direction. */
	private static final float GRAD_IS_ZERO = 1e-10f;
	/** Scale factor between pyramid levels. */
	private static final double ZOOM = 0.5;
	/** Coarsest level's smaller side, in pixels. */
	private static final int MIN_SIDE = 16;

	private final float lambda;
	private final float theta;
	private final int warps;
	private final int maxIterations;
	private final float epsilon;

	/**
	 * @param lambda        data attachment weight (larger: sharper, noisier flow); IPOL default 0.15
	 * @param theta         coupling between the two sub-problems; IPOL default 0.3
	 * @param warps         warps per pyramid level
	 * @param maxIterations inner iterations per warp at most
	 * @param epsilon       stop a warp's iterations when the mean squared update falls below ε²
	 */
	public TvL1Flow(double lambda, double theta, int warps, int maxIterations, double epsilon) {
		if (lambda <= 0 || theta <= 0 || warps < 1 || maxIterations < 1 || epsilon <= 0) {
			throw new IllegalArgumentException("TV-L1 needs lambda, theta, epsilon > 0 and warps, iterations ≥ 1; got "
				+ lambda + ", " + theta + ", " + epsilon + ", " + warps + ", " + maxIterations);
		}
		this.lambda = (float) lambda;
		this.theta = (float) theta;
		this.warps = warps;
		this.maxIterations = maxIterations;
		this.epsilon = (float) epsilon;
	}

	/** The parameters measured in docs/video.md: λ 0.15, θ 0.3, 5 warps, ≤ 50 iterations, ε 0.01. */
	public static TvL1Flow defaults() {
		return new TvL1Flow(0.15, 0.3, 5, 50, 0.01);
	}

	/** The flow from {@code from} to {@code to} (same size): {@code from(p) ≈ to(p + w(p))}. */
	public FlowField estimate(RgbImage from, RgbImage to) {
		if (from.width() != to.width() || from.height() != to.height()) {
			throw new IllegalArgumentException("Frames differ in size: " + from.width() + "×" + from.height() + " and "
				+ to.width() + "×" + to.height() + "; resize them to one size first");
		}
		return estimate(Planes.luma255(from), Planes.luma255(to), from.width(), from.height());
	}

	/** The flow between two grey planes in [0, 255] of size w × h (row-major). */
	public FlowField estimate(float[] from, float[] to, int w, int h) {
		int levels = 1;
		for (double s = ZOOM; Math.min(w, h) * s >= MIN_SIDE; s *= ZOOM) levels++;
		float[][] i0 = new float[levels][];
		float[][] i1 = new float[levels][];
		int[] ws = new int[levels];
		int[] hs = new int[levels];
		// Pre-smoothing as in the IPOL reference (σ 0.8) keeps the linearisation valid on sharp edges.
		i0[0] = Planes.blur(from, w, h, 0.8);
		i1[0] = Planes.blur(to, w, h, 0.8);
		ws[0] = w;
		hs[0] = h;
		double antiAlias = 0.6 * Math.sqrt(1 / (ZOOM * ZOOM) - 1);
		for (int l = 1; l < levels; l++) {
			ws[l] = (int) Math.round(ws[l - 1] * ZOOM);
			hs[l] = (int) Math.round(hs[l - 1] * ZOOM);
			i0[l] = Planes.resample(Planes.blur(i0[l - 1], ws[l - 1], hs[l - 1], antiAlias), ws[l - 1], hs[l - 1], ws[l], hs[l]);
			i1[l] = Planes.resample(Planes.blur(i1[l - 1], ws[l - 1], hs[l - 1], antiAlias), ws[l - 1], hs[l - 1], ws[l], hs[l]);
		}
		FlowField flow = FlowField.constant(ws[levels - 1], hs[levels - 1], 0, 0);
		for (int l = levels - 1; l >= 0; l--) {
			if (l < levels - 1) flow = upscale(flow, ws[l], hs[l]);
			solve(i0[l], i1[l], flow);
		}
		return flow;
	}

	/** The flow resampled to w × h, its vectors scaled by the size ratio. */
	private static FlowField upscale(FlowField f, int w, int h) {
		float[] u = Planes.resample(f.u(), f.width(), f.height(), w, h);
		float[] v = Planes.resample(f.v(), f.width(), f.height(), w, h);
		float sx = w / (float) f.width();
		float sy = h / (float) f.height();
		for (int i = 0; i < u.length; i++) {
			u[i] *= sx;
			v[i] *= sy;
		}
		return new FlowField(w, h, u, v);
	}

	/** Refines {@code flow} in place at one pyramid level. */
	private void solve(float[] i0, float[] i1, FlowField flow) {
		int w = flow.width();
		int h = flow.height();
		int n = w * h;
		float[] u1 = flow.u();
		float[] u2 = flow.v();
		float[][] g = Planes.centralGradient(i1, w, h);
		float[] p11 = new float[n], p12 = new float[n], p21 = new float[n], p22 = new float[n];
		float[] v1 = new float[n], v2 = new float[n];
		float[] div1 = new float[n], div2 = new float[n];
		float lt = lambda * theta;
		float taut = TAU / theta;
		for (int warp = 0; warp < warps; warp++) {
			float[] i1w = Planes.warp(i1, flow);
			float[] gx = Planes.warp(g[0], flow);
			float[] gy = Planes.warp(g[1], flow);
			float[] grad = new float[n];
			float[] rhoC = new float[n];
			for (int i = 0; i < n; i++) {
				grad[i] = gx[i] * gx[i] + gy[i] * gy[i];
				rhoC[i] = i1w[i] - gx[i] * u1[i] - gy[i] * u2[i] - i0[i];
			}
			float error = Float.MAX_VALUE;
			for (int it = 0; it < maxIterations && error > epsilon * epsilon; it++) {
				// Pointwise thresholding: the data term's proximal step.
				for (int i = 0; i < n; i++) {
					float rho = rhoC[i] + gx[i] * u1[i] + gy[i] * u2[i];
					float d1, d2;
					if (rho < -lt * grad[i]) {
						d1 = lt * gx[i];
						d2 = lt * gy[i];
					} else if (rho > lt * grad[i]) {
						d1 = -lt * gx[i];
						d2 = -lt * gy[i];
					} else if (grad[i] < GRAD_IS_ZERO) {
						d1 = 0;
						d2 = 0;
					} else {
						float fi = -rho / grad[i];
						d1 = fi * gx[i];
						d2 = fi * gy[i];
					}
					v1[i] = u1[i] + d1;
					v2[i] = u2[i] + d2;
				}
				divergence(p11, p12, div1, w, h);
				divergence(p21, p22, div2, w, h);
				float sum = 0;
				for (int i = 0; i < n; i++) {
					float a = v1[i] + theta * div1[i];
					float b = v2[i] + theta * div2[i];
					sum += (a - u1[i]) * (a - u1[i]) + (b - u2[i]) * (b - u2[i]);
					u1[i] = a;
					u2[i] = b;
				}
				error = sum / n;
				dualStep(u1, p11, p12, taut, w, h);
				dualStep(u2, p21, p22, taut, w, h);
			}
		}
	}

	/** Chambolle's projection step for the dual field (p1, p2) of one flow component. */
	private static void dualStep(float[] u, float[] p1, float[] p2, float taut, int w, int h) {
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				int i = y * w + x;
				float ux = x < w - 1 ? u[i + 1] - u[i] : 0;
				float uy = y < h - 1 ? u[i + w] - u[i] : 0;
				float ng = 1 + taut * (float) Math.sqrt(ux * ux + uy * uy);
				p1[i] = (p1[i] + taut * ux) / ng;
				p2[i] = (p2[i] + taut * uy) / ng;
			}
		}
	}

	/** Divergence by backward differences: the negative adjoint of the forward gradient. */
	private static void divergence(float[] p1, float[] p2, float[] out, int w, int h) {
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				int i = y * w + x;
				float dx = (x < w - 1 ? p1[i] : 0) - (x > 0 ? p1[i - 1] : 0);
				float dy = (y < h - 1 ? p2[i] : 0) - (y > 0 ? p2[i - w] : 0);
				out[i] = dx + dy;
			}
		}
	}
}
