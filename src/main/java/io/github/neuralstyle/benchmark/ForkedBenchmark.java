package io.github.neuralstyle.benchmark;

import io.github.neuralstyle.cli.CliOptions;
import io.github.neuralstyle.cli.Main;
import io.github.neuralstyle.engine.optimizers.OptimizerKind;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code benchmark --fork}: each size × optimiser in a fresh JVM, because peak RSS (VmHWM) is
 * per process and one configuration's peak would otherwise show in every later row.
 */
final class ForkedBenchmark {

	/** Options passed through to each child as they were given. */
	private static final String[] PASSED = { "steps", "rounds", "device", "history", "report-every", "weights", "model" };

	private ForkedBenchmark() {}

	static int run(CliOptions o, PrintStream out) throws IOException {
		String sizes = o.has("sizes") ? o.get("sizes") : "128,256,512";
		out.println(Benchmark.header());
		for (int size : CliOptions.parseIntegers("--sizes", sizes)) {
			for (OptimizerKind opt : Benchmark.optimizers(o)) {
				List<String> cmd = new ArrayList<>();
				cmd.add(ProcessHandle.current().info().command().orElse("java"));
				// The child's engine must start with the same threads, cuDNN and offline settings.
				for (String key : System.getProperties().stringPropertyNames()) {
					if (key.startsWith("ai.djl.")) cmd.add("-D" + key + "=" + System.getProperty(key));
				}
				cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "benchmark", "--sizes",
					Integer.toString(size), "--optimizer", opt.name().toLowerCase(Locale.ROOT)));
				for (String key : PASSED) {
					if (o.has(key)) cmd.addAll(List.of("--" + key, o.get(key)));
				}
				if (o.flag("no-baseline")) cmd.add("--no-baseline");
				Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
				// A signal ends this process at once: the child then gets SIGTERM and stops between its steps.
				Thread stopChild = new Thread(p::destroy);
				Runtime.getRuntime().addShutdownHook(stopChild);
				try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
					for (String line; (line = r.readLine()) != null;) {
						if (line.matches("\\| \\d.*")) out.println(line);
					}
				}
				try {
					int status = p.waitFor();
					Runtime.getRuntime().removeShutdownHook(stopChild);
					if (status != 0) out.println("| " + size + " | " + opt + " | failed: exit " + p.exitValue() + " |");
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					p.destroy();
					return Main.FAILED;
				}
			}
		}
		return 0;
	}
}
