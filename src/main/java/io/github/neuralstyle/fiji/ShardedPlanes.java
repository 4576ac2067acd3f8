package io.github.neuralstyle.fiji;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileInfo;
import ij.measure.Calibration;
import ij.process.ImageProcessor;

import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.StepReport;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.engine.video.DefaultSequenceTransfer;
import io.github.neuralstyle.engine.video.FrameResult;
import io.github.neuralstyle.engine.video.FrameSink;
import io.github.neuralstyle.engine.video.FrameSource;
import io.github.neuralstyle.engine.video.SequenceListener;
import io.github.neuralstyle.engine.video.SequenceSettings;
import io.github.neuralstyle.engine.video.TvL1Flow;
import io.github.neuralstyle.files.FolderOutput;
import io.github.neuralstyle.image.ConvertedImage;
import io.github.neuralstyle.image.ImageToRgb;
import io.github.neuralstyle.image.PlaneSelection;
import io.github.neuralstyle.image.ResultType;
import io.github.neuralstyle.image.RgbToImage;
import io.github.neuralstyle.shard.Chunk;
import io.github.neuralstyle.shard.Shard;
import io.github.neuralstyle.shard.ShardFrames;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.scijava.thread.ThreadService;

/**
 * Styles the selected planes of a stack into a folder, one PNG per plane, as the command line's
 * folder output ({@link FolderOutput}: written atomically, the settings recorded beside them, a
 * rerun keeps the planes already there), either all of them ({@code shard=none} with
 * {@code output=} a folder) or one shard's ({@code shard=i/n} or {@code auto} in a SLURM array
 * task, see {@link ShardPlan}). The folder is the deliverable; the command's result is a stack of
 * this shard's planes, in order.
 */
final class ShardedPlanes {

	private final StyleTransferCommand p;
	private final NeuralStyleService service;
	private final Map<Integer, ImageProcessor> kept = new TreeMap<>();
	private int styled;
	private ResultType type;
	private Calibration calibration;

	private ShardedPlanes(StyleTransferCommand p, NeuralStyleService service) {
		this.p = p;
		this.service = service;
	}

	/**
	 * Styles into a folder when the command asks for it (a shard, or {@code output=} a folder with
	 * planes other than the current one) and sets the command's result; false otherwise.
	 */
	static boolean styled(StyleTransferCommand p, StyleTransferSettings settings, String spec, Progress progress,
		NeuralStyleService service, ThreadService threads, BooleanSupplier stopped) throws IOException
	{
		Shard shard = ShardPlan.parse(p.shard, System::getenv, service::message);
		boolean folder = p.output != null && !p.output.getPath().isBlank() && FolderOutput.isFolder(p.output.toPath());
		if (shard == null && !folder) return false;
		if (p.content == null || p.unparsed.containsKey("content")) p.convert("content", p.content, settings.size()); // says why
		PlaneSelection planes = PlaneChoice.selection(p);
		if (shard == null && planes.currentOnly()) return false; // one plane: output= names a file (ResultFiles says so)
		check(shard, planes, folder, p);
		ImageToRgb.requireUsableShape("content", p.content, settings.size());
		ConvertedImage style = p.convert("style", p.style, settings.size());
		VggWeights weights = service.weights(spec, progress.weights());
		SequenceSettings sequence = PlaneChoice.sequence(p);
		ShardPlan plan = ShardPlan.of(planes, shard == null ? Shard.ALL : shard, sequence.consistent()
			? ShardFrames.DEFAULT_OVERLAP : 0);
		List<Integer> order = plan.order();
		String content = source(p.content);
		List<String> names = new ArrayList<>(order.size());
		for (int k : order) names.add(FolderOutput.planeName(content, p.content.getStackIndex(1, planes.slice(k), planes.frame(k))));
		FolderOutput out = FolderOutput.prepare("output=", p.output.toPath(), names,
			FolderOutput.record(contentId(p.content), style.image(), settings, sequence, weights),
			ResultFiles.inputs(p.content, p.style, p.weights));
		service.message("Neural Style: " + plan.describe() + ", into " + out.folder());
		ShardedPlanes run = new ShardedPlanes(p, service);
		try {
			run.style(plan, out, style, weights, settings, sequence, progress, stopped);
		}
		catch (CancellationException e) {
			service.message("Neural Style: cancelled; " + out.written() + " more plane(s) are in " + out.folder()
				+ ": run the same macro again to resume");
			throw e;
		}
		service.message("Neural Style: " + (shard == null ? "" : "shard " + shard + ": ") + run.styled + " plane(s) styled, "
			+ (run.kept.size() - run.styled) + " kept from an earlier run, in " + out.folder());
		p.result = run.result(plan);
		if (p.result != null) MacroBridge.publish(p.result, threads);
		return true;
	}

	/** Refuses a shard of a single plane and a shard without a folder to write into. */
	private static void check(Shard shard, PlaneSelection planes, boolean folder, StyleTransferCommand p) {
		if (shard == null) return;
		String given = ShardPlan.KEY + p.shard.trim();
		if (planes.currentOnly()) {
			throw new IllegalArgumentException(given + ": " + (planes.mode() == PlaneSelection.Mode.CURRENT
				? "planes=current styles one plane, nothing to split among shards: give planes=frames, slices or all"
				: "'" + p.content.getTitle() + "' has a single plane, nothing to split among shards: give a stack")
				+ ", or " + ShardPlan.KEY + ShardPlan.NONE);
		}
		if (folder) return;
		if (p.output == null || p.output.getPath().isBlank()) {
			throw new IllegalArgumentException(given + " writes only its own planes, one PNG each, into a folder all shards"
				+ " share: give output=[/path/to/folder] (a name without extension)");
		}
		throw new IllegalArgumentException(given + ": output=" + p.output + " is one file, but a shard writes only its own"
			+ " planes: give a folder all shards share (a name without extension), e.g. output=[" + folderFor(p.output) + "]");
	}

	/** Runs the sequences' parts of the chunk, keeping each owned plane for the result. */
	private void style(ShardPlan plan, FolderOutput out, ConvertedImage style, VggWeights weights,
		StyleTransferSettings settings, SequenceSettings sequence, Progress progress, BooleanSupplier stopped)
		throws IOException
	{
		PlaneSelection planes = plan.planes();
		DefaultSequenceTransfer runner = new DefaultSequenceTransfer(service.engine(FullResolution.tiling(p.memorybudget)),
			TvL1Flow.defaults());
		List<Chunk> parts = plan.perSequence();
		int from = 0;
		for (int s = 0; s < parts.size(); s++) {
			int[] seq = planes.sequences().get(s);
			FrameSink sink = sink(out, seq, from, planes, style);
			Chunk part = ShardFrames.resumed(parts.get(s), sink);
			from += seq.length;
			if (part.owned() == 0) continue;
			runner.run(ShardFrames.source(source(planes, seq), part), style.image(), weights, settings, sequence,
				ShardFrames.sink(sink, part), ShardFrames.listener(listener(planes, seq, plan.chunk().owned(), progress), part,
					seq.length), stopped);
		}
	}

	/** Plane {@code seq[i]} of one sequence, read as displayed. */
	private static FrameSource source(PlaneSelection planes, int[] seq) {
		return new FrameSource() {
			@Override
			public int size() {
				return seq.length;
			}

			@Override
			public RgbImage frame(int index) {
				return planes.convert(seq[index], "content").image();
			}

			@Override
			public String name(int index) {
				return planes.where(seq[index]);
			}
		};
	}

	/** The folder's files of one sequence (list positions {@code from…}); each owned plane, new or kept, joins the result. */
	private FrameSink sink(FolderOutput out, int[] seq, int from, PlaneSelection planes, ConvertedImage style) {
		return new FrameSink() {
			@Override
			public RgbImage existing(int index) throws IOException {
				RgbImage r = out.existing(from + index);
				if (r != null) keep(seq[index], r, planes, style);
				return r;
			}

			@Override
			public void accept(int index, RgbImage result, FrameResult stats) throws IOException {
				out.accept(from + index, result, stats);
				keep(seq[index], result, planes, style);
				styled++;
			}
		};
	}

	/** Converts plane {@code k}'s result as the stack run does (the type of the first plane) and keeps it. */
	private void keep(int k, RgbImage rgb, PlaneSelection planes, ConvertedImage style) {
		if (type == null) type = ResultType.of(planes.image(), planes.convert(k, "content"), style);
		ImagePlus imp = RgbToImage.toImagePlus(rgb, type, planes.image(), p.title());
		if (calibration == null) calibration = imp.getCalibration();
		kept.put(k, imp.getProcessor());
	}

	/** Progress of one sequence → the status bar, counted over this shard's planes. */
	private SequenceListener listener(PlaneSelection planes, int[] seq, int owned, Progress progress) {
		return new SequenceListener() {
			@Override
			public void frameStarted(int index, int frames) {
				progress.plane(planes.where(seq[index]), kept.size(), owned);
			}

			@Override
			public void step(int index, int frames, StepReport report) {
				progress.step(report);
			}

			@Override
			public void status(String message) {
				progress.status(message);
			}
		};
	}

	/** This shard's planes as one stack, with the content's calibration; null when it has none. */
	private ImagePlus result(ShardPlan plan) {
		if (kept.isEmpty()) return null;
		ImageProcessor first = kept.values().iterator().next();
		ImageStack stack = new ImageStack(first.getWidth(), first.getHeight());
		for (Map.Entry<Integer, ImageProcessor> e : kept.entrySet()) stack.addSlice(plan.planes().where(e.getKey()), e.getValue());
		ImagePlus out = new ImagePlus(p.title(), stack);
		// a time-lapse's frames stay frames; planes of several slices and frames become a plain stack, labelled
		boolean alongFrames = plan.planes().nFrames() > 1 && plan.planes().nSlices() == 1;
		out.setDimensions(1, alongFrames ? 1 : stack.getSize(), alongFrames ? stack.getSize() : 1);
		out.setCalibration(calibration);
		out.setProperty("Info", "Neural Style: content=" + p.content.getTitle() + " (" + plan.planes().describe() + ") style="
			+ p.style.getTitle() + "\nNeural Style " + plan.describe() + "; every plane of the run is a PNG in the output folder\n");
		return out;
	}

	/** The content's file name if it was opened from one, else its title: what the plane files are named after. */
	private static String source(ImagePlus content) {
		FileInfo fi = content.getOriginalFileInfo();
		return fi == null || fi.fileName == null || fi.fileName.isBlank() ? content.getTitle() : fi.fileName;
	}

	/** The content's file as the command line records it (absolute path), else its title. */
	private static String contentId(ImagePlus content) {
		FileInfo fi = content.getOriginalFileInfo();
		if (fi == null || fi.fileName == null || fi.directory == null || fi.directory.isEmpty()) return "image " + content.getTitle();
		return Path.of(fi.directory, fi.fileName).toAbsolutePath().normalize().toString();
	}

	/** {@code out} without its extension: the folder a user probably meant. */
	private static String folderFor(File out) {
		String n = out.getPath();
		int dot = n.lastIndexOf('.');
		return dot > n.lastIndexOf(File.separatorChar) ? n.substring(0, dot) : n;
	}
}
