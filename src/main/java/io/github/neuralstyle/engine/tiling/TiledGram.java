package io.github.neuralstyle.engine.tiling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import io.github.neuralstyle.engine.losses.Scalars;
import io.github.neuralstyle.engine.network.FeatureNetwork;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Normalised Gram matrices of a whole image computed tile by tile without a graph:
 * G = Σ_tiles F_core·F_coreᵀ / (C·N), N the layer's positions over the whole image, equal to
 * {@link io.github.neuralstyle.engine.losses.GramMatrix#of} of the untiled features.
 */
final class TiledGram {

	private TiledGram() {}

	/** Each layer's Gram matrix of {@code image} (1, 3, H, W), owned by {@code into}. */
	static Map<String, NDArray> of(FeatureNetwork network, NDArray image, TileGrid grid, Collection<String> layers,
		Map<String, Integer> strides, NDManager into)
	{
		Map<String, NDArray> sums = new HashMap<>();
		Map<String, Long> positions = new HashMap<>();
		for (Tile tile : grid.tiles()) {
			try (NDManager t = into.newSubManager()) {
				NDArray window = grid.window(image, tile);
				window.attach(t);
				Map<String, NDArray> f = network.features(window, layers);
				for (String layer : layers) {
					NDArray core = grid.core(f.get(layer), tile, strides.get(layer));
					if (core == null) continue;
					long c = core.getShape().get(1);
					long n = core.getShape().get(2) * core.getShape().get(3);
					NDArray m = core.reshape(c, n);
					NDArray product = m.matMul(m.transpose());
					NDArray sum = sums.get(layer);
					if (sum == null) {
						product.attach(into);
						sums.put(layer, product);
					}
					else {
						sum.addi(product);
					}
					positions.merge(layer, n, Long::sum);
				}
			}
		}
		Map<String, NDArray> grams = new HashMap<>();
		for (Map.Entry<String, NDArray> e : sums.entrySet()) {
			NDArray sum = e.getValue();
			long c = sum.getShape().get(0);
			grams.put(e.getKey(), sum.divi(Scalars.of(sum, (double) c * positions.get(e.getKey()))));
		}
		return grams;
	}
}
