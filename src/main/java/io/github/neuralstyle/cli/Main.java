package io.github.neuralstyle.cli;

import io.github.neuralstyle.benchmark.Benchmark;
import io.github.neuralstyle.engine.DefaultStyleTransfer;
import io.github.neuralstyle.engine.ProgressListener;
import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.StepReport;
import io.github.neuralstyle.engine.StyleTransferResult;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.engine.tiling.TilingOptions;
import io.github.neuralstyle.files.ImageFile;
import io.github.neuralstyle.files.ImageFileReader;
import io.github.neuralstyle.files.ImageFiles;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code neural-style --content F --style F --out F [options]}: styles one image, prints
 * progress lines and, last, one JSON line describing the run. {@code neural-style benchmark}
 * times steps instead (see {@link Benchmark}). Everything that can be checked is checked before
 * the run (options, images, the output path); Ctrl-C and SIGTERM stop it cleanly ({@link Interrupts}).
 */
public final class Main {

	/** Exit code of a bad command line or unreadable input. */
	public static final int USAGE = 2;

	/** Exit code of a run that failed after starting. */
	public static final int FAILED = 1;

	private Main() {}

	/** Runs and exits with the status of {@link #run}. */
	public static void main(String[] args) {
		quietLogging();
		Interrupts.install(System.err);
		System.exit(run(args, System.out, System.err));
	}

	/**
	 * A normal run shows library warnings only (with slf4j-simple as the provider): jhdf logs every
	 * dataset at INFO, and DJL warns on every CPU-only machine that it found no usable CUDA driver.
	 */
	static void quietLogging() {
		System.getProperties().putIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
		System.getProperties().putIfAbsent("org.slf4j.simpleLogger.log.ai.djl.util.cuda", "error");
	}

	/** Runs the command line; returns the exit status (0 on success). */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		List<String> list = Arrays.asList(args);
		AtomicInteger lastStep = new AtomicInteger();
		try {
			if (!list.isEmpty() && list.get(0).equals("benchmark")) {
				CliOptions o = new CliOptions(list.subList(1, list.size()));
				if (o.flag("help")) {
					out.print(Usage.TEXT);
					return 0;
				}
				// --fork runs no native work itself: a signal ends it at once (its children stop on theirs).
				return o.flag("fork") ? Benchmark.run(o, out) : Interrupts.during(() -> Benchmark.run(o, out));
			}
			if (!list.isEmpty() && list.get(0).equals("weights")) {
				return WeightsCommand.run(new CliOptions(list.subList(1, list.size())), out, err);
			}
			CliOptions o = new CliOptions(list);
			if (o.flag("help") || list.isEmpty()) {
				out.print(Usage.TEXT);
				return list.isEmpty() ? USAGE : 0;
			}
			if (SequenceRun.applies(o)) return SequenceRun.run(o, out, err);
			return style(o, out, err, lastStep);
		}
		catch (CancellationException e) {
			String why = Interrupts.description();
			err.println("neural-style: " + (why == null ? "cancelled" : why) + (lastStep.get() > 0 ? " after step "
				+ lastStep.get() : "") + "; no result was written");
			return Interrupts.exitStatus(FAILED);
		}
		catch (CliOptions.UsageException | IllegalArgumentException | IOException e) {
			err.println("neural-style: " + Messages.of(e));
			return USAGE;
		}
		catch (Exception e) {
			err.println("neural-style: failed: " + Messages.of(e));
			return FAILED;
		}
	}

	private static int style(CliOptions o, PrintStream out, PrintStream err, AtomicInteger lastStep) throws Exception {
		Path contentFile = Path.of(o.require("content"));
		Path styleFile = ControlOptions.styleFiles(o).get(0);
		ControlOptions.checkPairs(o);
		Path outArg = Path.of(o.require("out"));
		StyleTransferSettings.Builder builder = SettingsFromOptions.builder(o);
		TilingOptions tiling = SettingsFromOptions.tiling(o);
		// With --size full the working size is the content's, known once it is read.
		ImageFile content = ImageFileReader.read(contentFile, "content image", builder.build().size());
		StyleTransferSettings sized = SettingsFromOptions.fullSize(o)
			? builder.optSize(Math.max(content.image().width(), content.image().height())).build() : builder.build();
		ImageFile style = ImageFileReader.read(styleFile, "style image", sized.size());
		List<String> notices = new java.util.ArrayList<>();
		StyleTransferSettings settings = ControlOptions.apply(o, sized, content.image(), notices);
		Path outFile = OutputPaths.check(o, settings, outArg);
		boolean quiet = o.flag("quiet");
		for (String notice : content.notices()) err.println("neural-style: " + notice);
		for (String notice : style.notices()) err.println("neural-style: " + notice);
		for (String notice : notices) err.println("neural-style: " + notice);
		VggWeights weights = WeightsChoice.obtain(o, settings.preset(), quiet ? null : err);
		ProgressListener progress = new ProgressListener() {
			@Override
			public void step(StepReport r) {
				lastStep.set(r.iteration());
				if (!quiet && r.hasLosses()) out.println(progressLine(r));
			}

			@Override
			public void preview(int iteration, RgbImage image) {
				try {
					ImageFiles.write(image, intermediate(outFile, iteration));
				}
				catch (IOException e) {
					err.println("neural-style: could not save step " + iteration + ": " + e.getMessage());
				}
			}

			@Override
			public void status(String message) {
				if (!quiet) err.println(message);
			}
		};
		StyleTransferResult r = Interrupts.during(() -> new DefaultStyleTransfer(tiling).run(content.image(), style.image(),
			weights, settings, progress, Interrupts.cancelled()));
		// Java only, so a signal now exits at once; the temporary file is removed on exit.
		ImageFiles.write(r.image(), outFile);
		out.println(RunSummary.json(settings, weights, r, outArg));
		return 0;
	}

	/** "step 10/500  total 1.234e+04  content … style … tv …  3.2 s". */
	static String progressLine(StepReport r) {
		return String.format(Locale.ROOT, "step %d/%d  %dx%d  total %.4g  content %.4g  style %.4g  tv %.4g  %.1f s",
			r.iteration(), r.totalSteps(), r.width(), r.height(), r.total(), r.content(), r.style(), r.tv(),
			r.elapsedMillis() / 1000.0);
	}

	/** out.png → out-step0100.png. */
	static Path intermediate(Path out, int iteration) {
		String name = out.getFileName().toString();
		int dot = name.lastIndexOf('.');
		String stem = dot < 0 ? name : name.substring(0, dot);
		String ext = dot < 0 ? ".png" : name.substring(dot);
		return out.resolveSibling(String.format(Locale.ROOT, "%s-step%04d%s", stem, iteration, ext));
	}
}
