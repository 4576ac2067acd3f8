package io.github.neuralstyle.engine;

import io.github.neuralstyle.engine.losses.Losses;
import io.github.neuralstyle.engine.losses.Reduction;
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
	 * Our default, a hybrid named after the paper whose layers, pooling and optimiser it keeps:
	 * content relu4_2, style relu1_1 … relu5_1 with jcjohnson's (normalised) weights and TV,
	 * average pooling, L-BFGS 500 steps, content start. Not the paper's recipe: that is
	 * {@link #GATYS_2016}. Kept so that recorded macros ({@code preset=gatys}) give the same images.
	 */
	GATYS("gatys", "vgg19-caffe") {
		@Override
		void applyTo(SettingsBuilderBase<?> b) {
			JCJOHNSON.applyTo(b);
			// The hybrid keeps the quadratic mean TV (γ exact at 512²) so recorded macros give the same images.
			b.optSteps(500).optInit(InitMode.CONTENT).optPooling(Pooling.AVG).optTvWeight(JCJOHNSON_TV)
				.optControls(c -> c.tvPower(Double.NaN, Reduction.MEAN).noiseStart(null));
		}

		@Override
		public RecipeForms forms() {
			return new RecipeForms(Reduction.MEAN, 5, 1, JCJOHNSON_TV_SUM, null);
		}
	},

	/**
	 * jcjohnson/neural-style defaults: content relu4_2 ×5, style relu1_1 … relu5_1 ×100 each,
	 * TV strength 1e-3 on the 0–255 image, L-BFGS 1000 steps, 512 px, max pooling, Caffe VGG19,
	 * start 0.001·randn in Caffe space; TV on the sum, so exact at every size (see {@link #forms()}).
	 */
	JCJOHNSON("jcjohnson", "vgg19-caffe") {
		@Override
		void applyTo(SettingsBuilderBase<?> b) {
			b.optContentLayers(layers("relu4_2")).optStyleLayers(layers("relu1_1", "relu2_1", "relu3_1", "relu4_1", "relu5_1"))
				.optContentWeight(5).optStyleWeight(100).optTvWeight(JCJOHNSON_TV).optOptimizer(OptimizerKind.LBFGS)
				.optSteps(1000).optSize(512).optInit(InitMode.NOISE).optPooling(Pooling.MAX);
			readForms(b, forms());
		}

		@Override
		public RecipeForms forms() {
			return new RecipeForms(Reduction.MEAN, 5, 1, JCJOHNSON_TV_SUM, new NoiseStart(NoiseStart.Kind.GAUSSIAN_NETWORK, 0, 0.001));
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

		@Override
		public RecipeForms forms() {
			return new RecipeForms(Reduction.MEAN, 1, 1, 0, null);
		}
	},

	/**
	 * Gatys, Ecker &amp; Bethge (CVPR 2016) as published: content relu4_2 with ½·Σ(F − P)², style
	 * relu1_1 … relu5_1 with w_l = 1/5 on E_l = Σ(G − A)² / (4 N_l² M_l²), α/β = 1e-3, no TV,
	 * white-noise start, average pooling, L-BFGS, one scale. Their VGG19 was rescaled (mean
	 * activation 1 per filter); ours is Caffe's, so the balance differs (docs/presets.md).
	 */
	GATYS_2016("gatys-2016", "vgg19-caffe") {
		@Override
		void applyTo(SettingsBuilderBase<?> b) {
			b.optContentLayers(layers("relu4_2"))
				.optStyleLayers(weighted("relu1_1", 1, "relu2_1", 4, "relu3_1", 16, "relu4_1", 64, "relu5_1", 64))
				.optContentWeight(GATYS_2016_CONTENT_SUM * 512 * 64 * 64).optStyleWeight(GATYS_2016_STYLE).optTvWeight(0)
				.optOptimizer(OptimizerKind.LBFGS).optSteps(500).optSize(512).optScales(1)
				.optInit(InitMode.NOISE).optPooling(Pooling.AVG);
			readForms(b, forms());
		}

		@Override
		public RecipeForms forms() {
			return new RecipeForms(Reduction.SUM, GATYS_2016_CONTENT_SUM, 1, 0, new NoiseStart(NoiseStart.Kind.UNIFORM_PIXELS, 0, 1));
		}
	},

	/**
	 * The Keras/VGG16 article (Narayanan 2017, shared/seeds/004): content block2_conv2 (relu2_2)
	 * 0.025 on a sum, style block1_conv2 … block5_conv3 at 5.0/5 each on
	 * Σ(S − C)² / (4·3²·(HW)²), TV 1.0 on Σ(Δx² + Δy²)^1.25 in 0–255 units, uniform noise start,
	 * L-BFGS (10 × 20 evaluations), 512 × 512, Caffe VGG16.
	 */
	KERAS_VGG16("keras-vgg16", "vgg16-caffe") {
		@Override
		void applyTo(SettingsBuilderBase<?> b) {
			b.optContentLayers(layers("relu2_2"))
				.optStyleLayers(weighted("relu1_2", 1, "relu2_2", 1, "relu3_3", 1, "relu4_3", 1, "relu5_3", 1 / 16.0))
				.optContentWeight(KERAS_CONTENT_SUM * 128 * 256 * 256).optStyleWeight(KERAS_STYLE)
				.optOptimizer(OptimizerKind.LBFGS).optLineSearch(true).optSteps(200).optSize(512)
				.optScales(1).optInit(InitMode.NOISE).optPooling(Pooling.MAX);
			readForms(b, forms());
		}

		@Override
		public RecipeForms forms() {
			return new RecipeForms(Reduction.SUM, KERAS_CONTENT_SUM, 1.25, Math.pow(255, 2.5),
				new NoiseStart(NoiseStart.Kind.UNIFORM_NETWORK, -128, 127));
		}
	},

	/**
	 * The Coursera deep-learning course notes (shared/seeds/002): J = 10·J_content + 40·J_style with
	 * J_content = Σ(a_C − a_G)² / (4 n_H n_W n_C) and J_style^l = Σ(G_S − G_G)² / (4 n_C² (n_H n_W)²),
	 * Adam lr 0.03 (TensorFlow's ε 1e-7), pixels clipped to [0,1] after each step. Values the notes
	 * leave open (layers, size, steps, start) follow the course's notebook; docs/presets.md.
	 */
	COURSERA("coursera", "vgg19-caffe") {
		@Override
		void applyTo(SettingsBuilderBase<?> b) {
			b.optContentLayers(layers("relu5_4"))
				.optStyleLayers(weighted("relu1_1", 1, "relu2_1", 4, "relu3_1", 16, "relu4_1", 64, "relu5_1", 64))
				.optContentWeight(COURSERA_CONTENT).optStyleWeight(COURSERA_STYLE).optTvWeight(0)
				.optOptimizer(OptimizerKind.ADAM).optAdam(0.9, 0.999, 1e-7).optSteps(2500)
				.optSize(400).optScales(1).optInit(InitMode.NOISE).optPooling(Pooling.MAX);
			readForms(b, forms());
		}

		@Override
		public RecipeForms forms() {
			return new RecipeForms(Reduction.MEAN, COURSERA_CONTENT, 1, 0,
				new NoiseStart(NoiseStart.Kind.CONTENT_PLUS_UNIFORM, -0.25, 0.25));
		}

		/** The notes' Adam rate, 0.03 on [0,1] pixels clipped after each step as ours are. */
		@Override
		public double learningRate(OptimizerKind optimizer) {
			return optimizer == OptimizerKind.ADAM ? 0.03 : 1;
		}
	};

	/**
	 * jcjohnson's TV weight 1e-3 acts on Σ of squared differences in 0–255 units; the same
	 * per-pixel gradient from our γ·mean(…) on [0,1] pixels at 512×512 is
	 * γ = 1e-3 · 255² · (3·512·512) / 2 ≈ 2.56e7.
	 */
	static final double JCJOHNSON_TV = Math.round(1e-3 * 255 * 255 * 3 * 512 * 512 / 2);

	/** jcjohnson's TV strength 1e-3 on ½·Σ(Δ²) of the 0–255 image, as γ on our sum over [0,1] pixels: 1e-3·255²/2. */
	static final double JCJOHNSON_TV_SUM = 1e-3 * 255 * 255 / 2;

	/** Gatys 2016: α·½·Σ(F − P)² with α/β = 1e-3 and β = 1: the content sum's weight is ½·1e-3. */
	static final double GATYS_2016_CONTENT_SUM = 0.5e-3;

	/** Gatys 2016: w_l·E_l = (1/5)·(N_l²/4)·mean((G − A)²); β = 64²/20 with layer weights (N_l/64)². */
	static final double GATYS_2016_STYLE = 64 * 64 / 20.0;

	/** Keras article: content_weight 0.025 on backend.sum(square(combination − content)). */
	static final double KERAS_CONTENT_SUM = 0.025;

	/**
	 * Keras article: (5.0/5)·Σ(S − C)²/(4·3²·(HW)²) = C_l⁴/(36·16^(b−1))·mean((G − A)²) for block b,
	 * which is 64⁴/36 for blocks 1–4 and a sixteenth of it for block 5.
	 */
	static final double KERAS_STYLE = Math.pow(64, 4) / 36;

	/** Coursera: 10 · (1/4)·mean((a_C − a_G)²). */
	static final double COURSERA_CONTENT = 10 / 4.0;

	/** Coursera: 40 · 0.2 · (n_C²/4)·mean((G − A)²) = 2·n_C²: β = 2·64² with layer weights (n_C/64)². */
	static final double COURSERA_STYLE = 2 * 64 * 64;

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

	/** The recipe's exact loss forms and random start; all presets but {@link #GATYS} run them ({@link #readForms}). */
	public abstract RecipeForms forms();

	/**
	 * Makes the run compute the recipe's own forms: a summed content term and the power TV, each
	 * divided by its count at 512 × 512 (see {@link StyleControls}), so α and γ keep their values
	 * at 512² and the recipe holds at every size; and the recipe's random start for {@code init=noise}.
	 */
	static void readForms(SettingsBuilderBase<?> b, RecipeForms f) {
		if (f.tvWeight() > 0) b.optTvWeight(f.tvWeight() * TV_REFERENCE_COUNT);
		b.optControls(c -> c.contentReduction(f.contentReduction())
			.tvPower(f.tvWeight() > 0 ? f.tvPower() : Double.NaN, Reduction.SUM).noiseStart(f.noise()));
	}

	/** Samples of a 512 × 512 RGB image: a summed TV is divided by this, so γ = weight on the sum × this. */
	static final double TV_REFERENCE_COUNT = 3.0 * 512 * 512;

	/** The preset with this id (case-insensitive), or an exception listing the valid ids. */
	public static Preset fromId(String id) {
		for (Preset p : values()) {
			if (p.id.equalsIgnoreCase(id.trim()) || p.name().equalsIgnoreCase(id.trim())) return p;
		}
		throw new IllegalArgumentException("Unknown preset '" + id + "': use " + String.join(", ", ids()));
	}

	/** The ids of all presets, for messages and choice lists. */
	public static java.util.List<String> ids() {
		java.util.List<String> out = new java.util.ArrayList<>();
		for (Preset p : values()) out.add(p.id);
		return out;
	}

	/** Layers with weights, given as name, weight, name, weight, … */
	private static Map<String, Double> weighted(Object... nameWeight) {
		Map<String, Double> m = new java.util.LinkedHashMap<>();
		for (int i = 0; i < nameWeight.length; i += 2) m.put((String) nameWeight[i], ((Number) nameWeight[i + 1]).doubleValue());
		return m;
	}

	private static Map<String, Double> layers(String... names) {
		Map<String, Double> m = new java.util.LinkedHashMap<>();
		for (String n : names) m.put(n.toLowerCase(Locale.ROOT), 1.0);
		return m;
	}
}
