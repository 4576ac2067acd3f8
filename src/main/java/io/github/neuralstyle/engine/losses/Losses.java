package io.github.neuralstyle.engine.losses;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * The loss terms. With x the RGB image in [0,1] of shape (1, 3, H, W):
 * <ul>
 * <li>content = Σ_l w_l · mean((F_l − P_l)²), F the output's and P the content's features;</li>
 * <li>style = Σ_l w_l · mean((G_l − A_l)²), G and A the {@link GramMatrix Gram matrices} of the
 * output's and the style's features (differentiated through a {@link StyleTerm surrogate});</li>
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

	/**
	 * One layer's style term: {@code value} = mean((G − A)²) for features F (1, C, H, W) and the
	 * target Gram matrix A (symmetric, as every Gram matrix is), outside the graph, and {@code surrogate}, a graph node whose gradient
	 * with respect to F is that of {@code value}, for a caller's backward pass.
	 *
	 * @param value     mean((G − A)²), a 0-d array without a graph
	 * @param surrogate Σ D ⊙ P with P = F·F̄ᵀ, F̄ = F detached, D = 4·(G − A) / (C²·n) held
	 *                  constant, n = C·H·W: ∂/∂F = D·F = 4·(G − A)·F / (C²·n) = ∂value/∂F
	 */
	public record StyleTerm(NDArray value, NDArray surrogate) {}

	/**
	 * The style term of one layer (see {@link StyleTerm}). Autograd through G = F·Fᵀ/n costs two
	 * C×C×HW products in backward (one per operand); with F̄ detached it costs one, a third of
	 * the Gram matrices' work and about 2% of a whole step, at no extra memory (F̄ shares F's).
	 */
	public static StyleTerm style(NDArray features, NDArray targetGram) {
		Shape s = features.getShape();
		long c = s.get(1);
		long n = c * s.get(2) * s.get(3);
		NDArray f = features.reshape(c, n / c);
		NDArray product = f.matMul(f.stopGradient().transpose());
		NDArray diff = product.stopGradient().div(Scalars.of(f, n)).sub(targetGram);
		NDArray d = diff.mul(Scalars.of(f, 4.0 / ((double) c * c * n)));
		return new StyleTerm(diff.square().mean(), product.mul(d).sum());
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
