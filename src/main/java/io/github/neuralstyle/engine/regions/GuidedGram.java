package io.github.neuralstyle.engine.regions;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

import io.github.neuralstyle.engine.losses.GramMatrix;
import io.github.neuralstyle.engine.network.FeatureNetwork;

/**
 * Guided Gram matrices (Gatys et al. 2017, eq. 5): G_r = (F ∘ T_r)(F ∘ T_r)ᵀ / (C·H·W), F the
 * C × (H·W) features and T_r a region's {@link GuidanceMaps guidance map} at the layer's
 * resolution, broadcast over the channels. With a unit-RMS map this is the Gram matrix of the
 * region's features; with T ≡ 1 it is {@link GramMatrix#of}. The guided features also go into
 * the style term of the output ({@code Losses.style(guided(F, T_r), A_r)}), which differentiates
 * through the product.
 */
public final class GuidedGram {

	private GuidedGram() {}

	/** F ∘ T for features (1, C, H, W) and a map of H × W. */
	public static NDArray guided(NDArray features, GuidanceMaps.Map2d map) {
		Shape s = features.getShape();
		if (s.dimension() != 4 || s.get(2) != map.height() || s.get(3) != map.width()) {
			throw new IllegalArgumentException("guidance map " + map.width() + "×" + map.height() + " does not fit features "
				+ s + "; make the map for this layer and image size");
		}
		NDArray t = FeatureNetwork.upload(features.getManager(), map.values(), new Shape(1, 1, map.height(), map.width()),
			features.getDataType());
		return features.mul(t);
	}

	/** G_r = (F ∘ T)(F ∘ T)ᵀ / (C·H·W). */
	public static NDArray of(NDArray features, GuidanceMaps.Map2d map) {
		return GramMatrix.of(guided(features, map));
	}
}
