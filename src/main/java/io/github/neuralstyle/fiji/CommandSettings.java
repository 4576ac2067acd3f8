package io.github.neuralstyle.fiji;

import static io.github.neuralstyle.fiji.ParameterChecks.PRESET;
import static io.github.neuralstyle.fiji.ParameterChecks.choice;
import static io.github.neuralstyle.fiji.ParameterChecks.enumOf;
import static io.github.neuralstyle.fiji.ParameterChecks.layers;
import static io.github.neuralstyle.fiji.ParameterChecks.number;
import static io.github.neuralstyle.fiji.ParameterChecks.range;

import io.github.neuralstyle.engine.InitMode;
import io.github.neuralstyle.engine.Preset;
import io.github.neuralstyle.engine.ResultSize;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.network.Pooling;
import io.github.neuralstyle.engine.optimizers.OptimizerKind;
import io.github.neuralstyle.engine.platform.DeviceChoice;

import java.io.File;
import java.util.Map;

/**
 * The command's parameters → immutable {@link StyleTransferSettings}. The preset's values are
 * the starting point; each recipe parameter not left at {@code preset} overrides its value.
 */
final class CommandSettings {

	/** Largest accepted loss weight: far beyond any useful value, but finite. */
	static final double MAX_WEIGHT = 1e15;

	private CommandSettings() {}

	/**
	 * Checks every parameter and builds the settings.
	 *
	 * @param previewAllowed false headless or in batch mode, where no preview is made
	 * @throws IllegalArgumentException naming the macro key, the value and what is accepted
	 */
	static StyleTransferSettings of(StyleTransferCommand p, boolean previewAllowed) {
		Preset preset = Preset.fromId(choice("preset", p.preset, Preset.ids().toArray(String[]::new)));
		StyleTransferSettings.Builder b = StyleTransferSettings.builder(preset);
		b.optSteps(range("iterations", p.unparsed.get("iterations"), p.iterations, 1, 100_000));
		b.optSize(FullResolution.asked(p) ? FullResolution.size(p.content)
			: range("size", p.unparsed.get("size"), p.size, StyleTransferSettings.MIN_SIZE, StyleTransferSettings.MAX_SIZE));
		String sc = choice("scales", p.scales, "auto", "1", "2", "3", "4", "5", "6");
		b.optScales(sc.equals("auto") ? StyleTransferSettings.AUTO_SCALES : Integer.parseInt(sc));
		double v = number("contentweight", p.contentweight, 0, MAX_WEIGHT, false);
		if (!Double.isNaN(v)) b.optContentWeight(v);
		v = number("styleweight", p.styleweight, 0, MAX_WEIGHT, false);
		if (!Double.isNaN(v)) b.optStyleWeight(v);
		v = number("tvweight", p.tvweight, 0, MAX_WEIGHT, false);
		if (!Double.isNaN(v)) b.optTvWeight(v);
		v = number("learningrate", p.learningrate, 0, 1e4, true);
		if (!Double.isNaN(v)) b.optLearningRate(v);
		String o = choice("optimizer", p.optimizer, PRESET, "adam", "lbfgs");
		if (!o.equals(PRESET)) b.optOptimizer(enumOf(OptimizerKind.class, o));
		String i = choice("init", p.init, PRESET, "content", "noise", "style", "image");
		if (!i.equals(PRESET)) b.optInit(enumOf(InitMode.class, i));
		String pool = choice("pooling", p.pooling, PRESET, "max", "avg");
		if (!pool.equals(PRESET)) b.optPooling(enumOf(Pooling.class, pool));
		if (p.unparsed.containsKey("seed") || p.seed < 0) {
			throw new IllegalArgumentException("seed=" + p.unparsed.getOrDefault("seed", Long.toString(p.seed))
				+ ": must be a whole number ≥ 0");
		}
		b.optSeed(p.seed);
		b.optDevice(enumOf(DeviceChoice.class, choice("device", p.device, "auto", "cpu", "gpu")));
		String rs = choice("resultsize", p.resultsize, "content", "working", FullResolution.FULL);
		// full: the working size is the content's, so the result has the content's size as it is.
		b.optResultSize(enumOf(ResultSize.class, rs.equals(FullResolution.FULL) ? "content" : rs));
		Map<String, Double> cl = layers("contentlayers", p.contentlayers, true);
		if (cl != null) b.optContentLayers(cl);
		Map<String, Double> sl = layers("stylelayers", p.stylelayers, false);
		if (sl != null) b.optStyleLayers(sl);
		int every = range("preview", p.unparsed.get("preview"), p.preview, 0, 100_000);
		b.optPreviewEvery(previewAllowed ? every : 0);
		ControlSettings.apply(p, preset, b, p.size);
		try {
			return b.build();
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException(macroKeys(e.getMessage()), e);
		}
	}

	/** The model id or weights file path the run needs. */
	static String weightsSpec(StyleTransferCommand p, Preset preset) {
		String m = choice("model", p.model, PRESET, "vgg19-caffe", "vgg16-caffe", "vgg19-torchvision", "file");
		if (m.equals(PRESET)) return preset.model();
		if (!m.equals("file")) return m;
		File f = p.weights;
		if (f == null || f.getPath().isBlank()) {
			throw new IllegalArgumentException("model=file: also give weights=[path to a .h5, .safetensors or .npz file]");
		}
		if (!f.isFile()) throw new IllegalArgumentException("weights=" + f + ": no such file");
		return f.getAbsolutePath();
	}

	/** Rewrites the settings' names in a builder message into the command's macro keys. */
	static String macroKeys(String message) {
		return message.replace("content weight", "contentweight").replace("style weight", "styleweight")
			.replace("tv weight", "tvweight").replace("learning rate", "learningrate")
			.replace("content layers", "contentlayers").replace("style layers", "stylelayers")
			.replace("preview every", "preview").replaceFirst("^steps", "iterations");
	}
}
