package io.github.neuralstyle.cli;

import io.github.neuralstyle.engine.DefaultStyleTransfer;
import io.github.neuralstyle.engine.DeviceChoice;
import io.github.neuralstyle.engine.InitMode;
import io.github.neuralstyle.engine.InputConvention;
import io.github.neuralstyle.engine.OptimizerKind;
import io.github.neuralstyle.engine.ProgressListener;
import io.github.neuralstyle.engine.RandomVggWeights;
import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.StyleTransferResult;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.VggArchitecture;
import io.github.neuralstyle.engine.VggWeights;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code neural-style benchmark}: ms per step and peak memory with a full-size VGG19 of seeded
 * random weights, per size and optimiser. Not a test: numbers depend on the machine.
 */
final class Benchmark {

	private Benchmark() {}

	static int run(CliOptions o, PrintStream out) throws IOException {
		String sizes = o.has("sizes") ? o.get("sizes") : "128,256,512";
		int steps = o.has("steps") ? o.integer("steps") : 10;
		List<OptimizerKind> optimizers = o.has("optimizer") ? List.of(o.choice("optimizer", OptimizerKind.class))
			: List.of(OptimizerKind.values());
		DeviceChoice device = o.has("device") ? o.choice("device", DeviceChoice.class) : DeviceChoice.AUTO;
		VggWeights weights = RandomVggWeights.create(VggArchitecture.VGG19, InputConvention.CAFFE, 1, 0, 16);
		out.println("| size | optimizer | device | median ms/step | min ms/step | GFLOP/s | peak RSS MB |");
		out.println("|---:|---|---|---:|---:|---:|---:|");
		List<String> rows = new ArrayList<>();
		for (String sz : sizes.split(",")) {
			int size = Integer.parseInt(sz.trim());
			for (OptimizerKind opt : optimizers) {
				StyleTransferSettings s = StyleTransferSettings.builder().optSize(size).optSteps(steps).optOptimizer(opt)
					.optLearningRate(opt == OptimizerKind.ADAM ? 0.02 : 1).optInit(InitMode.CONTENT).optDevice(device)
					.optReportEvery(steps).build();
				RgbImage content = pattern(size, size, 1);
				RgbImage style = pattern(size, size, 2);
				StepTimes times = new StepTimes();
				StyleTransferResult r = new DefaultStyleTransfer().run(content, style, weights, s, times, () -> false);
				double gflop = 2 * forwardGflop(size, size);
				String row = String.format(Locale.ROOT, "| %d×%d | %s | %s | %.1f | %.1f | %.1f | %d |", size, size,
					opt.name().toLowerCase(Locale.ROOT), r.device(), times.median(), times.min(),
					gflop / (times.median() / 1000), RunSummary.peakRssMb());
				out.println(row);
				rows.add(row);
			}
		}
		return 0;
	}

	/** Multiply-adds ×2 of VGG19's convolutions up to conv5_1 for a w×h input, in GFLOP. */
	static double forwardGflop(int w, int h) {
		int[] perBlock = VggArchitecture.VGG19.convsPerBlock();
		double flops = 0;
		int in = 3;
		for (int b = 0; b < 5; b++) {
			int out = VggArchitecture.blockChannels(b);
			int convs = b == 4 ? 1 : perBlock[b];
			for (int i = 0; i < convs; i++) {
				flops += 2.0 * 9 * in * out * (double) w * h;
				in = out;
			}
			w /= 2;
			h /= 2;
		}
		return flops / 1e9;
	}

	static RgbImage pattern(int w, int h, int seed) {
		float[] d = new float[3 * w * h];
		for (int c = 0; c < 3; c++) {
			for (int y = 0; y < h; y++) {
				for (int x = 0; x < w; x++) {
					d[(c * h + y) * w + x] = (float) (0.5 + 0.5 * Math.sin((x * (c + seed) + y * (3 - c)) * 0.05));
				}
			}
		}
		return new RgbImage(w, h, d);
	}

	/** Collects per-step wall times, skipping the first (warm-up) step. */
	static final class StepTimes implements ProgressListener {
		private final List<Double> millis = new ArrayList<>();
		private long last = -1;

		@Override
		public void step(io.github.neuralstyle.engine.StepReport r) {
			long now = System.nanoTime();
			if (last >= 0 && r.iteration() > 2) millis.add((now - last) / 1e6);
			last = now;
		}

		double median() {
			List<Double> s = new ArrayList<>(millis);
			s.sort(null);
			return s.isEmpty() ? Double.NaN : s.get(s.size() / 2);
		}

		double min() {
			return millis.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
		}
	}
}
