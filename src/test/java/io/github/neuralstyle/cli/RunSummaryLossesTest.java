package io.github.neuralstyle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.ScaleLosses;
import io.github.neuralstyle.engine.StepReport;
import io.github.neuralstyle.engine.StyleTransferResult;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.testsupport.SyntheticVgg;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The JSON's losses: final_* are the written image's, per_scale lists each scale's first and final loss. */
class RunSummaryLossesTest {

	@Test
	void finalLossesAreTheResultsNotTheLastStepStart() {
		// The last report (step 4) holds the loss of the image step 4 started from: 5.
		List<StepReport> history = List.of(new StepReport(1, 4, 9, 1, 1, 1, 10, 16, 12),
			new StepReport(4, 4, 5, 1, 1, 1, 40, 32, 24));
		StyleTransferResult r = new StyleTransferResult(new RgbImage(32, 24, new float[3 * 32 * 24]), history, "cpu()", 4, 10,
			40, List.of(new ScaleLosses(16, 12, 2, 9, 7, 1, 1, 1), new ScaleLosses(32, 24, 2, 6, 4, 0.5, 0.25, 0.125)), null);
		JsonObject json = JsonParser.parseString(RunSummary.json(StyleTransferSettings.builder().build(),
			SyntheticVgg.vgg19(16, 1), r, Path.of("out.png"))).getAsJsonObject();
		assertEquals(9, json.get("first_loss").getAsDouble());
		assertEquals(4, json.get("final_loss").getAsDouble());
		assertEquals(0.5, json.get("final_content").getAsDouble());
		assertEquals(0.25, json.get("final_style").getAsDouble());
		assertEquals(0.125, json.get("final_tv").getAsDouble());
		JsonArray perScale = json.getAsJsonArray("per_scale");
		assertEquals(2, perScale.size());
		JsonObject coarse = perScale.get(0).getAsJsonObject();
		assertEquals(16, coarse.get("width").getAsInt());
		assertEquals(12, coarse.get("height").getAsInt());
		assertEquals(2, coarse.get("steps").getAsInt());
		assertEquals(9, coarse.get("first_loss").getAsDouble());
		assertEquals(7, coarse.get("final_loss").getAsDouble());
		assertEquals(6, perScale.get(1).getAsJsonObject().get("first_loss").getAsDouble());
	}
}
