package io.github.neuralstyle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.github.neuralstyle.files.ImageFiles;
import io.github.neuralstyle.testsupport.CliInputs;
import io.github.neuralstyle.testsupport.CliRun;
import io.github.neuralstyle.testsupport.TestImages;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The control options on the command line: each echoed in the JSON, each bad value refused with its fix. */
class ControlOptionsTest {

	@TempDir
	static Path dir;
	static CliInputs in;
	static Path second, labels, smallLabels;

	@BeforeAll
	static void files() throws Exception {
		in = CliInputs.in(dir);
		second = dir.resolve("second.png");
		ImageFiles.write(TestImages.content(32, 32), second);
		labels = dir.resolve("labels.png");
		smallLabels = dir.resolve("small-labels.png");
		writeLabels(labels, 40, 30);
		writeLabels(smallLabels, 20, 15);
	}

	/** Left half 1, right half 2, top rows 0. */
	private static void writeLabels(Path file, int w, int h) throws Exception {
		BufferedImage im = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
		for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) im.getRaster().setSample(x, y, 0, y < 4 ? 0 : x < w / 2 ? 1 : 2);
		ImageIO.write(im, "png", file.toFile());
	}

	private static CliRun run(String... more) {
		return CliRun.of(in.args(dir.resolve("out.png"), more));
	}

	@Test
	void everyControlIsEchoedInTheJson() {
		CliRun r = CliRun.of(in.with(dir.resolve("out.png"), "--style", in.style() + "," + second, "--style-blend", "3,7",
			"--original-colors", "luminance", "--style-scale", "0.75", "--regions", labels.toString(), "--region-styles",
			"1:0,2:1,0:none", "--tv-power", "1.25", "--tolerance", "1e-4"));
		assertEquals(0, r.exit(), r::toString);
		assertTrue(Files.exists(dir.resolve("out.png")));
		String[] lines = r.out().trim().split("\n");
		JsonObject s = JsonParser.parseString(lines[lines.length - 1]).getAsJsonObject().getAsJsonObject("settings");
		assertEquals("luminance", s.get("original_colors").getAsString());
		assertEquals(2, s.get("styles").getAsInt());
		assertEquals(0.3, s.getAsJsonArray("style_blend").get(0).getAsDouble(), 1e-12);
		assertEquals(0.7, s.getAsJsonArray("style_blend").get(1).getAsDouble(), 1e-12);
		assertEquals(0.75, s.get("style_scale").getAsDouble());
		assertEquals("0:none,1:0,2:1 (simple)", s.get("region_styles").getAsString());
		assertEquals(1.25, s.get("tv_power").getAsDouble());
		assertEquals("mean", s.get("tv_form").getAsString());
		assertEquals(1e-4, s.get("tolerance").getAsDouble());
	}

	@Test
	void aSingleStyleRunEchoesTheDefaults() {
		CliRun r = run();
		assertEquals(0, r.exit(), r::toString);
		String[] lines = r.out().trim().split("\n");
		JsonObject s = JsonParser.parseString(lines[lines.length - 1]).getAsJsonObject().getAsJsonObject("settings");
		assertEquals("none", s.get("original_colors").getAsString());
		assertEquals(1, s.get("styles").getAsInt());
		assertFalse(s.has("tv_power"));
		assertEquals("quadratic mean", s.get("tv_form").getAsString());
		assertFalse(s.has("region_styles"));
	}

	@Test
	void badValuesNameTheOptionAndTheFix() {
		expect(run("--original-colors", "grey"), "--original-colors 'grey' is not known: use none, luminance, histogram or yuv");
		expect(run("--style-blend", "3,7"), "--style-blend has 2 weights for 1 style in --style: give one weight per style");
		expect(CliRun.of(in.with(dir.resolve("out.png"), "--style", in.style() + "," + second, "--style-blend", "3,x")),
			"--style-blend must be numbers ≥ 0 separated by commas");
		expect(CliRun.of(in.with(dir.resolve("out.png"), "--style", in.style() + "," + second, "--style-blend", "0,0")),
			"style blend weights are all 0");
		expect(run("--style-scale", "0"), "--style-scale: style scale must be in (0, 8]");
		expect(run("--tv-power", "x"), "--tv-power must be a number");
		expect(run("--tolerance", "1"), "--tolerance: tolerance must be in [0, 1)");
		expect(run("--regions", labels.toString()), "--regions needs --region-styles");
		expect(run("--region-styles", "1:0"), "--region-styles needs --regions");
		expect(run("--regions", labels.toString(), "--region-styles", "1:0,2:1,0:none"),
			"--region-styles: region styles: '2:1' names style 1 of 1");
		expect(run("--regions", labels.toString(), "--region-styles", "1:0,2:0"),
			"label 0 occurs in the label image but has no style: add 0:none");
		expect(run("--regions", smallLabels.toString(), "--region-styles", "1:0,2:0,0:none"),
			"is 20×15 px but the content is 40×30: give a label image of the content's size");
		expect(run("--regions", in.content().toString(), "--region-styles", "1:0"), "is RGB: labels must be an 8- or 16-bit grey image");
		expect(CliRun.of(in.with(dir.resolve("out.png"), "--style", in.style() + ",missing.png")), "No such image file: missing.png");
	}

	private static void expect(CliRun r, String message) {
		assertEquals(2, r.exit(), r::toString);
		assertTrue(r.err().contains(message), () -> "wanted '" + message + "' in\n" + r.err());
		assertFalse(Files.exists(dir.resolve("out.png")) && r.err().contains("[ERROR]"));
	}

	@Test
	void styleFilesSplitOnCommasUnlessTheWholeNameExists() throws Exception {
		Path comma = dir.resolve("a,b.png");
		ImageFiles.write(TestImages.style(16, 16), comma);
		CliOptions one = new CliOptions(List.of("--style", comma.toString()));
		assertEquals(List.of(comma), ControlOptions.styleFiles(one));
		CliOptions two = new CliOptions(List.of("--style", "x.png,y.png"));
		assertEquals(List.of(Path.of("x.png"), Path.of("y.png")), ControlOptions.styleFiles(two));
	}
}
