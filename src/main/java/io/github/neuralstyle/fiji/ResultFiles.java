package io.github.neuralstyle.fiji;

import ij.ImagePlus;
import ij.io.FileInfo;
import ij.io.FileSaver;

import io.github.neuralstyle.engine.ScaleLosses;
import io.github.neuralstyle.engine.StyleTransferResult;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.files.OutputFile;
import io.github.neuralstyle.image.ConvertedImage;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Naming, describing and saving results. */
final class ResultFiles {

	private ResultFiles() {}

	/** A title without a trailing image file extension, e.g. "wave.png" → "wave". */
	static String baseTitle(String title) {
		return title.replaceFirst("(?i)\\.(ome\\.tiff?|tiff?|png|jpe?g|gif|bmp|zip|czi|nd2|lif|lsm|ims)$", "");
	}

	/** Extensions {@link #save} writes. */
	static final List<String> EXTENSIONS = List.of("tif", "tiff", "png");

	/** As {@link #checkOutput(File, Map)} with no input files known. */
	static File checkOutput(File output) {
		return checkOutput(output, Map.of());
	}

	/**
	 * Checks the output path before the (long) run, by the rules the command line uses too
	 * ({@link OutputFile}): a .tif/.tiff/.png name in an existing writable folder, not one of the
	 * {@code inputs}, not a link, folder or device. Null when none was given.
	 */
	static File checkOutput(File output, Map<String, Path> inputs) {
		if (output == null || output.getPath().isBlank()) return null;
		return OutputFile.check("output=", output.toPath(), EXTENSIONS, inputs, false).toFile();
	}

	/** The files a run reads, by role, for {@link #checkOutput(File, Map)}: where the images were opened from, the weights file. */
	static Map<String, Path> inputs(ImagePlus content, ImagePlus style, File weights) {
		Map<String, Path> in = new LinkedHashMap<>();
		in.put("content image's file", fileOf(content));
		in.put("style image's file", fileOf(style));
		if (weights != null && !weights.getPath().isBlank()) in.put("weights file", weights.toPath());
		in.values().removeIf(Objects::isNull);
		return in;
	}

	/** Saves as TIFF or PNG by the file's extension, via a temporary file renamed over the target. */
	static void save(ImagePlus imp, File file) throws IOException {
		FileSaver saver = new FileSaver(imp);
		boolean png = OutputFile.extension(file.getName()).equals("png");
		// FileSaver reports some failures only in a dialog and returns true: OutputFile checks the file it wrote.
		OutputFile.replace("output=", file.toPath(), tmp -> png ? saver.saveAsPng(tmp.toString()) : saver.saveAsTiff(tmp.toString()));
	}

	private static Path fileOf(ImagePlus imp) {
		FileInfo fi = imp == null ? null : imp.getOriginalFileInfo();
		if (fi == null || fi.fileName == null || fi.directory == null || fi.directory.isEmpty()) return null;
		return Path.of(fi.directory, fi.fileName);
	}

	/** Appends what was done to the result's Info, after the content's own. */
	static void describe(ImagePlus out, ImagePlus content, ConvertedImage c, ImagePlus style, ConvertedImage s,
		StyleTransferSettings settings, VggWeights weights, StyleTransferResult r)
	{
		StringBuilder sb = new StringBuilder();
		String info = out.getInfoProperty();
		if (info != null && !info.isEmpty()) sb.append(info).append(info.endsWith("\n") ? "" : "\n");
		sb.append("Neural Style: content=").append(content.getTitle()).append(where(c)).append(" style=")
			.append(style.getTitle()).append(where(s)).append('\n');
		sb.append("Neural Style settings: ").append(settings).append('\n');
		sb.append("Neural Style weights: ").append(weights.description()).append('\n');
		sb.append("Neural Style run: ").append(r.steps()).append(" iterations on ").append(r.device()).append(", ")
			.append(r.elapsedMillis()).append(" ms\n");
		out.setProperty("Info", sb.toString());
	}

	/** The final log line: time, device, losses. */
	static String summary(ImagePlus out, StyleTransferResult r) {
		String losses = scaleLosses(r);
		return String.format(Locale.ROOT, "Neural Style: '%s' (%d×%d) in %.1f s on %s, %d iterations, %.0f ms/iteration; %s",
			out.getTitle(), out.getWidth(), out.getHeight(), r.elapsedMillis() / 1000.0, r.device(), r.steps(),
			r.medianStepMillis(), losses);
	}

	/**
	 * "loss a → b (content …)" of the finest scale, first against last, the last being the
	 * result's; with several scales, labelled as such and followed by the coarser scales'.
	 * (First of the coarsest against last of the finest compares losses at different sizes.)
	 */
	static String scaleLosses(StyleTransferResult r) {
		ScaleLosses end = r.result();
		if (end == null) return "no losses recorded";
		String finest = String.format(Locale.ROOT, "loss %s → %s (content %s, style %s, tv %s)",
			Progress.shortNumber(end.first()), Progress.shortNumber(end.total()), Progress.shortNumber(end.content()),
			Progress.shortNumber(end.style()), Progress.shortNumber(end.tv()));
		if (r.scales().size() == 1) return finest;
		StringBuilder sb = new StringBuilder("finest scale " + end.width() + "×" + end.height() + " " + finest
			+ "; coarser scales");
		for (ScaleLosses l : r.scales().subList(0, r.scales().size() - 1)) {
			sb.append(' ').append(l.width()).append('×').append(l.height()).append(' ').append(Progress.shortNumber(l.first()))
				.append(" → ").append(Progress.shortNumber(l.total()));
			sb.append(',');
		}
		sb.setLength(sb.length() - 1);
		return sb.toString();
	}

	private static String where(ConvertedImage c) {
		return c.fromStack() ? " (" + c.position() + ")" : "";
	}
}
