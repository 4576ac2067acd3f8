package io.github.neuralstyle.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import io.github.neuralstyle.engine.ScaleLosses;
import io.github.neuralstyle.engine.StepReport;
import io.github.neuralstyle.engine.StyleTransferResult;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.network.VggWeights;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The one JSON line a run ends with. */
public final class RunSummary {

	private RunSummary() {}

	static String json(StyleTransferSettings s, VggWeights weights, StyleTransferResult r, Path out) {
		JsonObject settings = new JsonObject();
		settings.addProperty("preset", s.preset().id());
		settings.addProperty("summary", s.toString());
		settings.addProperty("content_layers", StyleTransferSettings.formatLayers(s.contentLayers()));
		settings.addProperty("style_layers", StyleTransferSettings.formatLayers(s.styleLayers()));
		settings.addProperty("content_weight", s.contentWeight());
		settings.addProperty("style_weight", s.styleWeight());
		settings.addProperty("tv_weight", s.tvWeight());
		settings.addProperty("optimizer", s.optimizer().name().toLowerCase());
		settings.addProperty("lr", s.learningRate());
		settings.addProperty("size", s.size());
		settings.addProperty("scales", s.scales());
		settings.addProperty("steps", s.steps());
		settings.addProperty("init", s.init().name().toLowerCase());
		settings.addProperty("seed", s.seed());
		settings.addProperty("pooling", s.pooling().name().toLowerCase());
		ControlOptions.echo(settings, s);
		JsonObject o = new JsonObject();
		o.add("settings", settings);
		o.addProperty("weights", weights.description());
		o.addProperty("device", r.device());
		StepReport first = r.first();
		o.addProperty("first_loss", first == null ? Double.NaN : first.total());
		// The written image's losses (at the working size), not those of the last step's start.
		ScaleLosses end = r.result();
		o.addProperty("final_loss", end == null ? Double.NaN : end.total());
		o.addProperty("final_content", end == null ? Double.NaN : end.content());
		o.addProperty("final_style", end == null ? Double.NaN : end.style());
		o.addProperty("final_tv", end == null ? Double.NaN : end.tv());
		JsonArray perScale = new JsonArray();
		for (ScaleLosses l : r.scales()) {
			JsonObject scale = new JsonObject();
			scale.addProperty("width", l.width());
			scale.addProperty("height", l.height());
			scale.addProperty("steps", l.steps());
			scale.addProperty("first_loss", l.first());
			scale.addProperty("final_loss", l.total());
			perScale.add(scale);
		}
		o.add("per_scale", perScale);
		o.addProperty("steps", r.steps());
		o.addProperty("median_ms_per_step", Math.round(r.medianStepMillis() * 10) / 10.0);
		o.addProperty("elapsed_s", r.elapsedMillis() / 1000.0);
		o.addProperty("peak_rss_mb", peakRssMb());
		if (r.tiling() != null) {
			o.addProperty("tiles", r.tiling().tiles());
			if (r.tiling().tiled()) {
				o.addProperty("tile_core", r.tiling().grid().core());
				o.addProperty("tile_halo", r.tiling().grid().geometry().halo());
			}
			o.addProperty("memory_estimate_mb", r.tiling().estimatedBytes() >> 20);
			if (r.tiling().budgetBytes() < Long.MAX_VALUE) o.addProperty("memory_budget_mb", r.tiling().budgetBytes() >> 20);
		}
		o.addProperty("width", r.image().width());
		o.addProperty("height", r.image().height());
		o.addProperty("out", out.toString());
		return new com.google.gson.GsonBuilder().serializeSpecialFloatingPointValues().disableHtmlEscaping().create().toJson(o);
	}

	/** Peak resident memory of this process (VmHWM) in MB, or -1 where /proc is missing. */
	public static long peakRssMb() {
		return procStatusMb("VmHWM:");
	}

	/** A memory line of /proc/self/status (e.g. {@code VmRSS:}) in MB, or -1 where /proc is missing. */
	public static long procStatusMb(String key) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (line.startsWith(key)) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
			}
		}
		catch (IOException | NumberFormatException e) {
			// not Linux
		}
		return -1;
	}
}
