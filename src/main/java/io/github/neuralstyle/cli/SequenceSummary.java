package io.github.neuralstyle.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.engine.video.FrameResult;
import io.github.neuralstyle.engine.video.SequenceResult;
import io.github.neuralstyle.engine.video.SequenceSettings;

import java.nio.file.Path;

/** The one JSON line a sequence run ends with: the settings, every frame's numbers and the temporal error. */
final class SequenceSummary {

	private SequenceSummary() {}

	static String json(StyleTransferSettings s, SequenceSettings q, VggWeights weights, SequenceResult r, SequenceInput input,
		Path out)
	{
		JsonObject settings = new JsonObject();
		settings.addProperty("summary", s.toString());
		settings.addProperty("sequence", q.toString());
		settings.addProperty("temporal_weight", q.temporalWeight());
		JsonObject o = new JsonObject();
		o.add("settings", settings);
		o.addProperty("weights", weights.description());
		o.addProperty("frames", r.frames().size());
		o.addProperty("styled", r.styled());
		o.addProperty("resumed", r.frames().size() - r.styled());
		o.addProperty("temporal_error", r.temporalError());
		JsonArray frames = new JsonArray();
		long millis = 0;
		for (FrameResult f : r.frames()) {
			JsonObject j = new JsonObject();
			j.addProperty("frame", f.index() + 1);
			j.addProperty("name", input.name(f.index()));
			j.addProperty("resumed", f.resumed());
			j.addProperty("steps", f.steps());
			j.addProperty("planned_steps", f.plannedSteps());
			j.addProperty("first_loss", f.firstLoss());
			j.addProperty("final_loss", f.finalLoss());
			j.addProperty("final_style", f.styleLoss());
			j.addProperty("final_content", f.contentLoss());
			j.addProperty("temporal_error", f.temporalError());
			j.addProperty("mask_kept", f.keptFraction());
			j.addProperty("seconds", f.millis() / 1000.0);
			frames.add(j);
			if (!f.resumed()) millis += f.millis();
		}
		o.add("per_frame", frames);
		o.addProperty("seconds_per_frame", r.styled() == 0 ? Double.NaN : millis / 1000.0 / r.styled());
		o.addProperty("elapsed_s", r.elapsedMillis() / 1000.0);
		o.addProperty("peak_rss_mb", RunSummary.peakRssMb());
		o.addProperty("out", out.toString());
		return new GsonBuilder().serializeSpecialFloatingPointValues().disableHtmlEscaping().create().toJson(o);
	}
}
