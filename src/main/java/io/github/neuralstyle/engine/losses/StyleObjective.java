package io.github.neuralstyle.engine.losses;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;

import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.network.FeatureNetwork;
import io.github.neuralstyle.engine.optimizers.Evaluation;
import io.github.neuralstyle.engine.platform.Devices;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The style-transfer loss at one scale, {@code α·content + β·style + γ·TV} (see {@link Losses}),
 * with its gradient with respect to the image. Content features and style Gram matrices are
 * computed once, without a graph, when the objective is made.
 */
public final class StyleObjective implements LossObjective {

	private final FeatureNetwork network;
	private final StyleTransferSettings settings;
	private final NDManager targets;
	private final Map<String, NDArray> contentTargets = new HashMap<>();
	private final Map<String, NDArray> styleTargets = new HashMap<>();
	private final Set<String> layers = new LinkedHashSet<>();
	private NDArray[] terms;

	/** Computes the targets from {@code content} and {@code style} at their given sizes. */
	public StyleObjective(FeatureNetwork network, StyleTransferSettings settings, RgbImage content, RgbImage style,
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
		NDArray content = null, style = null, tv;
		try (GradientCollector collector = Engine.getEngine(Devices.ENGINE).newGradientCollector()) {
			Map<String, NDArray> f = network.features(leaf, layers);
			NDArray styleGraph = null;
			for (Map.Entry<String, NDArray> t : contentTargets.entrySet()) {
				double w = settings.contentLayers().get(t.getKey());
				content = weighted(content, Losses.content(f.get(t.getKey()), t.getValue()), w);
			}
			for (Map.Entry<String, NDArray> t : styleTargets.entrySet()) {
				double w = settings.styleLayers().get(t.getKey());
				Losses.StyleTerm term = Losses.style(f.get(t.getKey()), t.getValue());
				style = weighted(style, term.value(), w);
				styleGraph = weighted(styleGraph, term.surrogate(), w);
			}
			tv = settings.tvWeight() > 0 ? Losses.totalVariation(leaf) : null;
			collector.backward(total(settings, content, styleGraph, tv));
		}
		if (terms == null) terms = new NDArray[] { content, style, tv };
		// Outside the collector: the value's sum records no graph.
		NDArray total = total(settings, content, style, tv);
		return new Evaluation(total, leaf.getGradient());
	}

	@Override
	public void beginStep() {
		terms = null;
	}

	@Override
	public NDArray[] stepTerms() {
		return terms;
	}

	/** α·content + β·style + γ·TV of {@code s}'s weights over the terms that are on (null = off). */
	public static NDArray total(StyleTransferSettings s, NDArray content, NDArray style, NDArray tv) {
		NDArray total = weighted(null, content, s.contentWeight());
		total = weighted(total, style, s.styleWeight());
		return weighted(total, tv, s.tvWeight());
	}

	/** acc + weight·term; a null or zero-weighted term adds nothing. */
	public static NDArray weighted(NDArray acc, NDArray term, double weight) {
		if (term == null || weight == 0) return acc;
		NDArray w = term.mul(Scalars.of(term, weight));
		return acc == null ? w : acc.add(w);
	}

	@Override
	public void close() {
		targets.close();
	}
}
