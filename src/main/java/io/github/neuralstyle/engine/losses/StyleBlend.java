package io.github.neuralstyle.engine.losses;

import ai.djl.ndarray.NDArray;

import java.util.List;

/**
 * Several styles as one target (jcjohnson/neural-style {@code -style_blend_weights}): per layer
 * the target Gram matrix is Σ wᵢ·Gᵢ with the weights normalised to sum 1.
 */
public final class StyleBlend {

	private StyleBlend() {}

	/** The weights divided by their sum; each must be finite and ≥ 0, and their sum above 0. */
	public static double[] normalise(double[] weights) {
		if (weights.length == 0) throw new IllegalArgumentException("style blend needs at least one weight, e.g. 3,7");
		double sum = 0;
		for (double w : weights) {
			if (!Double.isFinite(w) || w < 0) {
				throw new IllegalArgumentException("style blend weights must be numbers ≥ 0, got " + w + "; write e.g. 3,7");
			}
			sum += w;
		}
		if (sum <= 0) throw new IllegalArgumentException("style blend weights are all 0: give at least one style a weight above 0");
		double[] out = new double[weights.length];
		for (int i = 0; i < out.length; i++) out[i] = weights[i] / sum;
		return out;
	}

	/**
	 * Σ wᵢ·Gᵢ / Σ wᵢ over Gram matrices of one layer (same shape). Styles of weight 0 are left
	 * out, so weights (1, 0) give the first target exactly.
	 */
	public static NDArray blend(List<NDArray> grams, double[] weights) {
		if (grams.size() != weights.length) {
			throw new IllegalArgumentException(grams.size() + " styles but " + weights.length
				+ " blend weights: give one weight per style");
		}
		double[] w = normalise(weights);
		NDArray acc = null;
		for (int i = 0; i < w.length; i++) {
			if (w[i] == 0) continue;
			NDArray g = grams.get(i);
			if (acc != null && !acc.getShape().equals(g.getShape())) {
				throw new IllegalArgumentException("style " + (i + 1) + "'s Gram matrix is " + g.getShape() + ", not "
					+ acc.getShape() + ": blend Gram matrices of the same layer");
			}
			NDArray term = w[i] == 1 ? g.duplicate() : g.mul(Scalars.of(g, w[i]));
			acc = acc == null ? term : acc.add(term);
		}
		return acc;
	}
}
