package io.github.neuralstyle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end: files in, a PNG and a JSON line out, clear errors on bad input. */
class MainTest {

	@TempDir
	static Path dir;
	static Path content, style, weights;

	@BeforeAll
	static void files() throws Exception {
		content = dir.resolve("content.png");
		style = dir.resolve("style image.png");
		weights = dir.resolve("small.safetensors");
		ImageFiles.write(TestImages.content(40, 30), content);
		ImageFiles.write(TestImages.style(32, 32), style);
		Files.write(weights, WeightsFixtures.safetensors(SyntheticVgg.vgg19(16, 3), Map.of(), false));
	}

	private static String[] run(int expectedExit, String... args) {
		CliRun r = CliRun.of(args);
		assertEquals(expectedExit, r.exit(), r::toString);
		return new String[] { r.out(), r.err() };
	}

	private static List<String> base(Path out, String... more) {
		return CliRun.withOptions(List.of("--content", content.toString(), "--style", style.toString(), "--out",
			out.toString(), "--weights", weights.toString(), "--size", "32", "--steps", "6"), List.of(more));
	}

	@Test
	void timeToQualityRunsOnTheWeightsItIsGiven() {
		String[] o = run(0, "benchmark", "--quality", "--size", "64", "--ref-steps", "3", "--candidates", "2,3", "--weights",
			weights.toString(), "--content", content.toString(), "--style", style.toString());
		assertTrue(o[0].contains("L* = ") && o[0].contains("small.safetensors"), o[0]);
		assertFalse(o[0].contains("NOT pretrained"), o[0]);
		assertTrue(o[0].contains("| multi-scale | 2,3 |"), o[0]);
	}

	@Test
	void soakSamplesEveryPointEvenWhenWarmIsTheLastStep() {
		// 12 steps: "warm" (history + 10 = 20, capped) is the last step.
		String[] o = run(0, "benchmark", "--soak", "12", "--sizes", "32", "--optimizer", "adam", "--weights", weights.toString());
		String row = o[0].lines().filter(l -> l.startsWith("| adam |")).findFirst().orElseThrow(() -> new AssertionError(o[0]));
		String[] cells = row.split("\\|");
		assertEquals(" 12 ", cells[3]);
		for (int c = 4; c <= 6; c++) {
			for (String v : cells[c].trim().split(" / ")) assertTrue(Long.parseLong(v) > 0, "column " + c + " of " + row);
		}
		assertEquals("0", cells[7].trim(), "arrays left after the run: " + row);
		String trace = o[0].lines().filter(l -> l.startsWith("RSS MB every 1 steps, adam: [")).findFirst()
			.orElseThrow(() -> new AssertionError(o[0]));
		assertEquals(12, trace.substring(trace.indexOf('[') + 1, trace.indexOf(']')).split(", ").length, trace);
	}

	@Test
	void fullRunWritesThePngAndAJsonLine() throws Exception {
		Path out = dir.resolve("out/styled.png");
		String[] o = run(0, base(out, "--optimizer", "adam", "--lr", "0.05", "--save-every", "3").toArray(new String[0]));
		RgbImage written = ImageFiles.read(out);
		assertEquals(40, written.width());
		assertEquals(30, written.height());
		assertTrue(Files.exists(dir.resolve("out/styled-step0003.png")));
		assertTrue(Files.exists(dir.resolve("out/styled-step0006.png")));
		String[] lines = o[0].trim().split("\n");
		assertEquals(7, lines.length, o[0]);
		assertTrue(lines[0].startsWith("step 1/6  32x24  total "), lines[0]);
		JsonObject json = JsonParser.parseString(lines[6]).getAsJsonObject();
		assertEquals(6, json.get("steps").getAsInt());
		assertEquals("adam", json.getAsJsonObject("settings").get("optimizer").getAsString());
		assertEquals("cpu()", json.get("device").getAsString());
		assertTrue(json.get("final_loss").getAsDouble() < json.get("first_loss").getAsDouble());
		assertTrue(json.get("median_ms_per_step").getAsDouble() > 0);
		assertTrue(json.get("peak_rss_mb").getAsLong() > 0);
		for (String key : List.of("final_content", "final_style", "final_tv")) assertTrue(json.has(key), key);
	}

	@Test
	void badInputsExitWithAOneLineMessage() {
		Path out = dir.resolve("never.png");
		assertMessage(run(2, "--content", "missing.png", "--style", style.toString(), "--out", out.toString(),
			"--weights", weights.toString()), "No such image file: missing.png");
		assertMessage(run(2, base(out, "--size", "big").toArray(new String[0])), "--size must be a whole number, got 'big'");
		assertMessage(run(2, base(out, "--optimizer", "sgd").toArray(new String[0])), "--optimizer must be one of adam, lbfgs");
		assertMessage(run(2, base(out, "--steps", "0").toArray(new String[0])), "steps must be between 1 and 100000");
		assertMessage(run(2, base(out, "--colour", "red").toArray(new String[0])), "unknown option --colour");
		assertMessage(run(2, base(out, "--style-layers", "relu7_1").toArray(new String[0])), "unknown layer 'relu7_1'");
		assertMessage(run(2, "--style", style.toString(), "--out", out.toString()), "--content is required");
		assertMessage(run(2, base(out, "--content", weights.toString()).toArray(new String[0])), "Not a readable image");
		assertTrue(!Files.exists(out), "a failed run wrote " + out);
	}

	@Test
	void picklesAreRefused() throws Exception {
		Path pth = dir.resolve("vgg19.pth");
		Files.write(pth, new byte[] { (byte) 0x80, 2, 'c', 'x' });
		String[] o = run(2, base(dir.resolve("never.png"), "--weights", pth.toString()).toArray(new String[0]));
		assertTrue(o[1].toLowerCase().contains("pickle"), o[1]);
	}

	private static void assertMessage(String[] outErr, String expected) {
		String err = outErr[1].trim();
		assertEquals(1, err.lines().count(), err);
		assertTrue(err.startsWith("neural-style: ") && err.contains(expected), err);
	}
}
