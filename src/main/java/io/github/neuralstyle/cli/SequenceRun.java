package io.github.neuralstyle.cli;

import com.google.gson.JsonObject;

import ij.io.FileInfo;
import ij.io.Opener;

import io.github.neuralstyle.engine.DefaultStyleTransfer;
import io.github.neuralstyle.engine.ResultSize;
import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.StepReport;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.engine.video.DefaultSequenceTransfer;
import io.github.neuralstyle.engine.video.FrameResult;
import io.github.neuralstyle.engine.video.FrameSink;
import io.github.neuralstyle.engine.video.SequenceListener;
import io.github.neuralstyle.engine.video.SequenceResult;
import io.github.neuralstyle.engine.video.SequenceSettings;
import io.github.neuralstyle.engine.video.TvL1Flow;
import io.github.neuralstyle.files.FolderOutput;
import io.github.neuralstyle.files.ImageFile;
import io.github.neuralstyle.files.ImageFileReader;
import io.github.neuralstyle.files.OutputFile;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * The command line for sequences: {@code --content} a folder of images or a multi-page TIFF,
 * {@code --out} a folder (resumable, see {@link FolderOutput}) or a multi-page TIFF, styled frame
 * by frame with temporal consistency ({@link DefaultSequenceTransfer}). Ends with one JSON line
 * ({@link SequenceSummary}).
 */
final class SequenceRun {

	private SequenceRun() {}

	/** Whether the command line asks for a sequence: content a folder or a multi-page TIFF, or a sequence option given. */
	static boolean applies(CliOptions o) {
		if (o.has("temporal-weight") || o.has("planes") || o.has("later-steps") || o.has("early-stop")) return true;
		if (o.has("shard") || o.flag("missing")) return true;
		if (!o.has("content")) return false;
		Path content = Path.of(o.get("content"));
		return Files.isDirectory(content) || multiPageTiff(content) || ListFile.is(content);
	}

	/** Runs the sequence; returns the exit status. */
	static int run(CliOptions o, PrintStream out, PrintStream err) throws Exception {
		Path contentArg = Path.of(o.require("content"));
		Path styleArg = Path.of(o.require("style"));
		Path outArg = Path.of(o.require("out"));
		StyleTransferSettings.Builder builder = SettingsFromOptions.builder(o);
		boolean full = SettingsFromOptions.fullSize(o);
		PlaneSelection planes = o.has("planes") ? PlaneSelection.parse(o.get("planes")) : PlaneSelection.ALL;
		SequenceInput input = SequenceInput.open(contentArg, planes, full ? StyleTransferSettings.MAX_SIZE : builder.build().size());
		RgbImage first = input.frame(0);
		StyleTransferSettings settings = full ? builder.optSize(Math.max(first.width(), first.height())).build() : builder.build();
		SequenceSettings sequence = sequenceSettings(o);
		ImageFile style = ImageFileReader.read(styleArg, "style image", settings.size());
		boolean quiet = o.flag("quiet");
		for (String notice : style.notices()) err.println("neural-style: " + notice);
		Map<String, Path> inputs = new LinkedHashMap<>();
		inputs.put("content (--content)", contentArg);
		inputs.put("style image (--style)", styleArg);
		if (o.has("init-image")) inputs.put("start image (--init-image)", Path.of(o.get("init-image")));
		if (o.has("weights")) inputs.put("weights file (--weights)", Path.of(o.get("weights")));
		boolean toFolder = FolderOutput.isFolder(outArg);
		ShardRun shard = ShardRun.choose(o, toFolder, System::getenv, err);
		if (o.flag("missing")) return MissingFrames.check(input, outArg, shard.shard(), out);
		Path stackFile = toFolder ? null : checkStack(outArg, inputs, input.size());
		VggWeights weights = WeightsChoice.obtain(o, settings.preset(), quiet ? null : err);
		FrameSink sink;
		if (toFolder) {
			String content = contentArg.toAbsolutePath().normalize().toString();
			sink = FolderOutput.prepare("--out", outArg, input.outputNames(), FolderOutput.record(content, style.image(), settings,
				sequence, weights), inputs);
		}
		else {
			StackOutput stack = new StackOutput(stackFile, input);
			if (settings.resultSize() == ResultSize.WORKING) stack.contentWidth(first.width());
			sink = stack;
		}
		first = null;
		if (shard.chunk(input, sink, sequence, o, err).owned() == 0) return 0;
		SequenceListener listener = listener(out, err, quiet);
		DefaultSequenceTransfer runner = new DefaultSequenceTransfer(new DefaultStyleTransfer(SettingsFromOptions.tiling(o)),
			TvL1Flow.defaults());
		SequenceResult r;
		try {
			r = shard.owned(Interrupts.during(() -> runner.run(shard.source(input), style.image(), weights, settings, sequence,
				shard.sink(sink), shard.listener(listener, input.size()), Interrupts.cancelled())));
		}
		catch (CancellationException e) {
			String why = Interrupts.description();
			err.println("neural-style: " + (why == null ? "cancelled" : why) + "; " + (sink instanceof FolderOutput f
				? f.written() + " more frame(s) are in " + f.folder() + ": run the same command again to resume"
				: "no result was written (a TIFF is written at the end; give a folder as --out to keep finished frames)"));
			return Interrupts.exitStatus(Main.FAILED);
		}
		if (sink instanceof StackOutput s) s.write();
		out.println(SequenceSummary.json(settings, sequence, weights, r, input, outArg));
		return 0;
	}

	/** {@code --temporal-weight}, {@code --later-steps}, {@code --early-stop}, {@code --early-stop-window}; first frame: {@code --steps}. */
	static SequenceSettings sequenceSettings(CliOptions o) {
		SequenceSettings.Builder b = SequenceSettings.builder();
		if (o.has("temporal-weight")) b.optTemporalWeight(o.number("temporal-weight"));
		if (o.has("later-steps")) b.optLaterSteps(o.integer("later-steps"));
		SequenceSettings defaults = SequenceSettings.builder().build();
		double tolerance = o.has("early-stop") ? o.number("early-stop") : defaults.stopTolerance();
		int window = o.has("early-stop-window") ? o.integer("early-stop-window") : defaults.stopWindow();
		b.optEarlyStop(tolerance, window);
		try {
			return b.build();
		}
		catch (IllegalArgumentException e) {
			throw new CliOptions.UsageException(e.getMessage());
		}
	}

	private static Path checkStack(Path out, Map<String, Path> inputs, int frames) {
		String ext = OutputFile.extension(out.getFileName().toString());
		if (!ext.equals("tif") && !ext.equals("tiff")) {
			throw new CliOptions.UsageException("--out " + out + ": a sequence of " + frames + " frame(s) is written as one "
				+ "multi-page TIFF (name ending in .tif or .tiff) or into a folder (a name without extension); '." + ext
				+ "' holds one image");
		}
		return OutputFile.check("--out", out, List.of("tif", "tiff"), inputs, true);
	}

	private static SequenceListener listener(PrintStream out, PrintStream err, boolean quiet) {
		return new SequenceListener() {
			@Override
			public void step(int index, int frames, StepReport r) {
				if (!quiet && r.hasLosses()) {
					out.println(String.format(Locale.ROOT, "%s  %dx%d  total %.4g  content %.4g  style %.4g  %.1f s",
						SequenceListener.progress(index, frames, r), r.width(), r.height(), r.total(), r.content(), r.style(),
						r.elapsedMillis() / 1000.0));
				}
			}

			@Override
			public void frameDone(FrameResult f, int frames) {
				if (quiet) return;
				if (f.resumed()) out.println(String.format(Locale.ROOT, "frame %d/%d: kept from an earlier run", f.index() + 1, frames));
				else out.println(String.format(Locale.ROOT, "frame %d/%d done: %d/%d steps, loss %.4g -> %.4g, temporal error %.3g, %.1f s",
					f.index() + 1, frames, f.steps(), f.plannedSteps(), f.firstLoss(), f.finalLoss(), f.temporalError(),
					f.millis() / 1000.0));
			}

			@Override
			public void status(String message) {
				if (!quiet) err.println(message);
			}
		};
	}

	private static boolean multiPageTiff(Path file) {
		String ext = OutputFile.extension(file.getFileName().toString());
		if (!Files.isRegularFile(file) || (!ext.equals("tif") && !ext.equals("tiff"))) return false;
		try {
			FileInfo[] info = Opener.getTiffFileInfo(file.toAbsolutePath().toString());
			return info != null && (info.length > 1 || info[0].nImages > 1);
		}
		catch (RuntimeException e) {
			return false;
		}
	}
}
