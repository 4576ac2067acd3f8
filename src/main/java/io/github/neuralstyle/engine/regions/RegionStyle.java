package io.github.neuralstyle.engine.regions;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.losses.GramMatrix;
import io.github.neuralstyle.engine.losses.Losses;
import io.github.neuralstyle.engine.network.FeatureNetwork;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One region's share of the style loss (Gatys et al. 2017, eq. 6): Σ_l w_l·mean((G_r,l − A_r,l)²)
 * with G_r,l the output's {@link GuidedGram guided Gram matrix} under the region's content-side
 * map and A_r,l its style's Gram matrix, guided by a style-side mask when one is given.
 *
 * @param guides  layer → the region's map on the output (at the content's working size)
 * @param targets layer → the region's target Gram matrix
 */
public record RegionStyle(Map<String, GuidanceMaps.Map2d> guides, Map<String, NDArray> targets) {

	/**
	 * The region of {@code contentMask} (working size) styled by {@code style}, whose own region is
	 * {@code styleMask} (at the style's size) or, when null, the whole style image.
	 */
	public static RegionStyle of(FeatureNetwork network, Collection<String> layers, float[] contentMask, int width,
		int height, RgbImage style, float[] styleMask, GuidanceMaps.Mode mode, NDManager manager)
	{
		Map<String, GuidanceMaps.Map2d> guides = GuidanceMaps.forLayers(contentMask, width, height, network.architecture(),
			layers, mode);
		Map<String, GuidanceMaps.Map2d> styleGuides = styleMask == null ? null
			: GuidanceMaps.forLayers(styleMask, style.width(), style.height(), network.architecture(), layers, mode);
		Map<String, NDArray> targets = new LinkedHashMap<>();
		try (NDManager tmp = manager.newSubManager()) {
			Map<String, NDArray> f = network.features(network.toArray(style, tmp), layers);
			for (String layer : layers) {
				NDArray gram = styleGuides == null ? GramMatrix.of(f.get(layer)) : GuidedGram.of(f.get(layer), styleGuides.get(layer));
				gram.attach(manager);
				targets.put(layer, gram);
			}
		}
		return new RegionStyle(guides, targets);
	}

	/**
	 * The region's term for the output's features: value and surrogate as in {@link Losses#style},
	 * summed over the layers with their weights; layers where the region has no neuron add nothing.
	 * Null when the region has none at any layer.
	 */
	public Losses.StyleTerm term(Map<String, NDArray> features, Map<String, Double> layerWeights) {
		NDArray value = null, surrogate = null;
		for (Map.Entry<String, NDArray> t : targets.entrySet()) {
			GuidanceMaps.Map2d g = guides.get(t.getKey());
			if (isZero(g)) continue;
			Losses.StyleTerm term = Losses.style(GuidedGram.guided(features.get(t.getKey()), g), t.getValue());
			double w = layerWeights.getOrDefault(t.getKey(), 1.0);
			NDArray v = term.value().mul(scalar(term.value(), w));
			NDArray s = term.surrogate().mul(scalar(term.surrogate(), w));
			value = value == null ? v : value.add(v);
			surrogate = surrogate == null ? s : surrogate.add(s);
		}
		return value == null ? null : new Losses.StyleTerm(value, surrogate);
	}

	/** An engine-owned 0-d constant: a Java-number operand's buffer can be freed before backward reads it (see losses.Scalars). */
	private static NDArray scalar(NDArray like, double value) {
		return like.getManager().full(new Shape(), (float) value, like.getDataType());
	}

	private static boolean isZero(GuidanceMaps.Map2d g) {
		for (float v : g.values()) if (v != 0) return false;
		return true;
	}
}
