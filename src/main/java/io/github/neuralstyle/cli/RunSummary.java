package io.github.neuralstyle.cli;

import com.google.gson.JsonObject;

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
		JsonObject o = new JsonObject();
		o.add("settings", settings);
		o.addProperty("weights", weights.description());
		o.addProperty("device", r.device());
		StepReport first = r.first();
		StepReport last = r.last();
		o.addProperty("first_loss", first == null ? Double.NaN : first.total());
		o.addProperty("final_loss", last == null ? Double.NaN : last.total());
		o.addProperty("final_content", last == null ? Double.NaN : last.content());
		o.addProperty("final_style", last == null ? Double.NaN : last.style());
		o.addProperty("final_tv", last == null ? Double.NaN : last.tv());
		o.addProperty("steps", r.steps());
		o.addProperty("median_ms_per_step", Math.round(r.medianStepMillis() * 10) / 10.0);
		o.addProperty("elapsed_s", r.elapsedMillis() / 1000.0);
		o.addProperty("peak_rss_mb", peakRssMb());
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
