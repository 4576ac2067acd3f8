package io.github.neuralstyle.engine;

import io.github.neuralstyle.engine.losses.Losses;
import io.github.neuralstyle.engine.network.InputConvention;
import io.github.neuralstyle.engine.network.Pooling;
import io.github.neuralstyle.engine.optimizers.OptimizerKind;

import java.util.Locale;
import java.util.Map;

/**
 * Published recipes mapped onto our loss formulas (see {@link Losses}). Where a recipe's own
 * formula differs, the mapping is noted; docs/presets.md gives the derivations.
 */
public enum Preset {

	/**
	 * Gatys et al. (2016): content relu4_2, style relu1_1 … relu5_1 at equal weights, L-BFGS,
	 * average pooling, content init. Weights are tuned for Caffe VGG19 in our normalisation.
	 */
	GATYS("gatys", "vgg19-caffe") {
		@Override
		void applyTo(SettingsBuilderBase<?> b) {
			// jcjohnson's layers and (normalised) weights, with Gatys' pooling and start.
			JCJOHNSON.applyTo(b);
			b.optSteps(500).optInit(InitMode.CONTENT).optPooling(Pooling.AVG);
		}
	},

	/**
	 * jcjohnson/neural-style defaults: content relu4_2 ×5, style relu1_1 … relu5_1 ×100 each,
	 * TV 1e-3 (its 0–255 space; mapped to our mean-based TV at 512² px), L-BFGS 1000 steps,
	 * 512 px, noise init, max pooling, Caffe VGG19.
	 */
	JCJOHNSON("jcjohnson", "vgg19-caffe") {
		@Override
		void applyTo(SettingsBuilderBase<?> b) {
			b.optContentLayers(layers("relu4_2")).optStyleLayers(layers("relu1_1", "relu2_1", "relu3_1", "relu4_1", "relu5_1"))
				.optContentWeight(5).optStyleWeight(100).optTvWeight(JCJOHNSON_TV).optOptimizer(OptimizerKind.LBFGS)
				.optSteps(1000).optSize(512).optInit(InitMode.NOISE).optPooling(Pooling.MAX);
		}
	},

	/**
	 * The PyTorch neural-transfer tutorial: content conv2_2 ×1, style conv1_1, conv1_2, conv2_1,
	 * conv2_2, conv3_1 (pre-ReLU) ×1e6, L-BFGS 300 evaluations, content init, torchvision VGG19.
	 */
	PYTORCH_TUTORIAL("pytorch-tutorial", "vgg19-torchvision") {
		@Override
		void applyTo(SettingsBuilderBase<?> b) {
			b.optContentLayers(layers("conv2_2")).optStyleLayers(layers("conv1_1", "conv1_2", "conv2_1", "conv2_2", "conv3_1"))
				.optContentWeight(1).optStyleWeight(1e6).optTvWeight(0).optOptimizer(OptimizerKind.LBFGS)
				.optSteps(300).optSize(512).optInit(InitMode.CONTENT).optPooling(Pooling.MAX);
		}
	};

	/**
	 * jcjohnson's TV weight 1e-3 acts on Σ of squared differences in 0–255 units; the same
	 * per-pixel gradient from our γ·mean(…) on [0,1] pixels at 512×512 is
	 * γ = 1e-3 · 255² · (3·512·512) / 2 ≈ 2.56e7.
	 */
	static final double JCJOHNSON_TV = Math.round(1e-3 * 255 * 255 * 3 * 512 * 512 / 2);

	/**
	 * Adam's step in [0,1] pixel units, the same in every preset: the Coursera recipe (seed 002)
	 * uses 0.03 on [0,1] pixels clipped after each step, as we do; see docs/presets.md for the
	 * measurements behind the value.
	 */
	public static final double ADAM_LEARNING_RATE = 0.02;

	private final String id;
	private final String model;

	Preset(String id, String model) {
		this.id = id;
		this.model = model;
	}

	/**
	 * The learning rate a run with {@code optimizer} uses unless one is set: 1 for L-BFGS (its
	 * standard step scale), {@link #ADAM_LEARNING_RATE} for Adam. One rate per optimiser, not per
	 * recipe: Adam at L-BFGS's 1 moves every pixel by up to its whole range per step and diverges.
	 */
	public double learningRate(OptimizerKind optimizer) {
		return optimizer == OptimizerKind.ADAM ? ADAM_LEARNING_RATE : 1;
	}

	/** The short name used on the command line and in macros, e.g. {@code pytorch-tutorial}. */
	public String id() {
		return id;
	}

	/** The id of the weights the recipe was made for. */
	public String model() {
		return model;
	}

	/** The input convention of the weights the recipe's loss weights were tuned for. */
	public InputConvention convention() {
		return model.endsWith("caffe") ? InputConvention.CAFFE : InputConvention.TORCHVISION;
	}

	/** Sets this recipe's values on a builder. */
	abstract void applyTo(SettingsBuilderBase<?> b);

	/** The preset with this id (case-insensitive), or an exception listing the valid ids. */
	public static Preset fromId(String id) {
		for (Preset p : values()) {
			if (p.id.equalsIgnoreCase(id.trim()) || p.name().equalsIgnoreCase(id.trim())) return p;
		}
		throw new IllegalArgumentException("Unknown preset '" + id + "': use gatys, jcjohnson or pytorch-tutorial");
	}

	private static Map<String, Double> layers(String... names) {
		Map<String, Double> m = new java.util.LinkedHashMap<>();
		for (String n : names) m.put(n.toLowerCase(Locale.ROOT), 1.0);
		return m;
	}
}
