package io.github.neuralstyle.weights;

import io.github.neuralstyle.engine.network.VggWeights;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * How a file found in the cache is used. One with a matching {@link Provenance} record is the
 * named model; one whose record no longer matches is {@link Damaged} (the provider replaces it);
 * one without a record was put there by someone else: it is checked the same way, reported as a
 * "local file" (unless the published md5 proves what it is), and never deleted.
 */
final class CachedFile {

	/** A file we downloaded that no longer is what was downloaded: safe to delete and fetch again. */
	static final class Damaged extends InvalidWeightsException {
		private static final long serialVersionUID = 1L;

		Damaged(String message, Throwable cause) {
			super(message, cause);
		}
	}

	private CachedFile() {}

	/**
	 * The weights in {@code target}, checked against its record or, without one, by md5 or structure.
	 *
	 * @param writable whether the cache can be written (else a damaged file is reported, not replaced)
	 * @throws Damaged if the file was downloaded by us and has changed or fails its checks
	 * @throws InvalidWeightsException if a file someone else put there is unusable, saying what to do
	 */
	static VggWeights use(WeightsSource source, Path target, DownloadListener listener, boolean writable) throws IOException {
		Provenance record = null;
		VggWeights weights;
		try {
			record = Provenance.read(target);
		}
		catch (InvalidWeightsException e) {
			throw damaged(source, target, target + ": " + e.getMessage(), e, writable);
		}
		if (record == null) return local(source, target, listener);
		try {
			String mismatch = record.mismatch(source, target);
			if (mismatch != null) throw new InvalidWeightsException(target + " has changed since it was downloaded: " + mismatch);
			// The record's sha256 was taken from a file that passed the md5 check: no second hash needed.
			weights = Verification.verify(source, target, false);
		}
		catch (InvalidWeightsException e) {
			throw damaged(source, target, e.getMessage(), e, writable);
		}
		return named(source, target, record, weights);
	}

	/** {@link Damaged} if the cache can be written (the provider fetches again), else the reason it cannot be repaired. */
	private static IOException damaged(WeightsSource source, Path target, String message, IOException cause, boolean writable) {
		if (writable) return new Damaged(message, cause);
		return new WeightsUnavailableException("The cached " + source.id() + " weights are damaged (" + message + "), and"
			+ " the cache folder " + target.getParent() + " cannot be written, so they cannot be downloaded again.\n" + FIX,
			cause);
	}

	/** A file in the cache that we did not download. */
	private static VggWeights local(WeightsSource source, Path target, DownloadListener listener) throws IOException {
		VggWeights w;
		try {
			w = Verification.verify(source, target, true);
		}
		catch (InvalidWeightsException e) {
			throw new InvalidWeightsException("The weights cache holds " + target + ", which Neural Style did not download"
				+ " (it has no download record), and it cannot be used as " + source.id() + ": " + e.getMessage()
				+ "\nThe file is left as it is. Delete or replace it (" + source.id() + " is then downloaded on the next run),"
				+ " or give a weights file with --weights FILE (command line) / weights=FILE (plugin and macros).", e);
		}
		if (source.md5() != null) {
			// The published md5 proves what the file is, wherever it came from.
			return describe(w, source.id() + " (" + target + ", put in the cache by hand; its md5 matches the published file)");
		}
		String d = "local file " + target + " (found in the cache under the name of " + source.id()
			+ ", but not downloaded by Neural Style, so not known to be " + source.id() + ")";
		listener.status("Using " + d + ". To use " + source.id() + " itself, delete that file: it is then downloaded.");
		return describe(w, d);
	}

	/** The weights described as the model, with where they are and where they came from. */
	static VggWeights named(WeightsSource source, Path target, Provenance record, VggWeights w) {
		return describe(w, source.id() + " (" + target + ", " + record.summary() + ")");
	}

	private static VggWeights describe(VggWeights w, String description) {
		return new VggWeights(w.architecture(), w.convention(), w.tensors(), description);
	}

	/** The sha256 file earlier versions wrote beside a verified file; replaced by the download record. */
	static Path legacySha256(Path target) {
		return target.resolveSibling(target.getFileName() + ".sha256");
	}

	/** What to do about a cache folder that cannot be written. */
	private static final String FIX = "Choose a writable cache folder with the environment variable " + WeightsCache.ENV
		+ "=FOLDER (or the Java option -D" + WeightsCache.PROPERTY + "=FOLDER), or give a weights file with --weights FILE"
		+ " (command line) / weights=FILE (plugin and macros).";

	/** The refusal to download into a cache folder that cannot be written, naming the folder and the ways out. */
	static WeightsUnavailableException notWritable(Path folder, WeightsSource source, FileSystemException e) {
		String reason;
		if (e instanceof AccessDeniedException) reason = "permission denied";
		else if (e instanceof FileAlreadyExistsException) reason = e.getFile() + " is a file, not a folder";
		else if (e.getReason() != null) reason = e.getReason();
		else reason = "cannot create " + e.getFile();
		return new WeightsUnavailableException("The weights cache folder " + folder + " cannot be written (" + reason
			+ "), so " + source.id() + " cannot be downloaded into it.\n" + FIX, e);
	}
}
