package io.github.neuralstyle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.files.ImageFiles;
import io.github.neuralstyle.testsupport.CliRun;
import io.github.neuralstyle.testsupport.SyntheticVgg;
import io.github.neuralstyle.testsupport.TestImages;
import io.github.neuralstyle.testsupport.WeightsFixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --size full}, {@code --tile} and {@code --memory-budget} end to end. */
class TiledCliTest {

	@TempDir
	Path dir;

	@Test
	void fullSizeInTilesWritesTheContentSizeAndReportsTheTiling() throws Exception {
		Path content = dir.resolve("content.png"), style = dir.resolve("style.png"), out = dir.resolve("out.png");
		Path weights = dir.resolve("small.safetensors");
		ImageFiles.write(TestImages.content(50, 37), content);
		ImageFiles.write(TestImages.style(32, 32), style);
		Files.write(weights, WeightsFixtures.safetensors(SyntheticVgg.vgg19(16, 3), Map.of(), false));
		String[] r = run(0, "--content", content.toString(), "--style", style.toString(), "--out", out.toString(), "--weights",
			weights.toString(), "--size", "full", "--steps", "2", "--scales", "1", "--optimizer", "adam", "--lr", "0.02",
			"--content-layers", "relu2_1", "--style-layers", "relu1_1,relu2_1", "--tile", "24", "--quiet");
		RgbImage written = ImageFiles.read(out);
		assertEquals(50, written.width());
		assertEquals(37, written.height());
		String[] lines = r[0].trim().split("\n");
		JsonObject json = JsonParser.parseString(lines[lines.length - 1]).getAsJsonObject();
		// Cores of at most 24 px spread evenly on relu2_1's stride 2: 18 px wide (3 across 50 px), 20 px high (2 down
		// 37 px); halo = the radius 1 + 1 + 2 = 4 px.
		assertEquals(6, json.get("tiles").getAsInt(), json::toString);
		assertEquals(20, json.get("tile_core").getAsInt());
		assertEquals(4, json.get("tile_halo").getAsInt());
		assertEquals(50, json.getAsJsonObject("settings").get("size").getAsInt());
		assertTrue(json.get("peak_rss_mb").getAsLong() > 0);
	}

	@Test
	void badTilingOptionsNameTheOptionAndTheFix() {
		String[] budget = run(Main.USAGE, "--content", "c.png", "--style", "s.png", "--out", "o.png", "--memory-budget", "lots");
		assertTrue(budget[1].contains("--memory-budget") && budget[1].contains("6g"), budget[1]);
		String[] tile = run(Main.USAGE, "--content", "c.png", "--style", "s.png", "--out", "o.png", "--tile", "-5");
		assertTrue(tile[1].contains("tile") && tile[1].contains("0 (automatic)"), tile[1]);
	}

	private static String[] run(int expectedExit, String... args) {
		CliRun r = CliRun.of(args);
		assertEquals(expectedExit, r.exit(), r::toString);
		return new String[] { r.out(), r.err() };
	}
}
