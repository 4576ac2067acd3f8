package io.github.neuralstyle.weights;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Locale;

/**
 * What Neural Style downloaded into a cache file and from where, recorded beside it as
 * {@code <file>.download.json}: model id, URL, the server's ETag (where it sent one), size,
 * sha256 and time. Only a file with a record that still matches is reported as the named
 * model; any other file in the cache is someone else's.
 */
final class Provenance {

	/** The suffix of the record's file name. */
	static final String SUFFIX = ".download.json";

	final String model;
	final String url;
	final String etag;
	final long size;
	final String sha256;
	final String downloaded;

	private Provenance(String model, String url, String etag, long size, String sha256, String downloaded) {
		this.model = model;
		this.url = url;
		this.etag = etag;
		this.size = size;
		this.sha256 = sha256;
		this.downloaded = downloaded;
	}

	/** The record of {@code file}, just downloaded from {@code source} (hashes the file). */
	static Provenance of(WeightsSource source, String etag, Path file) throws IOException {
		return new Provenance(source.id(), source.url().toString(), etag, Files.size(file), Checksums.hex("SHA-256", file),
			Instant.now().toString());
	}

	/** Where the record of {@code file} is kept. */
	static Path recordOf(Path file) {
		return file.resolveSibling(file.getFileName() + SUFFIX);
	}

	/**
	 * The record beside {@code file}, or null if there is none.
	 *
	 * @throws InvalidWeightsException if the record exists but cannot be read
	 */
	static Provenance read(Path file) throws IOException {
		Path record = recordOf(file);
		String text;
		try {
			text = new String(Files.readAllBytes(record), StandardCharsets.UTF_8);
		}
		catch (NoSuchFileException e) {
			return null;
		}
		try {
			JsonObject o = JsonParser.parseString(text).getAsJsonObject();
			return new Provenance(o.get("model").getAsString(), o.get("url").getAsString(), optional(o, "etag"),
				o.get("size").getAsLong(), o.get("sha256").getAsString().toLowerCase(Locale.ROOT), optional(o, "downloaded"));
		}
		catch (RuntimeException e) {
			throw new InvalidWeightsException("its download record " + record + " is damaged");
		}
	}

	/** Writes the record beside {@code file} (via a temporary file, so a reader never sees half of it). */
	void write(Path file) throws IOException {
		JsonObject o = new JsonObject();
		o.addProperty("model", model);
		o.addProperty("url", url);
		if (etag != null) o.addProperty("etag", etag);
		o.addProperty("size", size);
		o.addProperty("sha256", sha256);
		o.addProperty("downloaded", downloaded);
		Path record = recordOf(file);
		Path tmp = record.resolveSibling(record.getFileName() + ".tmp");
		Files.write(tmp, new GsonBuilder().setPrettyPrinting().create().toJson(o).getBytes(StandardCharsets.UTF_8));
		Files.move(tmp, record, StandardCopyOption.REPLACE_EXISTING);
	}

	/** Why {@code file} is not what was recorded for {@code source}, or null if it is (size, then sha256). */
	String mismatch(WeightsSource source, Path file) throws IOException {
		if (!model.equals(source.id())) return "it was downloaded as " + model + ", not " + source.id();
		long now = Files.size(file);
		if (now != size) return "it is " + now + " bytes, but " + size + " were downloaded";
		String sha = Checksums.hex("SHA-256", file);
		if (!sha.equals(sha256)) return "its sha256 is " + sha + ", but " + sha256 + " was downloaded";
		return null;
	}

	/** For the weights' description: "downloaded from URL on DATE". */
	String summary() {
		String day = downloaded != null && downloaded.length() >= 10 ? " on " + downloaded.substring(0, 10) : "";
		return "downloaded from " + url + day;
	}

	private static String optional(JsonObject o, String key) {
		JsonElement e = o.get(key);
		return e == null || e.isJsonNull() ? null : e.getAsString();
	}
}
