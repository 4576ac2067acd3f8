package io.github.neuralstyle.engine.losses;

import ai.djl.ndarray.NDArray;

/**
 * Loss terms in the summed forms some published recipes use (docs/presets.md maps each). A
 * weight on a sum carries over unchanged at every image size, where a weight on a mean would
 * have to grow with the pixel count.
 * <ul>
 * <li>content sum = Σ (F − P)², the sum {@link Losses#content} averages;</li>
 * <li>power TV = Σ over channels and the (H−1)×(W−1) pixels with a right and a lower neighbour of
 * ((x[i,j+1] − x[i,j])² + (x[i+1,j] − x[i,j])²)^p: p = 1 is jcjohnson/neural-style's TV (its
 * strength s on the 0–255 image is a weight of s·255²/2 here), p = 1.25 the Keras article's.</li>
 * </ul>
 */
public final class SumLosses {

	/**
	 * Added inside the power so that its derivative stays finite where neighbours are equal: for
	 * p &lt; 1 the exact derivative p·s^(p−1) is infinite at s = 0 and autograd's 0·∞ gives NaN.
	 * 1e-12 is (1e-6)², far below a float pixel step (1/255 ≈ 4e-3); for p ≥ 1 it is not needed
	 * and not added, so the term is exact.
	 */
	static final double POWER_FLOOR = 1e-12;

	private SumLosses() {}

	/** Σ (F − P)² of one layer. */
	public static NDArray content(NDArray features, NDArray target) {
		return features.sub(target).square().sum();
	}

	/**
	 * Σ ((Δx)² + (Δy)²)^p over the pixels with both neighbours, for x of shape (1, C, H, W);
	 * 0 for an image one pixel high or wide.
	 */
	public static NDArray totalVariationPower(NDArray x, double power) {
		if (!(power > 0) || !Double.isFinite(power)) {
			throw new IllegalArgumentException("tv power must be a number > 0 (1 squared differences, 1.25 the Keras article), got " + power);
		}
		long h = x.getShape().get(2);
		long w = x.getShape().get(3);
		if (h < 2 || w < 2) return x.sum().mul(Scalars.of(x, 0));
		NDArray corner = x.get(":, :, :-1, :-1");
		NDArray dx = x.get(":, :, :-1, 1:").sub(corner);
		NDArray dy = x.get(":, :, 1:, :-1").sub(corner);
		NDArray s = dx.square().add(dy.square());
		if (power == 1) return s.sum();
		if (power < 1) s = s.add(Scalars.of(x, POWER_FLOOR));
		return s.pow(Scalars.of(x, power)).sum();
	}
}
