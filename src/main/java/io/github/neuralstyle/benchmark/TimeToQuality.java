package io.github.neuralstyle.benchmark;

import io.github.neuralstyle.cli.CliOptions;
import io.github.neuralstyle.files.ImageFiles;
import io.github.neuralstyle.cli.Interrupts;
import io.github.neuralstyle.engine.DefaultStyleTransfer;
import io.github.neuralstyle.engine.ProgressListener;
import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.StepReport;
import io.github.neuralstyle.engine.StyleTransferResult;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.engine.optimizers.OptimizerKind;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CancellationException;

/**
 * {@code benchmark --quality [--size 512] [--ref-steps 300] [--candidates "auto:600;2;50,50,300"]}:
 * the target loss L* is what plain single-scale L-BFGS reaches after {@code ref-steps} steps at
 * the target size; each candidate (steps per scale, coarsest first, or {@code auto:T} for the
 * default choice with T steps) runs until its loss at the target size first falls to L*.
 * Losses of coarser scales are never compared: they are of other images. Reports wall time
 * (noisy on a shared machine) and work in target-size step equivalents (not noisy: a step at
 * scale k costs its pixel count over the target's).
 */
final class TimeToQuality {

	private TimeToQuality() {}

	static int run(CliOptions o, PrintStream out) throws IOException {
		int size = o.has("size") ? o.integer("size") : 512;
		int refSteps = o.has("ref-steps") ? o.integer("ref-steps") : 300;
		String candidates = o.has("candidates") ? o.get("candidates") : "auto:" + 2 * refSteps + ";2,2,300;25,25,300;50,50,300";
		RgbImage content = o.has("content") ? ImageFiles.read(Path.of(o.get("content"))) : Benchmark.pattern(size, size, 1);
		RgbImage style = o.has("style") ? ImageFiles.read(Path.of(o.get("style"))) : Benchmark.pattern(size, size, 2);
		VggWeights weights = Benchmark.weights(o);
		// One more step than ref-steps: the loss a step reports is of the image it started from.
		StyleTransferSettings base = Benchmark.settings(o, size, OptimizerKind.LBFGS, refSteps + 1).optReportEvery(1).build();
		Outcome ref = attempt(base, content, style, weights, Double.NEGATIVE_INFINITY);
		double target = ref.lastLoss;
		out.printf(Locale.ROOT, "L* = %.6g: single-scale L-BFGS after %d steps at %d px (%s); its losses every %d steps: %s; "
			+ "reached in %.1f s%n", target, refSteps, size, weights.description(), Math.max(1, refSteps / 10), ref.trace,
			ref.lastMillis / 1000.0);
		out.println("| run | steps per scale (budget) | scales (long side px) | time to L* s | work to L* (target-step equivalents) "
			+ "| time vs single-scale |");
		out.println("|---|---|---|---:|---:|---:|");
		// The reference's own time to L*: its first loss at or below its last (L-BFGS's loss is not monotone).
		Outcome single = ref;
		single.reachedMillis = ref.firstMillisAtOrBelow(target);
		out.println(line("single-scale (the reference)", "" + (refSteps + 1), single, single));
		for (String c : candidates.split(";")) {
			StyleTransferSettings.Builder b = base.toBuilder();
			if (c.startsWith("auto:")) b.optScales(StyleTransferSettings.AUTO_SCALES).optSteps(Integer.parseInt(c.substring(5).trim()));
			else b.optScaleSteps(CliOptions.parseIntegers("--candidates", c));
			out.println(line(c.startsWith("auto") ? "default (" + c + ")" : "multi-scale", c.trim(),
				attempt(b.build(), content, style, weights, target), single));
		}
		return 0;
	}

	private static String line(String name, String spec, Outcome r, Outcome single) {
		if (r.reachedMillis < 0) {
			return String.format(Locale.ROOT, "| %s | %s | %s | not reached (last %.4g) | %.0f | — |", name, spec, r.sizes,
				r.lastLoss, r.work);
		}
		return String.format(Locale.ROOT, "| %s | %s | %s | %.1f | %.1f | %.2f× |", name, spec, r.sizes, r.reachedMillis / 1000.0,
			r.work, r.reachedMillis / (double) single.reachedMillis);
	}

	/** Runs until the loss at the target size is at most {@code target}, or to the end. */
	private static Outcome attempt(StyleTransferSettings s, RgbImage content, RgbImage style, VggWeights weights,
		double target)
	{
		Outcome o = new Outcome();
		int targetPixels = pixels(content, s.size());
		ProgressListener watch = new ProgressListener() {
			@Override
			public void step(StepReport r) {
				o.work += r.width() * r.height() / (double) targetPixels;
				if (!o.sizes.contains(r.width() + "×")) o.sizes += (o.sizes.isEmpty() ? "" : ", ") + r.width() + "×" + r.height();
				if (!r.hasLosses() || r.width() * r.height() != targetPixels) return;
				o.lastLoss = r.total();
				o.lastMillis = r.elapsedMillis();
				o.losses.add(new double[] { r.elapsedMillis(), r.total(), o.work });
				if ((r.iteration() - 1) % Math.max(1, (r.totalSteps() - 1) / 10) == 0) o.trace += String.format(Locale.ROOT, "%s%.4g",
					o.trace.isEmpty() ? "" : " ", r.total());
				if (r.total() <= target && o.reachedMillis < 0) o.reachedMillis = r.elapsedMillis();
			}
		};
		try {
			StyleTransferResult r = new DefaultStyleTransfer().run(content, style, weights, s, watch,
				() -> o.reachedMillis >= 0 || Interrupts.cancelled().getAsBoolean());
			o.lastLoss = r.last().total();
		}
		catch (CancellationException e) {
			// reached the target: the run stops at the next step (or a signal asked it to stop)
			if (Interrupts.cancelled().getAsBoolean()) throw e;
		}
		return o;
	}

	private static int pixels(RgbImage content, int size) {
		int[] wh = io.github.neuralstyle.engine.ImageResize.fitLongSide(content.width(), content.height(), size);
		return wh[0] * wh[1];
	}

	private static final class Outcome {
		long reachedMillis = -1;
		long lastMillis;
		String trace = "";
		final java.util.List<double[]> losses = new java.util.ArrayList<>();

		/** Wall time of the first target-size loss at or below {@code target}, fixing {@link #work} to that point. */
		long firstMillisAtOrBelow(double target) {
			for (double[] l : losses) {
				if (l[1] <= target) {
					work = l[2];
					return (long) l[0];
				}
			}
			return -1;
		}
		double lastLoss = Double.NaN;
		double work;
		String sizes = "";
	}
}
