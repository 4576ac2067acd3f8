package io.github.neuralstyle.benchmark;

import io.github.neuralstyle.cli.CliOptions;
import io.github.neuralstyle.files.ImageFiles;
import io.github.neuralstyle.cli.PlaneSelection;
import io.github.neuralstyle.cli.SequenceInput;
import io.github.neuralstyle.engine.InitMode;
import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.StepReport;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.engine.optimizers.OptimizerKind;
import io.github.neuralstyle.engine.platform.DeviceChoice;
import io.github.neuralstyle.engine.video.DefaultSequenceTransfer;
import io.github.neuralstyle.engine.video.FrameResult;
import io.github.neuralstyle.engine.video.FrameSink;
import io.github.neuralstyle.engine.video.SequenceListener;
import io.github.neuralstyle.engine.video.SequenceResult;
import io.github.neuralstyle.engine.video.SequenceSettings;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code benchmark --sequence}: the same frames styled independently (temporal weight 0) and
 * consistently, compared by temporal error, per-frame style loss, time per frame and steps per
 * frame after the first, against issue 14's targets. Defaults: sample-data/timelapse-cells.tif,
 * style-waves.png, 256 px, 100 first-frame steps, the gatys preset, seeded random VGG19.
 * {@code --out DIR} also writes both runs' frames (DIR/independent, DIR/consistent) for pictures.
 */
final class SequenceBenchmark {

	private SequenceBenchmark() {}

	static int run(CliOptions o, PrintStream out) throws IOException {
		Path content = Path.of(o.has("content") ? o.get("content") : "sample-data/timelapse-cells.tif");
		Path stylePath = Path.of(o.has("style") ? o.get("style") : "sample-data/style-waves.png");
		int size = o.has("size") ? o.integer("size") : 256;
		StyleTransferSettings.Builder b = StyleTransferSettings.builder().optSize(size)
			.optSteps(o.has("steps") ? o.integer("steps") : 100)
			.optDevice(o.has("device") ? o.choice("device", DeviceChoice.class) : DeviceChoice.AUTO);
		if (o.has("optimizer")) b.optOptimizer(o.choice("optimizer", OptimizerKind.class));
		if (o.has("init")) b.optInit(o.choice("init", InitMode.class));
		StyleTransferSettings s = b.build();
		SequenceInput input = SequenceInput.open(content, o.has("planes") ? PlaneSelection.parse(o.get("planes")) : PlaneSelection.ALL,
			size);
		RgbImage style = ImageFiles.read(stylePath);
		VggWeights weights = Benchmark.weights(o);
		SequenceSettings consistent = SequenceSettings.builder()
			.optTemporalWeight(o.has("temporal-weight") ? Double.parseDouble(o.get("temporal-weight")) : SequenceSettings.DEFAULT_TEMPORAL_WEIGHT)
			.optLaterSteps(o.has("later-steps") ? o.integer("later-steps") : SequenceSettings.HALF_OF_FIRST).build();
		SequenceSettings independent = consistent.toBuilder().optTemporalWeight(0).build();
		Path dir = o.has("out") ? Path.of(o.get("out")) : null;
		out.printf(Locale.ROOT, "%s, %d frames at %d px, %s, style %s; %s; %s%n", content, input.size(), size, weights.description(),
			stylePath.getFileName(), s, consistent);
		Run a = run(input, style, weights, s, independent, dir == null ? null : dir.resolve("independent"));
		Run c = run(input, style, weights, s, consistent, dir == null ? null : dir.resolve("consistent"));
		out.println(table(s, a, c));
		out.println(summary(s, a, c));
		return 0;
	}

	/** One mode's frames and, per frame, the base loss (α·content + β·style + γ·TV, no temporal term) of each step. */
	private record Run(SequenceResult result, List<List<double[]>> traces) {}

	private static Run run(SequenceInput input, RgbImage style, VggWeights weights, StyleTransferSettings s, SequenceSettings q,
		Path dir) throws IOException
	{
		List<List<double[]>> traces = new ArrayList<>();
		for (int i = 0; i < input.size(); i++) traces.add(new ArrayList<>());
		SequenceListener l = new SequenceListener() {
			@Override
			public void step(int index, int frames, StepReport r) {
				if (r.hasLosses()) traces.get(index).add(new double[] { r.iteration(), base(s, r) });
			}

			@Override
			public void frameDone(FrameResult f, int frames) {
				System.err.printf(Locale.ROOT, "%s: frame %d/%d, %d steps, %.1f s%n", q.consistent() ? "consistent" : "independent",
					f.index() + 1, frames, f.steps(), f.millis() / 1000.0);
			}
		};
		if (dir != null) Files.createDirectories(dir);
		FrameSink sink = (index, result, stats) -> {
			if (dir != null) ImageFiles.write(result, dir.resolve(String.format(Locale.ROOT, "%04d.png", index + 1)));
		};
		SequenceResult r = new DefaultSequenceTransfer().run(input, style, weights, s, q, sink, l, () -> false);
		return new Run(r, traces);
	}

	private static double base(StyleTransferSettings s, StepReport r) {
		return s.contentWeight() * r.content() + s.styleWeight() * r.style() + s.tvWeight() * r.tv();
	}

	/**
	 * Steps the consistent frame needed before its base loss was at or below the independent
	 * frame's final loss (a report's loss is of the image the step started from, so iteration k
	 * means k − 1 steps); -1 if it never got there.
	 */
	private static int stepsToReach(List<double[]> trace, double target) {
		for (double[] p : trace) if (p[1] <= target) return (int) p[0] - 1;
		return -1;
	}

	private static String table(StyleTransferSettings s, Run a, Run c) {
		StringBuilder sb = new StringBuilder("| frame | independent steps | independent final loss | independent style | consistent steps "
			+ "| consistent style | style ratio | steps to independent's loss | temporal error independent | temporal error consistent "
			+ "| s independent | s consistent |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (int i = 0; i < a.result.frames().size(); i++) {
			FrameResult x = a.result.frames().get(i), y = c.result.frames().get(i);
			int reach = stepsToReach(c.traces.get(i), x.finalLoss());
			sb.append(String.format(Locale.ROOT, "| %d | %d | %.4g | %.4g | %d | %.4g | %.3f | %s | %.3g | %.3g | %.1f | %.1f |%n", i + 1,
				x.steps(), x.finalLoss(), x.styleLoss(), y.steps(), y.styleLoss(), y.styleLoss() / x.styleLoss(),
				reach < 0 ? "not within " + y.steps() : Integer.toString(reach), x.temporalError(), y.temporalError(),
				x.millis() / 1000.0, y.millis() / 1000.0));
		}
		return sb.toString();
	}

	private static String summary(StyleTransferSettings s, Run a, Run c) {
		List<FrameResult> fa = a.result.frames(), fc = c.result.frames();
		int later = fa.size() - 1;
		double styleRatio = 0, secA = 0, secC = 0, stepsA = 0, stepsC = 0;
		List<Integer> reach = new ArrayList<>();
		int notReached = 0;
		for (int i = 1; i < fa.size(); i++) {
			styleRatio += fc.get(i).styleLoss() / fa.get(i).styleLoss() / later;
			secA += fa.get(i).millis() / 1000.0 / later;
			secC += fc.get(i).millis() / 1000.0 / later;
			stepsA += fa.get(i).steps() / (double) later;
			stepsC += fc.get(i).steps() / (double) later;
			int r = stepsToReach(c.traces.get(i), fa.get(i).finalLoss());
			if (r < 0) notReached++;
			else reach.add(r);
		}
		reach.sort(null);
		double ratio = c.result.temporalError() / a.result.temporalError();
		return String.format(Locale.ROOT, "temporal error: independent %.4g, consistent %.4g, ratio %.3f (target ≤ 0.40: %s)%n"
			+ "style loss of frames 2–%d, consistent / independent: mean %.3f (target within 10%%: %s)%n"
			+ "seconds per frame after the first: independent %.1f, consistent %.1f%n"
			+ "steps per frame after the first: independent %.1f, consistent %.1f made; steps the consistent frames needed to reach "
			+ "the independent frames' final loss: median %s of %d reached (%d not within their steps) (target ≤ half of %.0f: %s)%n"
			+ "first frame: %d steps, %.1f s",
			a.result.temporalError(), c.result.temporalError(), ratio, ratio <= 0.4 ? "met" : "missed", fa.size(), styleRatio,
			Math.abs(styleRatio - 1) <= 0.1 ? "met" : "missed", secA, secC, stepsA, stepsC,
			reach.isEmpty() ? "-" : Integer.toString(reach.get(reach.size() / 2)), reach.size(), notReached, stepsA,
			notReached == 0 && !reach.isEmpty() && reach.get(reach.size() / 2) <= stepsA / 2 ? "met" : "missed",
			fc.get(0).steps(), fc.get(0).millis() / 1000.0);
	}
}
