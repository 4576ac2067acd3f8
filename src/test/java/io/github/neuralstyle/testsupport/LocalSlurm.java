package io.github.neuralstyle.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * The single-node SLURM cluster {@code cluster/local-cluster.sh start} sets up (named
 * {@value #CLUSTER}, so that tests never submit to a real site's cluster): submitting, waiting
 * for jobs with a bound, reading their states, cancelling. Tests skip with the reason where it
 * is not running.
 */
public final class LocalSlurm {

	/** The cluster name cluster/local-cluster.sh writes into slurm.conf. */
	public static final String CLUSTER = "neuralstyle-local";

	private LocalSlurm() {}

	/** Skips the calling test, saying why and how to start the cluster, unless the local cluster answers. */
	public static void assumeRunning() {
		String why = whyNot();
		Assumptions.assumeTrue(why == null, () -> "SLURM tests skipped: " + why + ". Start a local test cluster with "
			+ "'cluster/local-cluster.sh start' (root on Debian/Ubuntu; .ci/run does this)");
	}

	/** Null when the local cluster answers with an idle node, else what is missing. */
	static String whyNot() {
		Result config = run(List.of("scontrol", "show", "config"), Map.of(), Duration.ofSeconds(20));
		if (config == null) return "no SLURM commands (scontrol) on this machine";
		if (config.exit != 0) return "slurmctld does not answer (" + config.output.strip() + ")";
		if (!config.output.matches("(?s).*ClusterName\\s*=\\s*" + CLUSTER + "\\b.*")) {
			return "the SLURM here is not the local test cluster '" + CLUSTER + "' (not submitting to a real cluster)";
		}
		Result nodes = run(List.of("sinfo", "-h", "-N", "-o", "%T"), Map.of(), Duration.ofSeconds(20));
		if (nodes == null || !nodes.output.matches("(?s).*\\b(idle|mixed|allocated)\\b.*")) {
			return "the local cluster's node is not up (sinfo: " + (nodes == null ? "-" : nodes.output.strip()) + ")";
		}
		return null;
	}

	/** Runs {@code command} with {@code env} added; its status and output, or an error if it fails or hangs. */
	public static String check(List<String> command, Map<String, String> env) {
		Result r = run(command, env, Duration.ofMinutes(1));
		if (r == null || r.exit != 0) {
			throw new AssertionError(String.join(" ", command) + " failed: " + (r == null ? "could not start" : r.output));
		}
		return r.output;
	}

	/** Whether any of {@code jobs} (ids, array ids included) is still pending or running. */
	public static boolean active(List<String> jobs) {
		return !check(List.of("squeue", "-h", "-j", String.join(",", jobs), "-o", "%i %T"), Map.of()).isBlank();
	}

	/** Waits until none of {@code jobs} is pending or running; false if {@code limit} passed first. */
	public static boolean await(List<String> jobs, Duration limit) throws InterruptedException {
		long end = System.nanoTime() + limit.toNanos();
		while (active(jobs)) {
			if (System.nanoTime() > end) return false;
			Thread.sleep(500);
		}
		return true;
	}

	/** "JobId=… ArrayTaskId=… JobState=… ExitCode=…" lines of a job and its array tasks, while slurmctld keeps them. */
	public static List<String> states(String job) {
		List<String> out = new ArrayList<>();
		for (String line : check(List.of("scontrol", "-o", "show", "job", job), Map.of()).split("\n")) {
			if (!line.isBlank()) out.add(line);
		}
		return out;
	}

	/** The value of {@code key} in one line of {@link #states}. */
	public static String field(String stateLine, String key) {
		for (String part : stateLine.split(" ")) {
			if (part.startsWith(key + "=")) return part.substring(key.length() + 1);
		}
		return null;
	}

	/** Cancels jobs, ignoring ones already gone. */
	public static void cancel(List<String> jobs) {
		if (!jobs.isEmpty()) run(List.of("scancel", String.join(",", jobs)), Map.of(), Duration.ofSeconds(20));
	}

	private record Result(int exit, String output) {}

	private static Result run(List<String> command, Map<String, String> env, Duration limit) {
		try {
			ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(Path.of("/dev/null").toFile());
			pb.environment().putAll(env);
			Process p = pb.start();
			byte[] out = p.getInputStream().readAllBytes();
			if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
				p.destroyForcibly();
				return new Result(-1, "timed out after " + limit.toSeconds() + " s");
			}
			return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			return null;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return null;
		}
	}
}
