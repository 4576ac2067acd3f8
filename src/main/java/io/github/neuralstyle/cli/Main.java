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

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;

/**
 * {@code neural-style --content F --style F --out F [options]}: styles one image, prints
 * progress lines and, last, one JSON line describing the run. {@code neural-style benchmark}
 * times steps instead (see {@link Benchmark}).
 */
public final class Main {

	/** Exit code of a bad command line or unreadable input. */
	public static final int USAGE = 2;

	/** Exit code of a run that failed after starting. */
	public static final int FAILED = 1;

	private Main() {}

	/** Runs and exits with the status of {@link #run}. */
	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	/** Runs the command line; returns the exit status (0 on success). */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		List<String> list = Arrays.asList(args);
		try {
			if (!list.isEmpty() && list.get(0).equals("benchmark")) {
				return Benchmark.run(new CliOptions(list.subList(1, list.size())), out);
			}
			CliOptions o = new CliOptions(list);
			if (o.flag("help") || list.isEmpty()) {
				out.print(Usage.TEXT);
				return list.isEmpty() ? USAGE : 0;
			}
			return style(o, out, err);
		}
		catch (CliOptions.UsageException | IllegalArgumentException e) {
			err.println("neural-style: " + e.getMessage());
			return USAGE;
		}
		catch (IOException e) {
			err.println("neural-style: " + e.getMessage());
			return USAGE;
		}
		catch (CancellationException e) {
			err.println("neural-style: cancelled");
			return FAILED;
		}
		catch (RuntimeException e) {
			err.println("neural-style: failed: " + e);
			return FAILED;
		}
	}

	private static int style(CliOptions o, PrintStream out, PrintStream err) throws IOException {
		Path contentFile = Path.of(o.require("content"));
		Path styleFile = Path.of(o.require("style"));
		Path outFile = Path.of(o.require("out"));
		StyleTransferSettings.Builder builder = SettingsFromOptions.builder(o);
		TilingOptions tiling = SettingsFromOptions.tiling(o);
		RgbImage content = ImageFiles.read(contentFile);
		if (SettingsFromOptions.fullSize(o)) builder.optSize(Math.max(content.width(), content.height()));
		StyleTransferSettings settings = builder.build();
		RgbImage style = ImageFiles.read(styleFile);
		boolean quiet = o.flag("quiet");
		VggWeights weights = WeightsChoice.obtain(o, settings.preset(), quiet ? null : err);
		ProgressListener progress = new ProgressListener() {
			@Override
			public void step(StepReport r) {
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
		StyleTransferResult r = new DefaultStyleTransfer(tiling).run(content, style, weights, settings, progress, () -> false);
		ImageFiles.write(r.image(), outFile);
		out.println(RunSummary.json(settings, weights, r, outFile));
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
