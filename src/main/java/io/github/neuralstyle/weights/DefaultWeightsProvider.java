package io.github.neuralstyle.weights;

import io.github.neuralstyle.engine.network.VggWeights;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Cache-then-download provider. A download goes to {@code <file>.part}, is verified (published
 * md5 or structure, finite values) and renamed into place with a {@link Provenance} record beside
 * it; only a cached file whose record still matches is reported as the named model. A file in
 * the cache without a record (put there by a person) is used, after the same checks, as a
 * "local file", and never deleted. One download per file at a time, with bounded waiting: see
 * {@link CacheLock}.
 */
public class DefaultWeightsProvider implements WeightsProvider {

	/** System property: seconds to wait for another run holding the cache without progress (default 120). */
	public static final String LOCK_PATIENCE_PROPERTY = "neuralstyle.lock.timeout";

	private final WeightsCache cache;
	private final Downloader downloader;
	private final Duration lockPatience;

	/** A provider over {@code cache} fetching with {@code downloader}, waiting for a busy cache as {@link #LOCK_PATIENCE_PROPERTY} says. */
	public DefaultWeightsProvider(WeightsCache cache, Downloader downloader) {
		this(cache, downloader, Duration.ofSeconds(Long.getLong(LOCK_PATIENCE_PROPERTY, 120)));
	}

	/** A provider that gives up on a busy cache after {@code lockPatience} without progress. */
	public DefaultWeightsProvider(WeightsCache cache, Downloader downloader, Duration lockPatience) {
		this.cache = cache;
		this.downloader = downloader;
		this.lockPatience = lockPatience;
	}

	/** The cache in use. */
	public WeightsCache cache() {
		return cache;
	}

	@Override
	public VggWeights obtain(String spec, DownloadListener listener) throws IOException {
		if (spec == null || spec.isBlank()) return obtain(Model.DEFAULT.source(), listener);
		Model model = Model.forId(spec);
		if (model != null) return obtain(model.source(), listener);
		Path file = Paths.get(spec.trim());
		WeightsFormat format;
		try {
			format = WeightsFiles.detect(file);
		}
		catch (java.nio.file.NoSuchFileException e) {
			throw new InvalidWeightsException("'" + spec + "' is neither a model (" + String.join(", ", Model.ids())
				+ ") nor an existing weights file", e);
		}
		return format.reader().read(file);
	}

	@Override
	public VggWeights obtain(WeightsSource source, DownloadListener listener) throws IOException {
		Path target = cache.file(source);
		CacheLock lock;
		try {
			lock = CacheLock.acquire(target, source.id(), lockPatience, listener);
		}
		catch (FileSystemException e) {
			// No lock file means no writing at all: a file already there can still be read.
			if (!Files.isRegularFile(target)) throw CachedFile.notWritable(cache.folder(), source, e);
			return CachedFile.use(source, target, listener, false);
		}
		try (lock) {
			return obtainLocked(source, target, listener);
		}
	}

	private VggWeights obtainLocked(WeightsSource source, Path target, DownloadListener listener) throws IOException {
		InvalidWeightsException cachedProblem = null;
		if (Files.exists(target)) {
			try {
				return CachedFile.use(source, target, listener, true);
			}
			catch (CachedFile.Damaged e) {
				// Our own download no longer matches its record: replacing it is what the record is for.
				cachedProblem = e;
				listener.status("The cached " + source.id() + " weights " + target + " are damaged (" + e.getMessage()
					+ "). Neural Style downloaded them, so it deletes them and downloads them again.");
				try {
					Files.deleteIfExists(target);
					Files.deleteIfExists(Provenance.recordOf(target));
				}
				catch (FileSystemException f) {
					throw CachedFile.notWritable(cache.folder(), source, f);
				}
			}
		}
		Path part = target.resolveSibling(target.getFileName() + ".part");
		try {
			boolean resumed = Files.exists(part) && Files.size(part) > 0;
			listener.status("Downloading " + source.id() + " weights from " + source.url() + " to " + target);
			String etag = download(source, part, listener);
			VggWeights weights;
			try {
				weights = checkPart(source, part);
			}
			catch (InvalidWeightsException e) {
				PartialDownload.discard(part);
				// A part left by an earlier run may not match the file on the server: one fresh try.
				if (!resumed) throw e;
				listener.status("Resumed download failed verification (" + e.getMessage() + "); downloading from the start");
				etag = download(source, part, listener);
				weights = checkPart(source, part);
			}
			// The record is written before the rename: a file in place without a record is never ours.
			Provenance record = Provenance.of(source, etag, part);
			record.write(target);
			Files.deleteIfExists(CachedFile.legacySha256(target));
			move(part, target);
			Files.deleteIfExists(PartialDownload.etagFile(part));
			if (weights == null) {
				try {
					weights = Verification.verify(source, target, false);
				}
				catch (InvalidWeightsException e) {
					Files.deleteIfExists(target);
					Files.deleteIfExists(Provenance.recordOf(target));
					throw e;
				}
			}
			return CachedFile.named(source, target, record, weights);
		}
		catch (InvalidWeightsException e) {
			throw unavailable(source, target, e, cachedProblem);
		}
		catch (FileSystemException e) {
			// Writing the part, the record or the rename failed: say which folder, not just a path.
			throw CachedFile.notWritable(cache.folder(), source, e);
		}
		catch (IOException e) {
			if (e instanceof WeightsUnavailableException) throw e;
			throw unavailable(source, target, e, cachedProblem);
		}
	}

	private String download(WeightsSource source, Path part, DownloadListener listener) throws IOException {
		if (source.format() == WeightsFormat.SAFETENSORS) return downloader.downloadSafetensorsFeatures(source.url(), part, listener);
		return downloader.downloadWhole(source.url(), part, listener);
	}

	/**
	 * Verifies a downloaded part before it is renamed: by md5 alone when known (returns null; the
	 * file is read after the rename, because jhdf maps files and Windows cannot rename a mapped
	 * file), else by reading it (returns the weights).
	 */
	private static VggWeights checkPart(WeightsSource source, Path part) throws IOException {
		if (source.md5() == null) return Verification.verify(source, part, false);
		Verification.checkMd5(source, part);
		return null;
	}

	private static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException e) {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/** The one message for every way a model can fail to arrive. */
	private static WeightsUnavailableException unavailable(WeightsSource source, Path target, IOException cause,
		InvalidWeightsException cachedProblem)
	{
		StringBuilder sb = new StringBuilder();
		String why = cause instanceof InvalidWeightsException ? cause.getMessage() : NetworkErrors.describe(cause, source.url());
		sb.append("Could not obtain the VGG weights '").append(source.id()).append("': ").append(why);
		if (cachedProblem != null) sb.append("\nThe cached copy was unusable and has been removed: ").append(cachedProblem.getMessage());
		sb.append("\nDownload URL: ").append(source.url());
		sb.append("\nTo work offline, download that file on another machine and put it here: ").append(target);
		sb.append("\nor point at a local weights file (.h5, .safetensors, .npz) with --weights FILE (command line)"
			+ " or weights=FILE (plugin and macros).");
		return new WeightsUnavailableException(sb.toString(), cause);
	}
}
