package io.github.neuralstyle.engine.video;

/**
 * Where a warped previous frame can be trusted, after Ruder, Dosovitskiy &amp; Brox 2016 (section
 * 3.2). On the current frame's grid, with ŵ the backward flow (current → previous) and w̃(p) =
 * w(p + ŵ(p)) the forward flow (previous → current) warped onto that grid, a pixel gets weight 0
 * where
 * <ul>
 * <li>the flows disagree (occlusion): |w̃ + ŵ|² &gt; 0.01·(|w̃|² + |ŵ|²) + 0.5;</li>
 * <li>the backward flow changes fast (motion boundary): |∇û|² + |∇v̂|² &gt; 0.01·|ŵ|² + 0.002,
 * with central differences (one-sided at the frame's edge);</li>
 * <li>p + ŵ(p) lies outside the previous frame;</li>
 * </ul>
 * and weight 1 elsewhere.
 */
public final class ConsistencyMask {

	private ConsistencyMask() {}

	/** The weights (row-major, 0 or 1) for the current frame; see the class description. */
	public static float[] of(FlowField forward, FlowField backward) {
		int w = backward.width();
		int h = backward.height();
		Warp.requireSameSize(w, h, forward);
		float[] bu = backward.u();
		float[] bv = backward.v();
		float[] fu = Planes.warp(forward.u(), backward);
		float[] fv = Planes.warp(forward.v(), backward);
		float[][] gu = Planes.centralGradient(bu, w, h);
		float[][] gv = Planes.centralGradient(bv, w, h);
		float[] inside = Warp.inside(backward);
		float[] mask = new float[w * h];
		for (int i = 0; i < mask.length; i++) {
			float su = fu[i] + bu[i];
			float sv = fv[i] + bv[i];
			float back2 = bu[i] * bu[i] + bv[i] * bv[i];
			float fwd2 = fu[i] * fu[i] + fv[i] * fv[i];
			boolean occluded = su * su + sv * sv > 0.01f * (fwd2 + back2) + 0.5f;
			float grad2 = gu[0][i] * gu[0][i] + gu[1][i] * gu[1][i] + gv[0][i] * gv[0][i] + gv[1][i] * gv[1][i];
			boolean boundary = grad2 > 0.01f * back2 + 0.002f;
			mask[i] = occluded || boundary || inside[i] == 0 ? 0 : 1;
		}
		return mask;
	}
}
