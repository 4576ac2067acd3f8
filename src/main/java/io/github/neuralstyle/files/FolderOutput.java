package io.github.neuralstyle.files;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.engine.video.FrameResult;
import io.github.neuralstyle.engine.video.FrameSink;
import io.github.neuralstyle.engine.video.SequenceSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A resumable output folder: one PNG per frame, each written atomically (temporary file, then
 * rename), and {@value #RECORD} beside them recording the settings the frames were made with. A
 * rerun with the same record skips the frames already there; a rerun with other settings is
 * refused, naming what changed and the fix. The command line ({@code --out}) and the Fiji command
 * ({@code output=}) write the same files, so shards of either fill one folder.
 */
public final class FolderOutput implements FrameSink {

	/** The record of the settings, in the output folder. */
	public static final String RECORD = ".neural-style.json";

	private final Path dir;
	private final List<String> names;
	private final String option;
	private int written;

	private FolderOutput(Path dir, List<String> names, String option) {
		this.dir = dir;
		this.names = names;
		this.option = option;
	}

	/**
	 * Checks the folder and writes the record: refuses a path that is a file or the content folder,
	 * a record with other settings, and result files without a record (made by something else).
	 *
	 * @param option how the user gave the folder, "--out" or "output="
	 * @param names  the file name of every frame of the whole run, in frame order (all shards)
	 * @param record what makes the frames what they are (settings, style, weights, content)
	 * @param inputs files the run reads, by role, that no result may replace
	 */
	public static FolderOutput prepare(String option, Path out, List<String> names, JsonObject record,
		Map<String, Path> inputs) throws IOException
	{
		Path dir = out.toAbsolutePath().normalize();
		String shown = OutputFile.shown(option, out);
		if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
			throw new IllegalArgumentException(shown + " is a file, not a folder: name a folder for the frames, or a .tif file "
				+ "for one multi-page TIFF");
		}
		for (Map.Entry<String, Path> in : inputs.entrySet()) {
			if (in.getValue() != null && Files.isDirectory(in.getValue()) && dir.equals(in.getValue().toAbsolutePath().normalize())) {
				throw new IllegalArgumentException(shown + " is the " + in.getKey() + ": results there would be read as frames "
					+ "next time; choose another output folder");
			}
		}
		for (String name : names) OutputFile.checkSibling(shown + ": frame " + name, dir.resolve(name), inputs);
		Path recordFile = dir.resolve(RECORD);
		if (Files.isRegularFile(recordFile)) {
			JsonObject earlier = read(recordFile, option);
			List<String> changed = differences(earlier, record);
			if (!changed.isEmpty()) {
				throw new IllegalArgumentException(shown + " holds frames styled with other settings (" + String.join("; ", changed)
					+ "): rerun with the same settings to resume, or choose a new " + option + " folder (or delete its " + RECORD
					+ " and frames to restyle them)");
			}
		}
		else {
			for (String name : names) {
				if (Files.exists(dir.resolve(name))) {
					throw new IllegalArgumentException(shown + " already holds " + name + " but no " + RECORD
						+ " saying how it was made: choose an empty or new folder, or move those files away");
				}
			}
		}
		Files.createDirectories(dir);
		String json = record.toString();
		OutputFile.replace(shown, recordFile, tmp -> {
			Files.writeString(tmp, json, StandardCharsets.UTF_8);
			return true;
		});
		return new FolderOutput(dir, List.copyOf(names), option);
	}

	/** An existing folder, or a path without an extension, is a folder; anything else a file. */
	public static boolean isFolder(Path out) {
		return Files.isDirectory(out) || OutputFile.extension(out.getFileName().toString()).isEmpty();
	}

	/**
	 * The file name of a stack plane's result: the stack's file name without its extension and the
	 * plane's 1-based stack index, e.g. {@code cells-0003.png} for plane 3 of cells.tif.
	 */
	public static String planeName(String stackName, int stackIndex) {
		int dot = stackName.lastIndexOf('.');
		return String.format(Locale.ROOT, "%s-%04d.png", dot > 0 ? stackName.substring(0, dot) : stackName, stackIndex);
	}

	/**
	 * What makes the frames in an output folder what they are; a rerun must match it to resume.
	 *
	 * @param content the content's absolute path (or, for an image not from a file, its title)
	 */
	public static JsonObject record(String content, RgbImage style, StyleTransferSettings s, SequenceSettings q,
		VggWeights weights)
	{
		JsonObject r = new JsonObject();
		r.addProperty("content", content);
		r.addProperty("style_pixels_sha256", sha256(style));
		r.addProperty("settings", s + " result-size=" + s.resultSize().name().toLowerCase(Locale.ROOT));
		r.addProperty("sequence", q.toString());
		r.addProperty("weights", weights.description());
		return r;
	}

	/** SHA-256 of an image's samples: the style as the run sees it, whatever file it came from. */
	static String sha256(RgbImage image) {
		try {
			java.security.MessageDigest d = java.security.MessageDigest.getInstance("SHA-256");
			java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 * image.data().length + 8);
			b.putInt(image.width()).putInt(image.height());
			for (float v : image.data()) b.putFloat(v);
			return java.util.HexFormat.of().formatHex(d.digest(b.array()));
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is required of every JVM", e);
		}
	}

	@Override
	public RgbImage existing(int index) throws IOException {
		Path p = dir.resolve(names.get(index));
		if (!Files.isRegularFile(p)) return null;
		try {
			return ImageFileReader.read(p, "earlier result", StyleTransferSettings.MAX_SIZE).image();
		}
		catch (IOException e) {
			throw new IOException(e.getMessage() + " (to style that frame again, delete " + p + ")", e);
		}
	}

	@Override
	public void accept(int index, RgbImage result, FrameResult stats) throws IOException {
		ImageFiles.write(result, dir.resolve(names.get(index)), option);
		written++;
	}

	/** Frames written by this run. */
	public int written() {
		return written;
	}

	/** The folder, absolute. */
	public Path folder() {
		return dir;
	}

	private static JsonObject read(Path file, String option) throws IOException {
		try {
			JsonElement e = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
			if (e.isJsonObject()) return e.getAsJsonObject();
		}
		catch (RuntimeException e) {
			// reported below
		}
		throw new IOException(file + " is damaged (not the JSON record of an earlier run): delete it and the frames beside it "
			+ "to restyle them, or choose a new " + option + " folder");
	}

	/** "key: then → now" for every key whose value differs. */
	static List<String> differences(JsonObject then, JsonObject now) {
		List<String> out = new ArrayList<>();
		java.util.Set<String> keys = new java.util.LinkedHashSet<>(now.keySet());
		keys.addAll(then.keySet());
		for (String k : keys) {
			JsonElement a = then.get(k), b = now.get(k);
			if (a == null ? b != null : !a.equals(b)) {
				out.add(k + ": " + (a == null ? "none" : shown(a)) + " then, " + (b == null ? "none" : shown(b)) + " now");
			}
		}
		return out;
	}

	private static String shown(JsonElement e) {
		return e.isJsonPrimitive() ? e.getAsString() : e.toString();
	}
}
