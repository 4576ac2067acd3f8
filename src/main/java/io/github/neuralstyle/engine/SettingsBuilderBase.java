package io.github.neuralstyle.engine;

import io.github.neuralstyle.engine.network.Pooling;
import io.github.neuralstyle.engine.network.VggArchitecture;
import io.github.neuralstyle.engine.optimizers.Adam;
import io.github.neuralstyle.engine.optimizers.OptimizerKind;
import io.github.neuralstyle.engine.platform.DeviceChoice;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fields, {@code opt…} setters and validation of {@link StyleTransferSettings.Builder}, kept
 * apart so that the settings class stays readable.
 */
abstract class SettingsBuilderBase<B extends SettingsBuilderBase<B>> {

	Preset preset;
	final Map<String, Double> contentLayers = new LinkedHashMap<>();
	final Map<String, Double> styleLayers = new LinkedHashMap<>();
	double contentWeight, styleWeight, tvWeight;
	OptimizerKind optimizer;
	double learningRate, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;
	/** Whether {@link #learningRate} was set; if not, the preset's rate for the chosen optimiser applies. */
	boolean learningRateSet;
	/**
	 * 10 (SciPy's L-BFGS-B default), not PyTorch's 100: each pair is two image-sized arrays
	 * (63 MB for 10 at 512²), and at 256 px 300 steps reached the same loss with 5, 10, 20 or 100
	 * pairs (docs/performance.md).
	 */
	int historySize = 10;
	boolean lineSearch;
	int steps, size, scales = StyleTransferSettings.AUTO_SCALES, previewEvery, reportEvery = 1;
	/** Steps per scale, coarsest first, when set explicitly; null to split {@link #steps} by the default rule. */
	int[] scaleSteps;
	InitMode init;
	RgbImage initImage;
	long seed;
	Pooling pooling;
	DeviceChoice device = DeviceChoice.AUTO;
	ResultSize resultSize = ResultSize.CONTENT;
	StyleControls controls = StyleControls.NONE;

	@SuppressWarnings("unchecked")
	private B self() {
		return (B) this;
	}

	/** Sets the content layers and their weights w_l (replacing the preset's). */
	public B optContentLayers(Map<String, Double> layers) {
		contentLayers.clear();
		contentLayers.putAll(layers);
		return self();
	}

	/** Sets the style layers and their weights w_l (replacing the preset's). */
	public B optStyleLayers(Map<String, Double> layers) {
		styleLayers.clear();
		styleLayers.putAll(layers);
		return self();
	}

	/** Sets α. */
	public B optContentWeight(double v) { contentWeight = v; return self(); }

	/** Sets β. */
	public B optStyleWeight(double v) { styleWeight = v; return self(); }

	/** Sets γ. */
	public B optTvWeight(double v) { tvWeight = v; return self(); }

	/** Sets the optimiser. */
	public B optOptimizer(OptimizerKind v) { optimizer = v; return self(); }

	/** Sets the learning rate (Adam) or step scale (L-BFGS). */
	public B optLearningRate(double v) { learningRate = v; learningRateSet = true; return self(); }

	/** Leaves the learning rate to the preset: its rate for whichever optimiser the settings end with. */
	public B optPresetLearningRate() { learningRateSet = false; return self(); }

	/** Sets Adam's β1, β2 and ε. */
	public B optAdam(double b1, double b2, double eps) { beta1 = b1; beta2 = b2; epsilon = eps; return self(); }

	/** Sets the L-BFGS history size. */
	public B optHistorySize(int v) { historySize = v; return self(); }

	/** Turns L-BFGS's strong-Wolfe line search on or off. */
	public B optLineSearch(boolean v) { lineSearch = v; return self(); }

	/** Sets the number of steps over all scales (and drops an explicit per-scale split). */
	public B optSteps(int v) { steps = v; scaleSteps = null; return self(); }

	/** Sets the working size (long side). */
	public B optSize(int v) { size = v; return self(); }

	/** Sets the number of coarse-to-fine scales, {@link StyleTransferSettings#AUTO_SCALES} to choose by size (and drops an explicit per-scale split). */
	public B optScales(int v) { scales = v; scaleSteps = null; return self(); }

	/** Sets the steps of each scale, coarsest first: the number of scales is their count and the steps their sum. */
	public B optScaleSteps(int... perScale) {
		scaleSteps = perScale.clone();
		scales = perScale.length;
		long sum = 0;
		for (int v : perScale) sum += v;
		steps = (int) Math.min(Integer.MAX_VALUE, sum);
		return self();
	}

	/** Sets the preview interval (0 = never). */
	public B optPreviewEvery(int v) { previewEvery = v; return self(); }

	/** Sets how often losses are read back (1 = every step). */
	public B optReportEvery(int v) { reportEvery = v; return self(); }

	/** Sets the init mode. */
	public B optInit(InitMode v) { init = v; return self(); }

	/** Sets the init to {@link InitMode#IMAGE} with this image. */
	public B optInitImage(RgbImage image) { init = InitMode.IMAGE; initImage = image; return self(); }

	/** Sets the noise seed. */
	public B optSeed(long v) { seed = v; return self(); }

	/** Sets the pooling. */
	public B optPooling(Pooling v) { pooling = v; return self(); }

	/** Sets the device. */
	public B optDevice(DeviceChoice v) { device = v; return self(); }

	/** Sets the result size. */
	public B optResultSize(ResultSize v) { resultSize = v; return self(); }

	/**
	 * Edits the controls (colours, styles, scale, regions, loss forms, tolerance), starting from
	 * the current ones, which hold the preset's loss forms: {@code b.optControls(c -> c.colourMode(ColourMode.YUV))}.
	 */
	public B optControls(java.util.function.UnaryOperator<StyleControls.Builder> edit) {
		controls = edit.apply(controls.toBuilder()).build();
		return self();
	}

	void validate() {
		requireLayers("content layers", contentLayers, true);
		requireLayers("style layers", styleLayers, false);
		requireWeight("content weight", contentWeight);
		requireWeight("style weight", styleWeight);
		requireWeight("tv weight", tvWeight);
		if (contentWeight + styleWeight + tvWeight <= 0) {
			throw new IllegalArgumentException("content weight, style weight and tv weight are all 0: nothing to optimise; set at least one above 0");
		}
		RecipeChecks.requireSomethingToOptimise(contentLayers, styleLayers, contentWeight, styleWeight, tvWeight);
		require(optimizer != null, "optimizer must be adam or lbfgs");
		require(init != null, "init must be content, noise, style or image");
		require(pooling != null, "pooling must be max or avg");
		require(device != null, "device must be auto, cpu or gpu");
		require(resultSize != null, "result size must be working or content");
		requireRange("steps", steps, 1, 100_000);
		requireRange("size", size, StyleTransferSettings.MIN_SIZE, StyleTransferSettings.MAX_SIZE);
		requireRange("scales", scales, StyleTransferSettings.AUTO_SCALES, 6);
		if (scaleSteps != null) {
			require(scaleSteps.length >= 1, "scale steps must name at least one scale, e.g. 100,100,200");
			for (int v : scaleSteps) requireRange("steps of each scale", v, 1, 100_000);
		}
		requireRange("history size", historySize, 1, 1000);
		requireRange("preview every", previewEvery, 0, 100_000);
		requireRange("report every", reportEvery, 1, 100_000);
		double lr = resolvedLearningRate();
		require(Double.isFinite(lr) && lr > 0 && lr <= 1e4, "learning rate must be a number in (0, 10000], got " + lr);
		require(Double.isFinite(beta1) && beta1 >= 0 && beta1 < 1, "beta1 must be in [0, 1), got " + beta1);
		require(Double.isFinite(beta2) && beta2 >= 0 && beta2 < 1, "beta2 must be in [0, 1), got " + beta2);
		require(Double.isFinite(epsilon) && epsilon > 0 && epsilon < 1, "epsilon must be in (0, 1), got " + epsilon);
		require(init != InitMode.IMAGE || initImage != null, "init=image needs an init image");
		if (scales != StyleTransferSettings.AUTO_SCALES) {
			require(size >> (scales - 1) >= StyleTransferSettings.MIN_SIZE, "scales=" + scales + " makes the coarsest size "
				+ (size >> (scales - 1)) + " px, below " + StyleTransferSettings.MIN_SIZE + "; use fewer scales or a larger size");
			require(steps >= scales, "steps (" + steps + ") must be at least scales (" + scales + ")");
		}
	}

	/** The learning rate set, or else the preset's for the chosen optimiser. */
	double resolvedLearningRate() {
		return learningRateSet ? learningRate : preset.learningRate(optimizer);
	}

	private static void requireLayers(String setting, Map<String, Double> layers, boolean mayBeEmpty) {
		if (!mayBeEmpty && layers.isEmpty()) {
			throw new IllegalArgumentException(setting + " is empty: name at least one layer, e.g. relu1_1,relu2_1,relu3_1");
		}
		for (Map.Entry<String, Double> e : layers.entrySet()) {
			if (!VggArchitecture.VGG19.hasLayer(e.getKey())) {
				throw new IllegalArgumentException(setting + ": unknown layer '" + e.getKey()
					+ "'; layers are conv1_1 … conv5_4, relu1_1 … relu5_4, pool1 … pool5");
			}
			requireWeight(setting + " weight of " + e.getKey(), e.getValue());
		}
	}

	private static void requireWeight(String setting, double v) {
		RecipeChecks.requireWeight(setting, v);
	}

	private static void requireRange(String setting, int v, int min, int max) {
		if (v < min || v > max) {
			throw new IllegalArgumentException(setting + " must be between " + min + " and " + max + ", got " + v);
		}
	}

	private static void require(boolean ok, String message) {
		if (!ok) throw new IllegalArgumentException(message);
	}

	/** A number without trailing zeros, e.g. 1000 or 0.001. */
	static String shortNumber(double v) {
		if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
		return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
	}
}
