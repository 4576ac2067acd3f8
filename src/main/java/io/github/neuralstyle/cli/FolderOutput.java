package io.github.neuralstyle.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.video.FrameResult;
import io.github.neuralstyle.engine.video.FrameSink;
import io.github.neuralstyle.files.ImageFileReader;
import io.github.neuralstyle.files.OutputFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A resumable output folder: one PNG per frame, each written atomically (temporary file, then
 * rename), and {@value #RECORD} beside them recording the settings the frames were made with. A
 * rerun with the same record skips the frames already there; a rerun with other settings is
 * refused, naming what changed and the fix.
 */
public final class FolderOutput implements FrameSink {

	/** The record of the settings, in the output folder. */
	public static final String RECORD = ".neural-style.json";

	private final Path dir;
	private final SequenceInput input;
	private int written;

	private FolderOutput(Path dir, SequenceInput input) {
		this.dir = dir;
		this.input = input;
	}

	/**
	 * Checks the folder and writes the record: refuses a path that is a file or the content folder,
	 * a record with other settings, and result files without a record (made by something else).
	 *
	 * @param record what makes the frames what they are (settings, style, weights, content)
	 * @param inputs files the run reads, by role, that no result may replace
	 */
	public static FolderOutput prepare(Path out, SequenceInput input, JsonObject record, Map<String, Path> inputs)
		throws IOException
	{
		Path dir = out.toAbsolutePath().normalize();
		String shown = "--out " + out;
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
		for (int i = 0; i < input.size(); i++) {
			Path p = dir.resolve(input.outputName(i));
			OutputFile.checkSibling(shown + ": frame " + p.getFileName(), p, inputs);
		}
		Path recordFile = dir.resolve(RECORD);
		if (Files.isRegularFile(recordFile)) {
			JsonObject earlier = read(recordFile);
			List<String> changed = differences(earlier, record);
			if (!changed.isEmpty()) {
				throw new IllegalArgumentException(shown + " holds frames styled with other settings (" + String.join("; ", changed)
					+ "): rerun with the same settings to resume, or choose a new --out folder (or delete its " + RECORD
					+ " and frames to restyle them)");
			}
		}
		else {
			for (int i = 0; i < input.size(); i++) {
				if (Files.exists(dir.resolve(input.outputName(i)))) {
					throw new IllegalArgumentException(shown + " already holds " + input.outputName(i) + " but no " + RECORD
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
		return new FolderOutput(dir, input);
	}

	@Override
	public RgbImage existing(int index) throws IOException {
		Path p = dir.resolve(input.outputName(index));
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
		ImageFiles.write(result, dir.resolve(input.outputName(index)));
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

	private static JsonObject read(Path file) throws IOException {
		try {
			JsonElement e = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
			if (e.isJsonObject()) return e.getAsJsonObject();
		}
		catch (RuntimeException e) {
			// reported below
		}
		throw new IOException(file + " is damaged (not the JSON record of an earlier run): delete it and the frames beside it "
			+ "to restyle them, or choose a new --out folder");
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
