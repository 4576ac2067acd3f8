package io.github.neuralstyle.benchmark;

import io.github.neuralstyle.cli.CliOptions;
import io.github.neuralstyle.cli.Main;
import io.github.neuralstyle.cli.RunSummary;
import io.github.neuralstyle.engine.DefaultStyleTransfer;
import io.github.neuralstyle.engine.ProgressListener;
import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.StepReport;
import io.github.neuralstyle.engine.StyleTransferResult;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.engine.optimizers.OptimizerKind;
import io.github.neuralstyle.engine.tiling.MemoryEstimate;
import io.github.neuralstyle.engine.tiling.TilingOptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code benchmark --tiled}: ms per megapixel-step and peak RSS, untiled against tiled, per size,
 * single-scale Adam with the GATYS layers on a full-size VGG19. Each row runs in a fresh JVM
 * (peak RSS is per process) unless {@code --rows} names the one row to run here.
 * {@code --tile N} and {@code --memory-budget SIZE} set the tiled rows' tiling (default: automatic
 * within a quarter of the untiled step's estimate, so that it tiles at every size).
 */
final class TiledBenchmark {

	private static final String[] PASSED = { "steps", "device", "weights", "model", "tile", "memory-budget" };

	private TiledBenchmark() {}

	static int run(CliOptions o, PrintStream out) throws IOException {
		String sizes = o.has("sizes") ? o.get("sizes") : "512,1024,2048";
		out.println(header());
		for (String size : sizes.split(",")) {
			for (String row : o.has("rows") ? o.get("rows").split(",") : new String[] { "untiled", "tiled" }) {
				if (o.has("rows") && !o.has("fork")) {
					out.println(row(o, Integer.parseInt(size.trim()), row.trim()));
					continue;
				}
				List<String> cmd = new ArrayList<>();
				cmd.add(ProcessHandle.current().info().command().orElse("java"));
				for (String key : System.getProperties().stringPropertyNames()) {
					if (key.startsWith("ai.djl.")) cmd.add("-D" + key + "=" + System.getProperty(key));
				}
				cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "benchmark", "--tiled",
					"--sizes", size.trim(), "--rows", row.trim()));
				for (String key : PASSED) {
					if (o.has(key)) cmd.addAll(List.of("--" + key, o.get(key)));
				}
				Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
				try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
					for (String line; (line = r.readLine()) != null;) {
						if (line.matches("\\| \\d.*")) out.println(line);
					}
				}
				try {
					if (p.waitFor() != 0) out.println("| " + size + " | " + row + " | failed: exit " + p.exitValue() + " |");
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

	static String header() {
		return "| size | run | tiles | core px | halo px | median ms/step | ms per MP-step | estimate MB | peak RSS MB |\n"
			+ "|---:|---|---:|---:|---:|---:|---:|---:|---:|";
	}

	/** One run of {@code --steps} (default 3) steps; the first is warm-up and not in the median. */
	static String row(CliOptions o, int size, String kind) throws IOException {
		int steps = o.has("steps") ? o.integer("steps") : 3;
		StyleTransferSettings s = Benchmark.settings(o, size, OptimizerKind.ADAM, steps).build();
		VggWeights weights = Benchmark.weights(o);
		TilingOptions tiling;
		long untiled = MemoryEstimate.untiled(s, weights.architecture(), s.deepestLayerIndex(weights.architecture()), size, size);
		if (kind.equals("untiled") && untiled > 0.8 * MemoryEstimate.availableBytes()) {
			return String.format(Locale.ROOT, "| %d² | untiled | does not fit: estimate %d MB | | | | | %d | |", size, untiled >> 20,
				untiled >> 20);
		}
		if (kind.equals("untiled")) {
			tiling = new TilingOptions(size, Long.MAX_VALUE);
		}
		else {
			long budget = o.has("memory-budget") ? TilingOptions.parseBytes("--memory-budget", o.get("memory-budget"))
				: untiled / 4;
			tiling = new TilingOptions(o.has("tile") ? o.integer("tile") : TilingOptions.AUTO, budget);
		}
		RgbImage content = Benchmark.pattern(size, size, 1);
		RgbImage style = Benchmark.pattern(size, size, 2);
		List<Double> times = new ArrayList<>();
		long[] last = { System.nanoTime() };
		ProgressListener timing = new ProgressListener() {
			@Override
			public void step(StepReport r) {
				long now = System.nanoTime();
				if (r.iteration() > 1) times.add((now - last[0]) / 1e6);
				last[0] = now;
			}

			@Override
			public void status(String message) {
				System.err.println(message);
			}
		};
		StyleTransferResult r = new DefaultStyleTransfer(tiling).run(content, style, weights, s, timing, () -> false);
		double[] t = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		double median = t.length == 0 ? r.medianStepMillis() : t[t.length / 2];
		double mp = size * (double) size / 1e6;
		boolean tiled = r.tiling().tiled();
		return String.format(Locale.ROOT, "| %d² | %s | %d | %s | %s | %.0f | %.0f | %d | %d |", size, kind, r.tiling().tiles(),
			tiled ? Integer.toString(r.tiling().grid().core()) : "–", tiled ? Integer.toString(r.tiling().grid().geometry().halo()) : "–",
			median, median / mp, r.tiling().estimatedBytes() >> 20, RunSummary.peakRssMb());
	}
}
