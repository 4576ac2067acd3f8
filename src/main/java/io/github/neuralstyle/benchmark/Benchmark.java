package io.github.neuralstyle.benchmark;

import ai.djl.Device;

import io.github.neuralstyle.cli.CliOptions;
import io.github.neuralstyle.cli.Interrupts;
import io.github.neuralstyle.cli.RunSummary;
import io.github.neuralstyle.cli.WeightsChoice;
import io.github.neuralstyle.engine.DefaultStyleTransfer;
import io.github.neuralstyle.engine.InitMode;
import io.github.neuralstyle.engine.Preset;
import io.github.neuralstyle.engine.ProgressListener;
import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.StepReport;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.network.InputConvention;
import io.github.neuralstyle.engine.network.RandomVggWeights;
import io.github.neuralstyle.engine.network.VggArchitecture;
import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.engine.optimizers.OptimizerKind;
import io.github.neuralstyle.engine.platform.DeviceChoice;
import io.github.neuralstyle.engine.platform.Devices;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * {@code neural-style benchmark}: ms per step of our loop against the bare libtorch
 * forward+backward measured in the same process, GFLOP/s and peak memory, per size and
 * optimiser, with a full-size VGG19 of seeded random weights. {@code --soak N} checks that
 * memory stays flat over N steps ({@link Soak}); {@code --quality} measures time to quality
 * ({@link TimeToQuality}). Not a test: numbers depend on the machine and its load.
 */
public final class Benchmark {

	private Benchmark() {}

	public static int run(CliOptions o, PrintStream out) throws IOException {
		if (o.has("soak")) return Soak.run(o, out);
		if (o.flag("tiled")) return TiledBenchmark.run(o, out);
		if (o.flag("quality")) return TimeToQuality.run(o, out);
		if (o.flag("sequence")) return SequenceBenchmark.run(o, out);
		if (o.flag("fork")) return ForkedBenchmark.run(o, out);
		String sizes = o.has("sizes") ? o.get("sizes") : "128,256,512";
		int steps = o.has("steps") ? o.integer("steps") : 10;
		int rounds = o.has("rounds") ? o.integer("rounds") : 3;
		if (steps < 2 || rounds < 1) throw new CliOptions.UsageException("--steps must be at least 2 and --rounds at least 1");
		VggWeights weights = weights(o);
		out.println(header());
		for (int size : CliOptions.parseIntegers("--sizes", sizes)) {
			for (OptimizerKind opt : optimizers(o)) out.println(row(o, weights, size, opt, steps, rounds));
		}
		return 0;
	}

	static String header() {
		return "| size | optimizer | device | median ms/step | min ms/step | bare same-work median | overhead vs same work "
			+ "| bare conv-only median | overhead vs conv only | GFLOP/s | peak RSS MB | peak GPU MB |\n"
			+ "|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|";
	}

	/**
	 * One configuration: after each of our steps (but the first of a round, a warm-up) one bare
	 * pass of each kind ({@link BareBaseline}) runs on the same image, in alternating order, so
	 * each triple sees the same machine load; overheads are medians over the pairs of each of our
	 * steps with the bare passes on either side of it ({@link StepStats}).
	 */
	static String row(CliOptions o, VggWeights weights, int size, OptimizerKind opt, int steps, int rounds) throws IOException {
		StyleTransferSettings s = settings(o, size, opt, steps).build();
		Device device = Devices.resolve(s.device());
		RgbImage content = pattern(size, size, 1);
		RgbImage style = pattern(size, size, 2);
		StepStats stats = new StepStats();
		long[] gpuPeak = { -1 };
		// --no-baseline: the peak RSS is then ours alone (the baseline's network and passes also count in VmHWM).
		try (BareBaseline bare = o.flag("no-baseline") ? null : new BareBaseline(weights, s, content, style, device)) {
			long[] last = { -1 };
			ProgressListener paired = new ProgressListener() {
				@Override
				public void step(StepReport r) {
					long now = System.nanoTime();
					if (device.isGpu()) gpuPeak[0] = Math.max(gpuPeak[0], gpuUsedMb(device));
					if (last[0] >= 0) {
						double ms = (now - last[0]) / 1e6;
						if (bare == null) stats.add(ms);
						else if (r.iteration() % 2 == 0) stats.add(ms, bare.passWithLosses(), bare.pass());
						else {
							// Alternate which bare kind runs right after our step.
							double convOnly = bare.pass();
							stats.add(ms, bare.passWithLosses(), convOnly);
						}
					}
					last[0] = System.nanoTime();
				}
			};
			for (int r = 0; r < rounds; r++) {
				last[0] = -1;
				stats.newRound();
				new DefaultStyleTransfer().run(content, style, weights, s, paired, Interrupts.cancelled());
			}
		}
		double gflop = 2 * forwardGflop(size, size);
		return String.format(Locale.ROOT, "| %d×%d | %s | %s | %.1f | %.1f | %.1f | %+.1f%% | %.1f | %+.1f%% | %.1f | %d | %s |",
			size, size, opt.name().toLowerCase(Locale.ROOT), device, stats.oursMedian(), stats.oursMin(), stats.bareMedian(0),
			100 * stats.pairedOverhead(0), stats.bareMedian(1), 100 * stats.pairedOverhead(1),
			gflop / (stats.oursMedian() / 1000), RunSummary.peakRssMb(), gpuPeak[0] < 0 ? "n/a" : Long.toString(gpuPeak[0]));
	}

	/** The optimisers named by {@code --optimizer}, or both. */
	static List<OptimizerKind> optimizers(CliOptions o) {
		return o.has("optimizer") ? List.of(o.choice("optimizer", OptimizerKind.class)) : List.of(OptimizerKind.values());
	}

	/** The GATYS preset (relu4_2 content, relu1_1 … relu5_1 style) at this size, optimiser and step count, single scale. */
	static StyleTransferSettings.Builder settings(CliOptions o, int size, OptimizerKind opt, int steps) {
		StyleTransferSettings.Builder b = StyleTransferSettings.builder().optSize(size).optSteps(steps).optScales(1)
			.optOptimizer(opt).optLearningRate(opt == OptimizerKind.ADAM ? 0.02 : 1).optInit(InitMode.CONTENT)
			.optDevice(o.has("device") ? o.choice("device", DeviceChoice.class) : DeviceChoice.AUTO);
		if (o.has("history")) b.optHistorySize(o.integer("history"));
		if (o.has("report-every")) b.optReportEvery(o.integer("report-every"));
		return b;
	}

	/**
	 * The weights {@code --weights FILE} or {@code --model ID} name (pretrained ones for time to
	 * quality), else a full-size VGG19 with seeded random weights: the same work per step as the
	 * pretrained one, and nothing to download.
	 */
	static VggWeights weights(CliOptions o) throws IOException {
		if (o.has("weights") || o.has("model")) return WeightsChoice.obtain(o, Preset.GATYS, System.err);
		return RandomVggWeights.create(VggArchitecture.VGG19, InputConvention.CAFFE, 1, 0, 16);
	}

	/** Device memory in use (cudaMemGetInfo: includes libtorch's cache and the context), MB; -1 if unknown. */
	static long gpuUsedMb(Device device) {
		try {
			return ai.djl.util.cuda.CudaUtils.getGpuMemory(device).getCommitted() / (1024 * 1024);
		}
		catch (RuntimeException | LinkageError e) {
			return -1;
		}
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
}
