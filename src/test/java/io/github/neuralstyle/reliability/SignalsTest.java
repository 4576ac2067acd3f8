package io.github.neuralstyle.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.github.neuralstyle.cli.Main;
import io.github.neuralstyle.testsupport.CliInputs;
import io.github.neuralstyle.testsupport.SyntheticVgg;
import io.github.neuralstyle.testsupport.WeightsFixtures;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C and {@code kill} in a forked JVM, mid-step, several times: the run stops between steps,
 * exits 130 (SIGINT) or 143 (SIGTERM) with one line, writes no result and leaves no hs_err
 * crash file (the JVM used to tear libtorch down under a running backward pass).
 */
class SignalsTest {

	private static final Random DELAYS = new Random(12);

	@TempDir
	Path dir;

	private CliInputs in;

	@BeforeEach
	void inputs() throws IOException {
		in = CliInputs.in(dir);
		// Wider than the suite's usual net so that a step takes long enough to be hit mid-way.
		Files.write(in.weights(), WeightsFixtures.safetensors(SyntheticVgg.vgg19(4, 3), Map.of(), false));
	}

	@Test
	void ctrlCMidStepStopsCleanly() throws Exception {
		assumeFalse(ignored(2), "SIGINT is ignored in this process (started in the background): children inherit that");
		for (int i = 0; i < 3; i++) killMidStep("INT", 130);
	}

	@Test
	void sigtermMidStepStopsCleanly() throws Exception {
		for (int i = 0; i < 2; i++) killMidStep("TERM", 143);
	}

	@Test
	void aBenchmarkStopsCleanlyToo() throws Exception {
		List<String> cmd = java(List.of("benchmark", "--sizes", "64", "--steps", "100000", "--rounds", "1", "--optimizer", "adam",
			"--no-baseline", "--weights", in.weights().toString()));
		Process p = new ProcessBuilder(cmd).directory(dir.toFile()).start();
		CompletableFuture<String> err = drain(p.getErrorStream());
		BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
		assertTrue(out.readLine().startsWith("| size |"), "the table header comes first");
		drain(p.getInputStream());
		Thread.sleep(3000); // inside the steps of the first configuration by now
		signal(p, "TERM");
		assertTrue(p.waitFor(2, TimeUnit.MINUTES), "stopped");
		assertEquals(143, p.exitValue(), err.get());
		assertTrue(err.get().trim().endsWith("neural-style: stopped by SIGTERM; no result was written"), err.get());
		assertNoCrashFile();
	}

	@Test
	void aSignalBeforeTheRunExitsAtOnce() throws Exception {
		Path out = dir.resolve("early.png");
		Process p = new ProcessBuilder(java(in.with(out, "--steps", "100000"))).directory(dir.toFile()).start();
		CompletableFuture<String> err = drain(p.getErrorStream());
		Thread.sleep(300);
		signal(p, "TERM");
		assertTrue(p.waitFor(1, TimeUnit.MINUTES), "stopped");
		assertEquals(143, p.exitValue(), err.get());
		assertFalse(Files.exists(out));
		assertNoCrashFile();
	}

	/** Starts a long run, waits for its first step, signals it a moment later, checks how it ended. */
	private void killMidStep(String signal, int expectedExit) throws Exception {
		Path out = dir.resolve("out.png");
		List<String> args = new ArrayList<>(in.with(out, "--steps", "100000", "--optimizer", "adam", "--lr", "0.02"));
		args.set(args.indexOf("--size") + 1, "96");
		args.remove("--quiet");
		Process p = new ProcessBuilder(java(args)).directory(dir.toFile()).start();
		CompletableFuture<String> err = drain(p.getErrorStream());
		BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
		String line;
		while ((line = lines.readLine()) != null && !line.startsWith("step ")) {
			// JVM start, weights, targets
		}
		assertTrue(line != null, () -> "no step was reported: " + err.join());
		Thread.sleep(DELAYS.nextInt(150));
		signal(p, signal);
		drain(p.getInputStream());
		assertTrue(p.waitFor(2, TimeUnit.MINUTES), "stopped");
		String e = err.get().trim();
		assertEquals(expectedExit, p.exitValue(), e);
		String last = e.substring(e.lastIndexOf('\n') + 1);
		assertTrue(last.matches("neural-style: stopped by SIG" + signal + ".* after step \\d+; no result was written"), e);
		assertFalse(Files.exists(out), "no result for a stopped run");
		assertNoCrashFile();
	}

	private void assertNoCrashFile() throws IOException {
		try (var files = Files.list(dir)) {
			List<Path> crashes = files.filter(f -> f.getFileName().toString().startsWith("hs_err")).toList();
			assertEquals(List.of(), crashes, "the JVM crashed");
		}
		try (var files = Files.list(dir)) {
			assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith(".neural-style-")).toList(),
				"temporary files left behind");
		}
	}

	private static List<String> java(List<String> args) {
		List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
			"-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=2", "-cp", System.getProperty("java.class.path"),
			Main.class.getName()));
		cmd.addAll(args);
		return cmd;
	}

	private static void signal(Process p, String name) throws IOException, InterruptedException {
		assertEquals(0, new ProcessBuilder("kill", "-" + name, Long.toString(p.pid())).start().waitFor());
	}

	/** Whether this process ignores signal {@code number} (SigIgn in /proc/self/status); then its children do too. */
	private static boolean ignored(int number) throws IOException {
		for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
			if (l.startsWith("SigIgn:")) return (Long.parseUnsignedLong(l.substring(7).trim(), 16) >> (number - 1) & 1) == 1;
		}
		return false;
	}

	/** Reads a stream to its end on a thread of its own (the common pool may have one thread only). */
	private static CompletableFuture<String> drain(java.io.InputStream s) {
		CompletableFuture<String> text = new CompletableFuture<>();
		Thread t = new Thread(() -> {
			try {
				text.complete(new String(s.readAllBytes(), StandardCharsets.UTF_8));
			}
			catch (IOException e) {
				text.complete("");
			}
		}, "drain");
		t.setDaemon(true);
		t.start();
		return text;
	}
}
