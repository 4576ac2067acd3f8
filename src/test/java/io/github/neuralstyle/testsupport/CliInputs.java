package io.github.neuralstyle.testsupport;

import io.github.neuralstyle.files.ImageFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A content and a style PNG and a small VGG19 weights file (channels / 16) in a folder, and the
 * command line of a short run on them: what the command-line reliability tests start from.
 */
public record CliInputs(Path dir, Path content, Path style, Path weights) {

	/** Writes the three files into {@code dir}. */
	public static CliInputs in(Path dir) throws IOException {
		CliInputs in = new CliInputs(dir, dir.resolve("content.png"), dir.resolve("style.png"), dir.resolve("small.safetensors"));
		ImageFiles.write(TestImages.content(40, 30), in.content);
		ImageFiles.write(TestImages.style(32, 32), in.style);
		Files.write(in.weights, WeightsFixtures.safetensors(SyntheticVgg.vgg19(16, 3), Map.of(), false));
		return in;
	}

	/** A 2-step, 32 px run writing {@code out}, then {@code more} options. */
	public List<String> args(Path out, String... more) {
		List<String> a = new ArrayList<>(List.of("--content", content.toString(), "--style", style.toString(), "--out",
			out.toString(), "--weights", weights.toString(), "--size", "32", "--steps", "2", "--scales", "1", "--quiet"));
		a.addAll(List.of(more));
		return a;
	}

	/** As {@link #args} with {@code key} replaced by {@code value} (e.g. another content image). */
	public List<String> with(Path out, String key, String value, String... more) {
		List<String> a = args(out, more);
		a.set(a.indexOf(key) + 1, value);
		return a;
	}
}
