package io.github.neuralstyle.engine.losses;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.network.FeatureNetwork;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Style Gram targets of one or several style images at a style scale: each style is resized by
 * {@link StyleScale}, its layers' Gram matrices taken, and the styles blended per layer by
 * {@link StyleBlend}. One style at scale 1 gives the targets a run takes today.
 */
public final class StyleTargets {

	private StyleTargets() {}

	/** Layer → blended target Gram matrix, owned by {@code manager}; styles of weight 0 are not evaluated. */
	public static Map<String, NDArray> of(FeatureNetwork network, Collection<String> layers, List<RgbImage> styles,
		double[] blendWeights, double styleScale, int workingWidth, int workingHeight, NDManager manager)
	{
		if (styles.size() != blendWeights.length) {
			throw new IllegalArgumentException(styles.size() + " styles but " + blendWeights.length
				+ " blend weights: give one weight per style, e.g. --style a.png,b.png --style-blend 3,7");
		}
		double[] w = StyleBlend.normalise(blendWeights);
		Map<String, NDArray> out = new HashMap<>();
		try (NDManager tmp = manager.newSubManager()) {
			Map<String, List<NDArray>> grams = new HashMap<>();
			List<Integer> used = new ArrayList<>();
			for (int i = 0; i < styles.size(); i++) {
				if (w[i] == 0) continue;
				used.add(i);
				RgbImage s = StyleScale.resize(styles.get(i), workingWidth, workingHeight, styleScale);
				Map<String, NDArray> f = network.features(network.toArray(s, tmp), layers);
				for (String layer : layers) grams.computeIfAbsent(layer, k -> new ArrayList<>()).add(GramMatrix.of(f.get(layer)));
			}
			double[] usedWeights = used.stream().mapToDouble(i -> w[i]).toArray();
			for (String layer : layers) {
				NDArray blended = StyleBlend.blend(grams.get(layer), usedWeights);
				blended.attach(manager);
				out.put(layer, blended);
			}
		}
		return out;
	}
}
