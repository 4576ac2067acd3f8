package io.github.neuralstyle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.neuralstyle.files.ImageFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line in a plain JVM, as a user starts it, with a full-width VGG19 at a size where
 * libtorch takes its optimised CPU paths: every step must lower the loss. (Tensors backed by
 * GC-freed Java memory once gave NaN, stalled losses or crashes here in plain JVMs; whether a
 * given JVM shows it depends on its memory layout, so this is a guard, not a proof.)
 */
class FreshJvmRunTest {

	@TempDir
	Path dir;

	@Test
	void adamLowersTheLossEveryStepAtFullWidth() throws IOException, InterruptedException {
		Path out = dir.resolve("out.png");
		List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
			"-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
			"--content", "sample-data/content-cells.png", "--style", "sample-data/style-waves.png", "--out", out.toString(),
			"--model", "random-vgg19", "--size", "128", "--steps", "12", "--optimizer", "adam", "--lr", "0.02",
			"--tv-weight", "1e5", "--quiet"));
		cmd.remove("--quiet");
		Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
		String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(p.waitFor(5, TimeUnit.MINUTES));
		assertEquals(0, p.exitValue(), output);
		assertEquals(256, ImageFiles.read(out).width(), "result at the content's size");
		double previous = Double.POSITIVE_INFINITY;
		int steps = 0;
		for (String line : output.split("\n")) {
			if (!line.startsWith("step ")) continue;
			double total = Double.parseDouble(line.split("total ")[1].split(" ")[0]);
			assertTrue(total < previous, "loss did not fall at: " + line + "\n" + output);
			previous = total;
			steps++;
		}
		assertEquals(12, steps, output);
	}
}
