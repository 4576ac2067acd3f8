package io.github.neuralstyle.benchmark;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;

import io.github.neuralstyle.cli.CliOptions;
import io.github.neuralstyle.cli.Interrupts;
import io.github.neuralstyle.cli.RunSummary;
import io.github.neuralstyle.engine.DefaultStyleTransfer;
import io.github.neuralstyle.engine.ProgressListener;
import io.github.neuralstyle.engine.StepReport;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.engine.optimizers.OptimizerKind;
import io.github.neuralstyle.engine.platform.Devices;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code benchmark --soak N [--sizes 64]}: one long run per optimiser, sampling live native
 * arrays and RSS at the first step, once L-BFGS's history is full (or after 10% of the steps,
 * whichever is later) and at the end, and RSS every 10% of the steps. Flat means the warm and
 * end samples agree.
 */
final class Soak {

	private Soak() {}

	static int run(CliOptions o, PrintStream out) throws IOException {
		int steps = o.integer("soak");
		int size = o.has("sizes") ? o.integers("sizes")[0] : 64;
		out.println("| optimizer | size | steps | live arrays (step 1 / warm / end) | RSS MB (step 1 / warm / end) "
			+ "| JVM heap committed MB (step 1 / warm / end) | arrays left after run | median ms/step |");
		out.println("|---|---:|---:|---|---|---|---:|---:|");
		VggWeights weights = Benchmark.weights(o);
		List<String> traces = new ArrayList<>();
		for (OptimizerKind opt : Benchmark.optimizers(o)) {
			StyleTransferSettings s = Benchmark.settings(o, size, opt, steps).build();
			Device device = Devices.resolve(s.device());
			NDManager system = Devices.systemManager(device);
			int before = system.getManagedArrays().size();
			int warm = Math.min(steps, Math.max(s.historySize() + 10, steps / 10));
			long[][] samples = new long[3][3];
			int every = Math.max(1, steps / 10);
			long[] trace = new long[steps / every];
			ProgressListener sampler = new ProgressListener() {
				@Override
				public void step(StepReport r) {
					int i = r.iteration();
					// A trace tells a plateau from a steady climb, which three samples cannot.
					if (i % every == 0) trace[i / every - 1] = RunSummary.procStatusMb("VmRSS:");
					// In a short soak "warm" may be the last step: then both slots take it.
					for (int slot : new int[] { i == 1 ? 0 : -1, i == warm ? 1 : -1, i == steps ? 2 : -1 }) {
						if (slot < 0) continue;
						samples[slot][0] = system.getManagedArrays().size();
						samples[slot][1] = RunSummary.procStatusMb("VmRSS:");
						// RSS growth that the Java heap's growth explains is not native memory.
						samples[slot][2] = Runtime.getRuntime().totalMemory() / (1024 * 1024);
					}
				}
			};
			double median = new DefaultStyleTransfer().run(Benchmark.pattern(size, size, 1), Benchmark.pattern(size, size, 2),
				weights, s, sampler, Interrupts.cancelled()).medianStepMillis();
			out.println(String.format(Locale.ROOT, "| %s | %d | %d | %d / %d / %d | %d / %d / %d | %d / %d / %d | %d | %.1f |",
				opt.name().toLowerCase(Locale.ROOT), size, steps, samples[0][0], samples[1][0], samples[2][0], samples[0][1],
				samples[1][1], samples[2][1], samples[0][2], samples[1][2], samples[2][2],
				system.getManagedArrays().size() - before, median));
			traces.add(String.format(Locale.ROOT, "RSS MB every %d steps, %s: %s", every, opt.name().toLowerCase(Locale.ROOT),
				Arrays.toString(trace)));
		}
		traces.forEach(out::println);
		if (!ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:+AlwaysPreTouch")) {
			// G1 touches its committed heap a little more with each collection: RSS then grows by
			// Java heap pages that were committed but not yet resident, which is not a leak.
			out.println("Note: the Java heap was not pre-touched, so RSS growth includes heap pages first used during the run; "
				+ "run with -Xms256m -Xmx256m -XX:+AlwaysPreTouch to see native growth alone.");
		}
		return 0;
	}
}
