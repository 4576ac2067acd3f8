package io.github.neuralstyle.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.neuralstyle.testsupport.CliInputs;
import io.github.neuralstyle.testsupport.CliRun;
import io.github.neuralstyle.testsupport.FolderSnapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Options: no silent choice (a repeated option, two weights sources, {@code --scales 0} or a
 * negative seed are errors, as in the Fiji command), messages without Java class names, help
 * that is help, and a normal run that prints no library warnings.
 */
class OptionInputsTest {

	@TempDir
	Path dir;

	private CliInputs in;

	@BeforeEach
	void inputs() throws IOException {
		in = CliInputs.in(dir);
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|', value = {
		"--size      | 64           | --size is given twice: give each option once",
		"--scales    | 0            | --scales must be auto or a whole number from 1 to 6, got '0'",
		"--scales    | 7            | --scales must be auto or a whole number from 1 to 6, got '7'",
		"--seed      | -1           | --seed must be a whole number ≥ 0, got '-1'",
		"--seed      | x            | --seed must be a whole number ≥ 0, got 'x'",
		"--model     | vgg19-caffe  | --model vgg19-caffe and --weights",
		"--steps     | many         | --steps must be a whole number, got 'many'",
		"--colour    | red          | unknown option --colour (see --help)",
		"--optimizer | sgd          | --optimizer must be one of adam, lbfgs, got 'sgd'" })
	void badOptionsAreRefusedByName(String key, String value, String message) {
		List<String> args = new java.util.ArrayList<>(in.args(dir.resolve("out.png")));
		if (key.equals("--size")) args.addAll(List.of("--size", value));
		else if (args.contains(key)) args.set(args.indexOf(key) + 1, value);
		else args.addAll(List.of(key, value));
		assertUsageError(args, message);
	}

	@Test
	void weightsAndModelTogetherSayWhichToDrop() {
		assertUsageError(in.args(dir.resolve("out.png"), "--model", "random-vgg19"), "both name the weights: give only one");
	}

	@Test
	void aNegativeSeedIsRefusedAsFijiRefusesIt() {
		// The Fiji command's seed= check (CommandSettings) says "must be a whole number ≥ 0" too.
		assertUsageError(in.args(dir.resolve("out.png"), "--seed", "-1"), "whole number ≥ 0");
	}

	@Test
	void benchmarkHelpPrintsHelp() {
		long start = System.nanoTime();
		CliRun r = CliRun.of("benchmark", "--help");
		assertEquals(0, r.exit(), r::toString);
		assertTrue(r.out().startsWith("usage: neural-style"), r::toString);
		assertFalse(r.out().contains("| size |"), "no benchmark table: " + r);
		assertTrue(System.nanoTime() - start < 5e9, "help, not a benchmark");
	}

	@Test
	void benchmarkSizesMustBeNumbers() {
		CliRun r = CliRun.of("benchmark", "--sizes", "abc");
		assertEquals(2, r.exit(), r::toString);
		assertEquals("neural-style: --sizes must be whole numbers separated by commas, got 'abc'", r.err().trim());
	}

	@Test
	void aMissingGpuIsAMessageNotAClassName() {
		CliRun r = CliRun.of(in.args(dir.resolve("out.png"), "--device", "gpu"));
		// This machine has no GPU that PyTorch can use (the tests run on the CPU build).
		assertEquals(1, r.exit(), r::toString);
		assertTrue(r.err().contains("device=gpu, but PyTorch sees no GPU"), r::toString);
		assertFalse(r.err().contains("java.lang"), r::toString);
		assertFalse(Files.exists(dir.resolve("out.png")));
	}

	@Test
	void aNormalRunIsQuiet() throws IOException, InterruptedException {
		// A fresh JVM, as users start it: no SLF4J "no providers" lines, no library warnings.
		Path out = dir.resolve("quiet.png");
		List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
			"-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"), io.github.neuralstyle.cli.Main.class.getName()));
		cmd.addAll(in.args(out));
		Process p = new ProcessBuilder(cmd).directory(dir.toFile()).start();
		String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(p.waitFor(3, TimeUnit.MINUTES));
		assertEquals(0, p.exitValue(), stderr);
		assertEquals("", stderr, "a --quiet run prints nothing on stderr");
		assertEquals(1, stdout.trim().lines().count(), "only the JSON line: " + stdout);
		assertTrue(Files.isRegularFile(out));
	}

	private void assertUsageError(List<String> args, String message) {
		FolderSnapshot before = FolderSnapshot.of(dir);
		CliRun r = CliRun.of(args);
		assertEquals(2, r.exit(), r::toString);
		String err = r.err().trim();
		assertEquals(1, err.lines().count(), r::toString);
		assertTrue(err.startsWith("neural-style: ") && err.contains(message), () -> "expected '" + message + "' in: " + err);
		assertFalse(err.contains("Exception"), err);
		before.assertUnchanged();
	}
}
