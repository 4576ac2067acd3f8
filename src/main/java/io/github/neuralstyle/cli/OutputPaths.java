package io.github.neuralstyle.cli;

import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.files.ImageFiles;
import io.github.neuralstyle.files.OutputFile;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks {@code --out} (and the files {@code --save-every} adds) before anything runs: see {@link OutputFile}. */
final class OutputPaths {

	/** Formats {@link ImageFiles#write} writes, by extension. */
	static final List<String> EXTENSIONS = List.of("png", "tif", "tiff", "jpg", "jpeg", "bmp");

	private OutputPaths() {}

	/** The absolute output path, or an exception naming what is wrong with it. */
	static Path check(CliOptions o, StyleTransferSettings s, Path out) {
		Map<String, Path> inputs = new LinkedHashMap<>();
		inputs.put("content image (--content)", Path.of(o.get("content")));
		inputs.put("style image (--style)", Path.of(o.get("style")));
		if (o.has("init-image")) inputs.put("start image (--init-image)", Path.of(o.get("init-image")));
		if (o.has("weights")) inputs.put("weights file (--weights)", Path.of(o.get("weights")));
		// Missing folders are created, as scripts expect of an output path.
		Path abs = OutputFile.check("--out", out, EXTENSIONS, inputs, true);
		int every = s.previewEvery();
		if (every > 0) {
			for (int step = every; step <= s.steps(); step += every) {
				Path p = Main.intermediate(abs, step);
				OutputFile.checkSibling("--save-every " + every + " writes " + p + ", which", p, inputs);
			}
		}
		return abs;
	}
}
