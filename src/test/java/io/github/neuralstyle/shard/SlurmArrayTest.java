package io.github.neuralstyle.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.neuralstyle.cli.Main;
import io.github.neuralstyle.testsupport.LocalSlurm;
import io.github.neuralstyle.testsupport.SyntheticVgg;
import io.github.neuralstyle.testsupport.WeightsFixtures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cluster/style-array.sbatch on a real SLURM (the local one-node cluster of
 * cluster/local-cluster.sh; skipped with the reason where it is not running): the sample
 * time-lapse's 16 frames in 4 array tasks at 32 px with a small random network. The array
 * writes every frame and the check job passes; resubmitted, finished shards rewrite nothing,
 * and a task cancelled while it runs leaves frames missing, which the check job names with the
 * shard to submit again; submitting that shard writes only those.
 */
class SlurmArrayTest {

	static final int FRAMES = 16;
	static final int SHARDS = 4;
	static final Duration ROUND = Duration.ofSeconds(300);

	@TempDir
	Path dir;

	private final List<String> submitted = new ArrayList<>();

	@BeforeEach
	void localCluster() {
		LocalSlurm.assumeRunning();
	}

	@AfterEach
	void cancelLeftovers() {
		LocalSlurm.cancel(submitted);
	}

	@Test
	void arrayStylesEveryFrameAndAResubmissionRedoesOnlyACancelledTask() throws Exception {
		Path weights = dir.resolve("small.safetensors");
		Files.write(weights, WeightsFixtures.safetensors(SyntheticVgg.vgg19(16, 3), Map.of(), false));
		Path out = dir.resolve("out");
		Map<String, String> env = new LinkedHashMap<>();
		env.put("CONTENT", Path.of("sample-data/timelapse-cells.tif").toAbsolutePath().toString());
		env.put("STYLE", Path.of("sample-data/style-waves.png").toAbsolutePath().toString());
		env.put("OUT", out.toString());
		env.put("SHARDS", Integer.toString(SHARDS));
		env.put("MODEL_OPTION", "--weights " + weights);
		env.put("OPTIONS", "--size 32 --steps 4 --scales 1 --temporal-weight 1e3 --shard-overlap 1");
		env.put("LOGS", dir.resolve("logs").toString());
		env.put("TASK_CPUS", "1");
		env.put("TASK_MEM", "1500M");
		env.put("NEURAL_STYLE_CACHE", dir.resolve("cache").toString());
		env.put("NEURAL_STYLE", String.join(" ", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
			"-Xmx1g", "-Dai.djl.offline=true", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
			Main.class.getName()));

		// Round 1: the whole array.
		Jobs first = submit(env);
		assertFinished(first);
		for (String task : LocalSlurm.states(first.array)) {
			assertEquals("COMPLETED", LocalSlurm.field(task, "JobState"), task);
			assertEquals("0:0", LocalSlurm.field(task, "ExitCode"), task);
		}
		assertEquals(SHARDS, LocalSlurm.states(first.array).size());
		assertEquals("COMPLETED", state(first.check), log(first.check));
		Map<String, FileTime> written = frames(out);
		assertEquals(expectedNames(0, FRAMES), List.copyOf(written.keySet()));
		assertTrue(log(first.check).contains("all " + FRAMES + " frames"), log(first.check));

		// Round 2: shard 2's frames (9-12) deleted, the whole array submitted again and shard 2 cancelled while it runs.
		List<String> shardTwo = expectedNames(8, 12);
		for (String name : shardTwo) Files.delete(out.resolve(name));
		Jobs again = submit(env);
		long end = System.nanoTime() + ROUND.toNanos();
		while (!Files.exists(out.resolve(shardTwo.get(0))) && System.nanoTime() < end) Thread.sleep(20);
		LocalSlurm.check(List.of("scancel", again.array + "_2"), Map.of());
		assertFinished(again);
		for (String task : LocalSlurm.states(again.array)) {
			String expected = "2".equals(LocalSlurm.field(task, "ArrayTaskId")) ? "CANCELLED" : "COMPLETED";
			assertEquals(expected, LocalSlurm.field(task, "JobState"), task);
		}
		Map<String, FileTime> afterCancel = frames(out);
		for (Map.Entry<String, FileTime> f : written.entrySet()) {
			if (shardTwo.contains(f.getKey())) continue;
			assertEquals(f.getValue(), afterCancel.get(f.getKey()), "a resubmitted finished shard rewrote " + f.getKey());
		}
		List<String> missing = shardTwo.stream().filter(n -> !afterCancel.containsKey(n)).toList();
		assertTrue(afterCancel.containsKey(shardTwo.get(0)), "the frame seen before the cancel stays");
		assertTrue(!missing.isEmpty(), "shard 2 finished before it could be cancelled: " + afterCancel.keySet());
		String check = log(again.check);
		assertEquals("FAILED", state(again.check), check);
		for (String name : missing) assertTrue(check.contains(name), check);
		assertTrue(check.contains("submit shards 2 again (ARRAY=2 "), check);

		// Round 3: submitting that shard again writes only its missing frames.
		env.put("ARRAY", "2");
		Jobs redo = submit(env);
		assertFinished(redo);
		assertEquals("COMPLETED", state(redo.check), log(redo.check));
		Map<String, FileTime> done = frames(out);
		assertEquals(expectedNames(0, FRAMES), List.copyOf(done.keySet()));
		for (Map.Entry<String, FileTime> f : afterCancel.entrySet()) {
			assertEquals(f.getValue(), done.get(f.getKey()), f.getKey() + " was written again");
		}
	}

	/** The three jobs of one submit. */
	private record Jobs(String weights, String array, String check) {}

	private Jobs submit(Map<String, String> env) {
		String line = LocalSlurm.check(List.of("bash", "cluster/style-array.sbatch", "submit"), env).strip();
		String[] w = line.substring(line.lastIndexOf('\n') + 1).split(" ");
		assertEquals(6, w.length, line);
		Jobs jobs = new Jobs(w[1], w[3], w[5]);
		submitted.addAll(List.of(jobs.weights, jobs.array, jobs.check));
		return jobs;
	}

	private void assertFinished(Jobs jobs) throws InterruptedException, IOException {
		boolean done = LocalSlurm.await(List.of(jobs.weights, jobs.array, jobs.check), ROUND);
		assertTrue(done, "jobs " + jobs + " not finished after " + ROUND.toSeconds() + " s; logs:\n" + logs());
	}

	private String state(String job) {
		return LocalSlurm.field(LocalSlurm.states(job).get(0), "JobState");
	}

	private String log(String job) throws IOException {
		try (Stream<Path> s = Files.list(dir.resolve("logs"))) {
			Path p = s.filter(f -> f.getFileName().toString().endsWith("-" + job + ".log")).findFirst().orElse(null);
			return p == null ? "(no log of job " + job + ")" : Files.readString(p);
		}
	}

	private String logs() throws IOException {
		try (Stream<Path> s = Files.list(dir.resolve("logs"))) {
			StringBuilder sb = new StringBuilder();
			for (Path p : s.sorted().toList()) sb.append("== ").append(p.getFileName()).append('\n').append(Files.readString(p));
			return sb.toString();
		}
	}

	/** timelapse-cells-0001.png … for frames {@code from} (0-based) to {@code to} (exclusive). */
	private static List<String> expectedNames(int from, int to) {
		List<String> names = new ArrayList<>();
		for (int i = from; i < to; i++) names.add(String.format(Locale.ROOT, "timelapse-cells-%04d.png", i + 1));
		return names;
	}

	/** The PNG files of the output folder with their modification times, by name. */
	private static Map<String, FileTime> frames(Path out) throws IOException {
		try (Stream<Path> s = Files.list(out)) {
			return s.filter(p -> p.getFileName().toString().endsWith(".png")).collect(Collectors.toMap(
				p -> p.getFileName().toString(), p -> {
					try {
						return Files.getLastModifiedTime(p);
					}
					catch (IOException e) {
						throw new java.io.UncheckedIOException(e);
					}
				}, (a, b) -> a, TreeMap::new));
		}
	}
}
