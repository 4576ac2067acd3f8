package io.github.neuralstyle.cli;

import io.github.neuralstyle.engine.InitMode;
import io.github.neuralstyle.engine.Preset;
import io.github.neuralstyle.engine.ResultSize;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.network.Pooling;
import io.github.neuralstyle.engine.optimizers.OptimizerKind;
import io.github.neuralstyle.engine.platform.DeviceChoice;
import io.github.neuralstyle.engine.tiling.TilingOptions;
import io.github.neuralstyle.files.ImageFileReader;

import java.io.IOException;
import java.nio.file.Path;

/** Turns command-line options into settings: the preset's values, then every option given. */
final class SettingsFromOptions {

	private SettingsFromOptions() {}

	static StyleTransferSettings.Builder builder(CliOptions o) throws IOException {
		Preset preset = o.has("preset") ? preset(o.get("preset")) : Preset.GATYS;
		StyleTransferSettings.Builder b = StyleTransferSettings.builder(preset);
		if (o.has("size") && !fullSize(o)) b.optSize(o.integer("size"));
		if (o.has("steps")) b.optSteps(o.integer("steps"));
		if (o.has("scales")) b.optScales(scales(o));
		if (o.has("scale-steps")) b.optScaleSteps(o.integers("scale-steps"));
		if (o.has("optimizer")) b.optOptimizer(o.choice("optimizer", OptimizerKind.class));
		if (o.has("lr")) b.optLearningRate(o.number("lr"));
		if (o.has("history")) b.optHistorySize(o.integer("history"));
		if (o.flag("line-search")) b.optLineSearch(true);
		if (o.has("init")) b.optInit(o.choice("init", InitMode.class));
		if (o.has("init-image")) b.optInitImage(ImageFileReader.read(Path.of(o.get("init-image")), "start image (--init-image)",
			StyleTransferSettings.MAX_SIZE).image());
		if (o.has("seed")) b.optSeed(seed(o));
		if (o.has("content-layers")) b.optContentLayers(StyleTransferSettings.parseLayers("--content-layers", o.get("content-layers")));
		if (o.has("style-layers")) b.optStyleLayers(StyleTransferSettings.parseLayers("--style-layers", o.get("style-layers")));
		if (o.has("content-weight")) b.optContentWeight(o.number("content-weight"));
		if (o.has("style-weight")) b.optStyleWeight(o.number("style-weight"));
		if (o.has("tv-weight")) b.optTvWeight(o.number("tv-weight"));
		if (o.has("pooling")) b.optPooling(o.choice("pooling", Pooling.class));
		if (o.has("device")) b.optDevice(o.choice("device", DeviceChoice.class));
		if (o.has("save-every")) b.optPreviewEvery(o.integer("save-every"));
		if (o.has("report-every")) b.optReportEvery(o.integer("report-every"));
		if (o.has("result-size")) b.optResultSize(o.choice("result-size", ResultSize.class));
		return b;
	}

	/** Whether {@code --size full} asks for the content's own size (resolved once the content is read). */
	static boolean fullSize(CliOptions o) {
		return o.has("size") && o.get("size").trim().equalsIgnoreCase("full");
	}

	/** {@code --tile} and {@code --memory-budget}: automatic unless given. */
	static TilingOptions tiling(CliOptions o) {
		try {
			int core = o.has("tile") ? o.integer("tile") : TilingOptions.AUTO;
			long budget = o.has("memory-budget") ? TilingOptions.parseBytes("--memory-budget", o.get("memory-budget")) : TilingOptions.AUTO;
			return new TilingOptions(core, budget);
		}
		catch (IllegalArgumentException e) {
			throw new CliOptions.UsageException(e.getMessage().startsWith("--") ? e.getMessage() : "--" + e.getMessage());
		}
	}

	/** 1–6 or auto; 0 is not a silent synonym of auto. */
	private static int scales(CliOptions o) {
		if (o.get("scales").trim().equalsIgnoreCase("auto")) return StyleTransferSettings.AUTO_SCALES;
		int n = o.integer("scales");
		if (n < 1 || n > 6) throw new CliOptions.UsageException("--scales must be auto or a whole number from 1 to 6, got '" + o.get("scales") + "'");
		return n;
	}

	/** A seed ≥ 0, as the Fiji command's {@code seed=} accepts. */
	private static long seed(CliOptions o) {
		long v;
		try {
			v = Long.parseLong(o.get("seed").trim());
		}
		catch (NumberFormatException e) {
			v = -1;
		}
		if (v < 0) throw new CliOptions.UsageException("--seed must be a whole number ≥ 0, got '" + o.get("seed") + "'");
		return v;
	}

	private static Preset preset(String id) {
		try {
			return Preset.fromId(id);
		}
		catch (IllegalArgumentException e) {
			throw new CliOptions.UsageException("--preset: " + e.getMessage());
		}
	}
}
