package io.github.neuralstyle.fiji;

import ij.ImagePlus;
import ij.io.FileSaver;

import io.github.neuralstyle.engine.StepReport;
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
		StepReport first = r.first(), last = r.last();
		String losses = last == null ? "no losses recorded"
			: String.format(Locale.ROOT, "loss %s → %s (content %s, style %s, tv %s)", Progress.shortNumber(first.total()),
				Progress.shortNumber(last.total()), Progress.shortNumber(last.content()),
				Progress.shortNumber(last.style()), Progress.shortNumber(last.tv()));
		return String.format(Locale.ROOT, "Neural Style: '%s' (%d×%d) in %.1f s on %s, %d iterations, %.0f ms/iteration; %s",
			out.getTitle(), out.getWidth(), out.getHeight(), r.elapsedMillis() / 1000.0, r.device(), r.steps(),
			r.medianStepMillis(), losses);
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
