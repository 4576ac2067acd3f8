package io.github.neuralstyle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.neuralstyle.testsupport.CliInputs;
import io.github.neuralstyle.testsupport.CliRun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code neural-style weights}: checks the weights a run would use and prints their file, for cluster jobs. */
class WeightsCommandTest {

	@TempDir
	Path dir;

	@Test
	void aWeightsFileIsReadAndItsAbsolutePathPrinted() throws IOException {
		CliInputs in = CliInputs.in(dir);
		CliRun r = CliRun.of("weights", "--weights", in.weights().toString(), "--quiet");
		assertEquals(0, r.exit(), r.toString());
		assertEquals(in.weights().toAbsolutePath().normalize().toString(), r.out().trim());
	}

	@Test
	void aDamagedWeightsFileFailsTheCheck() throws IOException {
		Path bad = dir.resolve("bad.safetensors");
		Files.write(bad, new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 });
		CliRun r = CliRun.of("weights", "--weights", bad.toString());
		assertEquals(Main.USAGE, r.exit(), r.toString());
		assertTrue(r.out().isEmpty(), "no path printed for weights that cannot be used: " + r);
		assertTrue(r.err().contains("bad.safetensors"), r.toString());
	}

	@Test
	void randomWeightsHaveNoFileToShare() {
		CliRun r = CliRun.of("weights", "--model", "random-vgg16", "--quiet");
		assertEquals(0, r.exit(), r.toString());
		assertTrue(r.out().isEmpty(), r.toString());
		assertTrue(r.err().contains("nothing to download"), r.toString());
	}
}
