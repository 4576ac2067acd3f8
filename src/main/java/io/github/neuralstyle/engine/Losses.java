package io.github.neuralstyle.engine;

import ai.djl.ndarray.NDArray;

/**
 * The loss terms. With x the RGB image in [0,1] of shape (1, 3, H, W):
 * <ul>
 * <li>content = Σ_l w_l · mean((F_l − P_l)²), F the output's and P the content's features;</li>
 * <li>style = Σ_l w_l · mean((G_l − A_l)²), G and A the {@link GramMatrix Gram matrices} of the
 * output's and the style's features;</li>
 * <li>TV = mean((x[i+1,j] − x[i,j])²) + mean((x[i,j+1] − x[i,j])²), over all channels;</li>
 * <li>total = α·content + β·style + γ·TV.</li>
 * </ul>
 */
public final class Losses {

	private Losses() {}

	/** mean((F − P)²) of one layer. */
	public static NDArray content(NDArray features, NDArray target) {
		return features.sub(target).square().mean();
	}

	/** mean((G − A)²) of one layer, from features and the target Gram matrix A. */
	public static NDArray style(NDArray features, NDArray targetGram) {
		return GramMatrix.of(features).sub(targetGram).square().mean();
	}

	/**
	 * mean((x[i+1,j] − x[i,j])²) + mean((x[i,j+1] − x[i,j])²) for x of shape (1, C, H, W);
	 * a direction with a single row or column contributes 0.
	 */
	public static NDArray totalVariation(NDArray x) {
		long h = x.getShape().get(2);
		long w = x.getShape().get(3);
		NDArray sum = null;
		if (h > 1) {
			sum = x.get(":, :, 1:, :").sub(x.get(":, :, :-1, :")).square().mean();
		}
		if (w > 1) {
			NDArray dw = x.get(":, :, :, 1:").sub(x.get(":, :, :, :-1")).square().mean();
			sum = sum == null ? dw : sum.add(dw);
		}
		return sum != null ? sum : x.sum().mul(0);
	}
}
