package io.github.neuralstyle.weights;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files of a download in progress: {@code <file>.part}, and beside it {@code <file>.part.etag},
 * the server's ETag for the version the part holds, so that a later run resumes only that version.
 */
final class PartialDownload {

	private PartialDownload() {}

	/** Where the ETag of the version {@code part} holds is kept. */
	static Path etagFile(Path part) {
		return part.resolveSibling(part.getFileName() + ".etag");
	}

	/** The ETag kept for {@code part}, or null if none was. */
	static String etag(Path part) {
		try {
			return new String(Files.readAllBytes(etagFile(part)), StandardCharsets.UTF_8).trim();
		}
		catch (IOException e) {
			return null;
		}
	}

	/** Keeps {@code etag} (null: none) as the version {@code part} holds. */
	static void keepEtag(Path part, String etag) throws IOException {
		if (etag == null) Files.deleteIfExists(etagFile(part));
		else Files.write(etagFile(part), etag.getBytes(StandardCharsets.UTF_8));
	}

	/** Deletes a partial download and its ETag. */
	static void discard(Path part) throws IOException {
		Files.deleteIfExists(part);
		Files.deleteIfExists(etagFile(part));
	}
}
