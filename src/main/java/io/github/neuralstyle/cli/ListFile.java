package io.github.neuralstyle.cli;

import io.github.neuralstyle.files.OutputFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A list file as {@code --content}: one image path per line ({@code .txt} or {@code .list}),
 * relative paths from the list's folder, blank lines and {@code #} comments skipped. The
 * order of the lines is the order of the frames, so shards over a list are as stable as the list.
 */
final class ListFile {

	/** Extensions that make {@code --content} a list file. */
	static final List<String> EXTENSIONS = List.of("txt", "list");

	private ListFile() {}

	/** Whether {@code content} names a list file. */
	static boolean is(Path content) {
		return Files.isRegularFile(content) && EXTENSIONS.contains(OutputFile.extension(content.getFileName().toString()));
	}

	/**
	 * The images the list names, in its order; refuses missing files and two images whose results
	 * would have one name (results are named after the image's name, see SequenceInput#outputName).
	 */
	static List<Path> read(Path list) throws IOException {
		Path base = list.toAbsolutePath().getParent();
		List<Path> files = new ArrayList<>();
		Map<String, Integer> lineOfName = new HashMap<>();
		List<String> lines = Files.readAllLines(list, StandardCharsets.UTF_8);
		for (int n = 1; n <= lines.size(); n++) {
			String line = lines.get(n - 1).strip();
			if (line.isEmpty() || line.startsWith("#")) continue;
			Path p = base.resolve(line).normalize();
			if (!Files.isRegularFile(p)) {
				throw new IOException("list " + list + ", line " + n + ": no such image file " + p + " (paths are relative to the"
					+ " list's folder); fix or remove that line");
			}
			String name = p.getFileName().toString();
			int dot = name.lastIndexOf('.');
			String stem = (dot > 0 ? name.substring(0, dot) : name).toLowerCase(Locale.ROOT);
			Integer earlier = lineOfName.putIfAbsent(stem, n);
			if (earlier != null) {
				throw new IOException("list " + list + ", lines " + earlier + " and " + n + ": two images named " + stem
					+ ".*, whose results would overwrite each other in the output folder; rename one or style them in two runs");
			}
			files.add(p);
		}
		if (files.isEmpty()) throw new IOException("list " + list + " names no images: one image path per line");
		return files;
	}
}
