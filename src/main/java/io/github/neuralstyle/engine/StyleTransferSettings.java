package io.github.neuralstyle.engine;

import io.github.neuralstyle.engine.losses.Losses;
import io.github.neuralstyle.engine.network.Pooling;
import io.github.neuralstyle.engine.network.VggArchitecture;
import io.github.neuralstyle.engine.optimizers.Adam;
import io.github.neuralstyle.engine.optimizers.OptimizerKind;
import io.github.neuralstyle.engine.platform.DeviceChoice;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Everything that defines a run, immutable. Build with {@link #builder()} (defaults of the
 * {@link Preset#GATYS} preset) or {@link #builder(Preset)} and override with {@code opt…}
 * setters; {@link Builder#build()} validates and names the offending setting.
 * <p>
 * The loss is {@code α·content + β·style + γ·TV}; see {@link Losses} for the exact terms.
 */
public final class StyleTransferSettings {

	/** Largest accepted working size (long side), in pixels. */
	public static final int MAX_SIZE = 8192;

	/** Smallest accepted working size (long side), in pixels. */
	public static final int MIN_SIZE = 16;

	/** {@link #scales()} value that lets the run choose the number of scales from the image size. */
	public static final int AUTO_SCALES = 0;

	private final Preset preset;
	private final Map<String, Double> contentLayers;
	private final Map<String, Double> styleLayers;
	private final double contentWeight, styleWeight, tvWeight;
	private final OptimizerKind optimizer;
	private final double learningRate, beta1, beta2, epsilon;
	private final boolean learningRateFromPreset;
	private final int historySize;
	private final boolean lineSearch;
	private final int steps, size, scales, previewEvery, reportEvery;
	private final int[] scaleSteps;
	private final InitMode init;
	private final RgbImage initImage;
	private final long seed;
	private final Pooling pooling;
	private final DeviceChoice device;
	private final ResultSize resultSize;
	private final StyleControls controls;

	private StyleTransferSettings(Builder b) {
		preset = b.preset;
		contentLayers = Collections.unmodifiableMap(new LinkedHashMap<>(b.contentLayers));
		styleLayers = Collections.unmodifiableMap(new LinkedHashMap<>(b.styleLayers));
		contentWeight = b.contentWeight;
		styleWeight = b.styleWeight;
		tvWeight = b.tvWeight;
		optimizer = b.optimizer;
		learningRate = b.resolvedLearningRate();
		learningRateFromPreset = !b.learningRateSet;
		beta1 = b.beta1;
		beta2 = b.beta2;
		epsilon = b.epsilon;
		historySize = b.historySize;
		lineSearch = b.lineSearch;
		steps = b.steps;
		size = b.size;
		scales = b.scales;
		scaleSteps = b.scaleSteps == null ? null : b.scaleSteps.clone();
		previewEvery = b.previewEvery;
		reportEvery = b.reportEvery;
		init = b.init;
		initImage = b.initImage;
		seed = b.seed;
		pooling = b.pooling;
		device = b.device;
		resultSize = b.resultSize;
		controls = b.controls;
	}

	/** A builder holding the defaults of {@link Preset#GATYS}. */
	public static Builder builder() {
		return builder(Preset.GATYS);
	}

	/** A builder holding the defaults of {@code preset}. */
	public static Builder builder(Preset preset) {
		Builder b = new Builder();
		b.preset = preset;
		preset.applyTo(b);
		return b;
	}

	/** A builder holding a copy of these settings. */
	public Builder toBuilder() {
		Builder b = new Builder();
		b.preset = preset;
		b.contentLayers.putAll(contentLayers);
		b.styleLayers.putAll(styleLayers);
		b.contentWeight = contentWeight;
		b.styleWeight = styleWeight;
		b.tvWeight = tvWeight;
		b.optimizer = optimizer;
		b.learningRate = learningRate;
		b.learningRateSet = !learningRateFromPreset;
		b.beta1 = beta1;
		b.beta2 = beta2;
		b.epsilon = epsilon;
		b.historySize = historySize;
		b.lineSearch = lineSearch;
		b.steps = steps;
		b.size = size;
		b.scales = scales;
		b.scaleSteps = scaleSteps == null ? null : scaleSteps.clone();
		b.previewEvery = previewEvery;
		b.reportEvery = reportEvery;
		b.init = init;
		b.initImage = initImage;
		b.seed = seed;
		b.pooling = pooling;
		b.device = device;
		b.resultSize = resultSize;
		b.controls = controls;
		return b;
	}

	/**
	 * Parses a layer list such as {@code "relu4_2"} or {@code "relu1_1:0.5,relu2_1"}: names
	 * separated by commas, each optionally followed by {@code :weight} (default 1).
	 */
	public static Map<String, Double> parseLayers(String setting, String text) {
		Map<String, Double> out = new LinkedHashMap<>();
		if (text == null || text.isBlank()) return out;
		for (String part : text.split(",")) {
			String p = part.trim().toLowerCase(Locale.ROOT);
			if (p.isEmpty()) continue;
			int colon = p.indexOf(':');
			String name = colon < 0 ? p : p.substring(0, colon).trim();
			double w = 1;
			if (colon >= 0) {
				try {
					w = Double.parseDouble(p.substring(colon + 1).trim());
				}
				catch (NumberFormatException e) {
					throw new IllegalArgumentException(setting + ": '" + part.trim()
						+ "' has no number after ':'; write layer or layer:weight, e.g. relu1_1:0.5");
				}
			}
			out.put(name, w);
		}
		return out;
	}

	/** Formats a layer map the way {@link #parseLayers} reads it. */
	public static String formatLayers(Map<String, Double> layers) {
		StringBuilder sb = new StringBuilder();
		for (Map.Entry<String, Double> e : layers.entrySet()) {
			if (sb.length() > 0) sb.append(',');
			sb.append(e.getKey());
			if (e.getValue() != 1.0) sb.append(':').append(Builder.shortNumber(e.getValue()));
		}
		return sb.toString();
	}

	/** The preset these settings started from. */
	public Preset preset() { return preset; }

	/** Content layers with their weights w_l. */
	public Map<String, Double> contentLayers() { return contentLayers; }

	/** Style layers with their weights w_l. */
	public Map<String, Double> styleLayers() { return styleLayers; }

	/** α, the content weight. */
	public double contentWeight() { return contentWeight; }

	/** β, the style weight. */
	public double styleWeight() { return styleWeight; }

	/** γ, the total-variation weight. */
	public double tvWeight() { return tvWeight; }

	/** The optimiser. */
	public OptimizerKind optimizer() { return optimizer; }

	/**
	 * Step size: Adam's learning rate in [0,1] pixel units, or L-BFGS's step scale (1 is
	 * standard). Unless set, the preset's rate for the chosen optimiser ({@link Preset#learningRate}).
	 */
	public double learningRate() { return learningRate; }

	/** Whether {@link #learningRate()} is the preset's rate for the optimiser rather than one that was set. */
	public boolean learningRateFromPreset() { return learningRateFromPreset; }

	/** Adam's β1. */
	public double beta1() { return beta1; }

	/** Adam's β2. */
	public double beta2() { return beta2; }

	/** Adam's ε. */
	public double epsilon() { return epsilon; }

	/** L-BFGS history size. */
	public int historySize() { return historySize; }

	/** Whether L-BFGS uses a strong-Wolfe line search (several evaluations per step). */
	public boolean lineSearch() { return lineSearch; }

	/** Total optimisation steps over all scales. */
	public int steps() { return steps; }

	/** Working size: the long side in pixels at the finest scale. */
	public int size() { return size; }

	/** Number of coarse-to-fine scales (1 = single scale, {@link #AUTO_SCALES} = chosen by size at run time). */
	public int scales() { return scales; }

	/** Explicit steps per scale, coarsest first, or null when {@link #steps()} is split by the default rule. */
	public int[] scaleSteps() { return scaleSteps == null ? null : scaleSteps.clone(); }

	/** Preview every this many steps; 0 for never. */
	public int previewEvery() { return previewEvery; }

	/** Read losses back from the device every this many steps (1 = every step). */
	public int reportEvery() { return reportEvery; }

	/** The initial image. */
	public InitMode init() { return init; }

	/** The image for {@link InitMode#IMAGE}, else null. */
	public RgbImage initImage() { return initImage; }

	/** Seed of the noise init. */
	public long seed() { return seed; }

	/** Pooling between blocks. */
	public Pooling pooling() { return pooling; }

	/** Where to run. */
	public DeviceChoice device() { return device; }

	/** The returned image's size. */
	public ResultSize resultSize() { return resultSize; }

	/** Colours, extra styles, style scale, regions, loss forms and early stop ({@link StyleControls#NONE} when unused). */
	public StyleControls controls() { return controls; }

	/** The deepest layer any loss needs, by index in {@code arch}. */
	public int deepestLayerIndex(VggArchitecture arch) {
		int deepest = 0;
		for (String l : contentLayers.keySet()) deepest = Math.max(deepest, arch.index(l));
		for (String l : styleLayers.keySet()) deepest = Math.max(deepest, arch.index(l));
		return deepest;
	}

	/** A one-line description for logs and macro recording. */
	@Override
	public String toString() {
		return String.format(Locale.ROOT,
			"preset=%s content=%s style=%s alpha=%s beta=%s gamma=%s optimizer=%s lr=%s steps=%d size=%d scales=%s init=%s seed=%d pooling=%s device=%s",
			preset.id(), formatLayers(contentLayers), formatLayers(styleLayers), Builder.shortNumber(contentWeight),
			Builder.shortNumber(styleWeight), Builder.shortNumber(tvWeight), optimizer.name().toLowerCase(Locale.ROOT),
			Builder.shortNumber(learningRate), steps, size, scalesText(), init.name().toLowerCase(Locale.ROOT), seed,
			pooling.name().toLowerCase(Locale.ROOT), device.name().toLowerCase(Locale.ROOT));
	}

	/** "auto", "3" or the explicit split such as "50,50,200". */
	public String scalesText() {
		if (scaleSteps != null) return java.util.Arrays.stream(scaleSteps).mapToObj(Integer::toString)
			.collect(java.util.stream.Collectors.joining(","));
		return scales == AUTO_SCALES ? "auto" : Integer.toString(scales);
	}

	/** Builds {@link StyleTransferSettings}; {@code opt…} setters override the preset's values. */
	public static final class Builder extends SettingsBuilderBase<Builder> {

		private Builder() {}

		/** Validates and builds; throws naming the first bad setting and its accepted range. */
		public StyleTransferSettings build() {
			validate();
			return new StyleTransferSettings(this);
		}
	}
}
