package io.github.neuralstyle.engine.losses;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * The normalised Gram matrix of a feature map: for features F of shape (1, C, H, W) viewed as
 * the C × (H·W) matrix F, {@code G = F·Fᵀ / (C·H·W)}, a C × C matrix.
 */
public final class GramMatrix {

	private GramMatrix() {}

	/** Returns G = F·Fᵀ / (C·H·W) for features of shape (1, C, H, W). */
	public static NDArray of(NDArray features) {
		Shape s = features.getShape();
		if (s.dimension() != 4 || s.get(0) != 1) {
			throw new IllegalArgumentException("Gram matrix needs features of shape (1, C, H, W), got " + s);
		}
		long c = s.get(1);
		long hw = s.get(2) * s.get(3);
		NDArray f = features.reshape(c, hw);
		return f.matMul(f.transpose()).div(Scalars.of(f, c * hw));
	}
}
