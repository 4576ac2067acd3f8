package io.github.neuralstyle.engine.tiling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import io.github.neuralstyle.engine.losses.Scalars;
import io.github.neuralstyle.engine.network.FeatureNetwork;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Normalised Gram matrices of a whole image summed tile by tile, without a graph:
 * G = Σ_tiles F_core·F_coreᵀ / (C·N), N the layer's positions over the whole image, equal to
 * {@link io.github.neuralstyle.engine.losses.GramMatrix#of} of the untiled features.
 */
final class TiledGram {

	private final TileGrid grid;
	private final Collection<String> layers;
	private final Map<String, Integer> strides;
	private final NDManager into;
	private final Map<String, NDArray> sums = new HashMap<>();
	private final Map<String, Long> positions = new HashMap<>();

	/** An empty sum over {@code grid}'s tiles of {@code layers}, its arrays owned by {@code into}. */
	TiledGram(TileGrid grid, Collection<String> layers, Map<String, Integer> strides, NDManager into) {
		this.grid = grid;
		this.layers = layers;
		this.strides = strides;
		this.into = into;
	}

	/** Each layer's Gram matrix of {@code image} (1, 3, H, W) over all of {@code grid}'s tiles. */
	static Map<String, NDArray> of(FeatureNetwork network, NDArray image, TileGrid grid, Collection<String> layers,
		Map<String, Integer> strides, NDManager into)
	{
		TiledGram sum = new TiledGram(grid, layers, strides, into);
		sum.addForward(network, image, grid.tiles());
		return sum.grams();
	}

	/** Adds {@code tiles}, each run forward from its window of {@code image} and freed before the next. */
	void addForward(FeatureNetwork network, NDArray image, List<Tile> tiles) {
		for (Tile tile : tiles) {
			try (NDManager t = into.newSubManager()) {
				NDArray window = grid.window(image, tile);
				window.attach(t);
				add(tile, network.features(window, layers));
			}
		}
	}

	/** Adds one tile's core products from its window's {@code features} (any graph they carry is not followed). */
	void add(Tile tile, Map<String, NDArray> features) {
		for (String layer : layers) {
			NDArray core = grid.core(features.get(layer), tile, strides.get(layer));
			if (core == null) continue;
			long c = core.getShape().get(1);
			long n = core.getShape().get(2) * core.getShape().get(3);
			NDArray m = core.stopGradient().reshape(c, n);
			NDArray product = m.matMul(m.transpose());
			NDArray sum = sums.get(layer);
			if (sum == null) {
				product.attach(into);
				sums.put(layer, product);
			}
			else {
				sum.addi(product);
				product.close();
			}
			positions.merge(layer, n, Long::sum);
		}
	}

	/** The normalised sums: each layer's Gram matrix (the sums are divided in place). */
	Map<String, NDArray> grams() {
		Map<String, NDArray> grams = new HashMap<>();
		for (Map.Entry<String, NDArray> e : sums.entrySet()) {
			NDArray sum = e.getValue();
			long c = sum.getShape().get(0);
			grams.put(e.getKey(), sum.divi(Scalars.of(sum, (double) c * positions.get(e.getKey()))));
		}
		return grams;
	}
}
