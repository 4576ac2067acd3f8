package io.github.neuralstyle.engine.control;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;

import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.StyleControls;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.losses.LossObjective;
import io.github.neuralstyle.engine.losses.Losses;
import io.github.neuralstyle.engine.losses.Reduction;
import io.github.neuralstyle.engine.losses.Scalars;
import io.github.neuralstyle.engine.losses.StyleObjective;
import io.github.neuralstyle.engine.losses.StyleTargets;
import io.github.neuralstyle.engine.losses.SumLosses;
import io.github.neuralstyle.engine.network.FeatureNetwork;
import io.github.neuralstyle.engine.optimizers.Evaluation;
import io.github.neuralstyle.engine.platform.Devices;
import io.github.neuralstyle.engine.regions.LayerGeometry;
import io.github.neuralstyle.engine.regions.RegionStyle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The untiled loss of a run with {@link StyleControls} that change the objective: style targets
 * blended from several styles at a style scale ({@link StyleTargets}) or, with regions, one
 * guided style term per region ({@link RegionStyle}, Gatys et al. 2017); the content term as a
 * mean or a sum; the TV term quadratic ({@link Losses#totalVariation}) or a power
 * ({@link SumLosses#totalVariationPower}). With one style at scale 1 and the default forms it
 * computes exactly what {@link StyleObjective} does.
 */
public final class ControlledObjective implements LossObjective {

	/** The image side at which a summed term equals the mean (see {@link StyleControls}). */
	static final int REFERENCE_SIDE = 512;

	private final FeatureNetwork network;
	private final StyleTransferSettings settings;
	private final StyleControls controls;
	private final NDManager targets;
	private final Map<String, NDArray> contentTargets = new HashMap<>();
	private final Map<String, NDArray> styleTargets = new HashMap<>();
	private final List<RegionStyle> regions = new ArrayList<>();
	private final Set<String> layers = new LinkedHashSet<>();
	private NDArray[] terms;

	/**
	 * Targets for the content {@code c} at the working size and the styles (style 0 first, at
	 * their own sizes, colours already prepared).
	 */
	public ControlledObjective(FeatureNetwork network, StyleTransferSettings settings, RgbImage c, List<RgbImage> styles,
		NDManager parent)
	{
		this.network = network;
		this.settings = settings;
		this.controls = settings.controls();
		this.targets = parent.newSubManager();
		boolean style = settings.styleWeight() > 0;
		if (settings.contentWeight() > 0) layers.addAll(settings.contentLayers().keySet());
		if (style) layers.addAll(settings.styleLayers().keySet());
		try (NDManager tmp = targets.newSubManager()) {
			if (settings.contentWeight() > 0 && !settings.contentLayers().isEmpty()) {
				Map<String, NDArray> f = network.features(network.toArray(c, tmp), settings.contentLayers().keySet());
				for (Map.Entry<String, NDArray> e : f.entrySet()) {
					e.getValue().attach(targets);
					contentTargets.put(e.getKey(), e.getValue());
				}
			}
		}
		if (!style) return;
		if (controls.regions() == null) {
			styleTargets.putAll(StyleTargets.of(network, settings.styleLayers().keySet(), styles, controls.blendWeights(),
				controls.styleScale(), c.width(), c.height(), targets));
		}
		else {
			regions.addAll(RegionTerms.of(network, settings.styleLayers().keySet(), controls, styles, c.width(), c.height(), targets));
		}
	}

	@Override
	public Evaluation evaluate(NDArray x) {
		NDArray leaf = x.duplicate();
		leaf.setRequiresGradient(true);
		NDArray content = null, style = null, tv;
		try (GradientCollector collector = Engine.getEngine(Devices.ENGINE).newGradientCollector()) {
			Map<String, NDArray> f = network.features(leaf, layers);
			NDArray styleGraph = null;
			for (Map.Entry<String, NDArray> t : contentTargets.entrySet()) {
				double w = settings.contentLayers().get(t.getKey());
				content = StyleObjective.weighted(content, contentTerm(t.getKey(), f.get(t.getKey()), t.getValue()), w);
			}
			for (Map.Entry<String, NDArray> t : styleTargets.entrySet()) {
				double w = settings.styleLayers().get(t.getKey());
				Losses.StyleTerm term = Losses.style(f.get(t.getKey()), t.getValue());
				style = StyleObjective.weighted(style, term.value(), w);
				styleGraph = StyleObjective.weighted(styleGraph, term.surrogate(), w);
			}
			for (RegionStyle r : regions) {
				Losses.StyleTerm term = r.term(f, settings.styleLayers());
				if (term == null) continue;
				style = StyleObjective.weighted(style, term.value(), 1);
				styleGraph = StyleObjective.weighted(styleGraph, term.surrogate(), 1);
			}
			tv = settings.tvWeight() > 0 ? tvTerm(leaf) : null;
			collector.backward(StyleObjective.total(settings, content, styleGraph, tv));
		}
		if (terms == null) terms = new NDArray[] { content, style, tv };
		NDArray total = StyleObjective.total(settings, content, style, tv);
		return new Evaluation(total, leaf.getGradient());
	}

	/** mean((F − P)²), or Σ(F − P)² over the layer's value count at 512 × 512. */
	private NDArray contentTerm(String layer, NDArray features, NDArray target) {
		if (controls.contentReduction() == Reduction.MEAN) return Losses.content(features, target);
		int side = LayerGeometry.of(network.architecture(), layer).outputSide(REFERENCE_SIDE);
		double count = (double) features.getShape().get(1) * side * side;
		NDArray sum = SumLosses.content(features, target);
		return sum.mul(Scalars.of(sum, 1 / count));
	}

	/** The quadratic TV, or the power TV as a mean over its terms or a sum over 3·512² samples. */
	private NDArray tvTerm(NDArray x) {
		if (Double.isNaN(controls.tvPower())) return Losses.totalVariation(x);
		NDArray sum = SumLosses.totalVariationPower(x, controls.tvPower());
		long c = x.getShape().get(1), h = x.getShape().get(2), w = x.getShape().get(3);
		double count = controls.tvReduction() == Reduction.SUM ? 3.0 * REFERENCE_SIDE * REFERENCE_SIDE
			: Math.max(1, (double) c * (h - 1) * (w - 1));
		return sum.mul(Scalars.of(sum, 1 / count));
	}

	@Override
	public void beginStep() {
		terms = null;
	}

	@Override
	public NDArray[] stepTerms() {
		return terms;
	}

	@Override
	public void close() {
		targets.close();
	}
}
