package io.github.neuralstyle.engine;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The style-transfer loss at one scale, {@code α·content + β·style + γ·TV} (see {@link Losses}),
 * with its gradient with respect to the image. Content features and style Gram matrices are
 * computed once, without a graph, when the objective is made.
 */
final class StyleObjective implements Objective, AutoCloseable {

	private final FeatureNetwork network;
	private final StyleTransferSettings settings;
	private final NDManager targets;
	private final Map<String, NDArray> contentTargets = new HashMap<>();
	private final Map<String, NDArray> styleTargets = new HashMap<>();
	private final Set<String> layers = new LinkedHashSet<>();
	private NDArray[] lastTerms;

	/** Computes the targets from {@code content} and {@code style} at their given sizes. */
	StyleObjective(FeatureNetwork network, StyleTransferSettings settings, RgbImage content, RgbImage style,
		NDManager parent)
	{
		this.network = network;
		this.settings = settings;
		this.targets = parent.newSubManager();
		if (settings.contentWeight() > 0) layers.addAll(settings.contentLayers().keySet());
		if (settings.styleWeight() > 0) layers.addAll(settings.styleLayers().keySet());
		try (NDManager tmp = targets.newSubManager()) {
			if (settings.contentWeight() > 0 && !settings.contentLayers().isEmpty()) {
				Map<String, NDArray> f = network.features(network.toArray(content, tmp), settings.contentLayers().keySet());
				for (Map.Entry<String, NDArray> e : f.entrySet()) {
					e.getValue().attach(targets);
					contentTargets.put(e.getKey(), e.getValue());
				}
			}
			if (settings.styleWeight() > 0) {
				Map<String, NDArray> f = network.features(network.toArray(style, tmp), settings.styleLayers().keySet());
				for (Map.Entry<String, NDArray> e : f.entrySet()) {
					NDArray gram = GramMatrix.of(e.getValue());
					gram.attach(targets);
					styleTargets.put(e.getKey(), gram);
				}
			}
		}
	}

	@Override
	public Evaluation evaluate(NDArray x) {
		// A fresh leaf per evaluation: no gradient accumulates across steps, and it dies with the step.
		NDArray leaf = x.duplicate();
		leaf.setRequiresGradient(true);
		NDArray total;
		try (GradientCollector collector = Engine.getEngine(Devices.ENGINE).newGradientCollector()) {
			Map<String, NDArray> f = network.features(leaf, layers);
			NDArray content = sum(contentTargets, settings.contentLayers(), f, false);
			NDArray style = sum(styleTargets, settings.styleLayers(), f, true);
			NDArray tv = settings.tvWeight() > 0 ? Losses.totalVariation(leaf) : null;
			total = weighted(null, content, settings.contentWeight());
			total = weighted(total, style, settings.styleWeight());
			total = weighted(total, tv, settings.tvWeight());
			collector.backward(total);
			lastTerms = new NDArray[] { content, style, tv };
		}
		return new Evaluation(total, leaf.getGradient());
	}

	/** The unweighted content, style and TV terms of the last evaluation; null where a term is off. */
	NDArray[] lastTerms() {
		return lastTerms;
	}

	private static NDArray sum(Map<String, NDArray> targets, Map<String, Double> weights, Map<String, NDArray> f,
		boolean gram)
	{
		NDArray acc = null;
		for (Map.Entry<String, NDArray> t : targets.entrySet()) {
			NDArray features = f.get(t.getKey());
			NDArray term = gram ? Losses.style(features, t.getValue()) : Losses.content(features, t.getValue());
			term = term.mul(weights.get(t.getKey()).floatValue());
			acc = acc == null ? term : acc.add(term);
		}
		return acc;
	}

	private static NDArray weighted(NDArray acc, NDArray term, double weight) {
		if (term == null || weight == 0) return acc;
		NDArray w = term.mul((float) weight);
		return acc == null ? w : acc.add(w);
	}

	@Override
	public void close() {
		targets.close();
	}
}
