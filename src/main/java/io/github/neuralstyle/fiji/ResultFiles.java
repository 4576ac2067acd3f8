package io.github.neuralstyle.fiji;

import ij.ImagePlus;
import ij.io.FileSaver;

import io.github.neuralstyle.engine.ScaleLosses;
import io.github.neuralstyle.engine.StyleTransferResult;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.image.ConvertedImage;

import java.io.File;
import java.io.IOException;
import java.util.Locale;

/** Naming, describing and saving results. */
final class ResultFiles {

	private ResultFiles() {}

	/** A title without a trailing image file extension, e.g. "wave.png" → "wave". */
	static String baseTitle(String title) {
		return title.replaceFirst("(?i)\\.(ome\\.tiff?|tiff?|png|jpe?g|gif|bmp|zip|czi|nd2|lif|lsm|ims)$", "");
	}

	/** Checks the output path before the (long) run; null when none was given. */
	static File checkOutput(File output) {
		if (output == null || output.getPath().isBlank()) return null;
		String ext = extension(output);
		if (!ext.equals("tif") && !ext.equals("tiff") && !ext.equals("png")) {
			throw new IllegalArgumentException("output=" + output + ": the file name must end in .tif, .tiff or .png");
		}
		File dir = output.getAbsoluteFile().getParentFile();
		if (dir == null || !dir.isDirectory()) {
			throw new IllegalArgumentException("output=" + output + ": folder " + dir + " does not exist");
		}
		return output;
	}

	/** Saves as TIFF or PNG by the file's extension. */
	static void save(ImagePlus imp, File file) throws IOException {
		FileSaver saver = new FileSaver(imp);
		boolean ok = extension(file).equals("png") ? saver.saveAsPng(file.getPath()) : saver.saveAsTiff(file.getPath());
		if (!ok) throw new IOException("output=" + file + ": could not be written");
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

	private static String extension(File f) {
		String n = f.getName();
		int dot = n.lastIndexOf('.');
		return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
	}
}
