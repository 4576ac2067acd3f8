package io.github.neuralstyle.weights;

import io.github.neuralstyle.engine.network.VggArchitecture;
import io.github.neuralstyle.engine.network.VggWeights;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Cache-then-download provider. A model's file is used only once verified (md5, or structure
 * plus the sha256 recorded when it was first verified); downloads go to {@code <file>.part} and
 * are renamed into place only after verification. One download per file at a time: a lock per
 * file in this JVM and a file lock across processes.
 */
public class DefaultWeightsProvider implements WeightsProvider {

	private static final ConcurrentHashMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

	private final WeightsCache cache;
	private final Downloader downloader;

	/** A provider over {@code cache} fetching with {@code downloader}. */
	public DefaultWeightsProvider(WeightsCache cache, Downloader downloader) {
		this.cache = cache;
		this.downloader = downloader;
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
		ReentrantLock lock = LOCKS.computeIfAbsent(target, k -> new ReentrantLock());
		try {
			lock.lockInterruptibly();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new java.io.InterruptedIOException("Interrupted while waiting for another download of " + source.id());
		}
		try (ProcessLock processLock = ProcessLock.acquire(target.resolveSibling(target.getFileName() + ".lock"))) {
			return obtainLocked(source, target, listener);
		}
		finally {
			lock.unlock();
		}
	}

	private VggWeights obtainLocked(WeightsSource source, Path target, DownloadListener listener) throws IOException {
		InvalidWeightsException cachedProblem = null;
		if (Files.exists(target)) {
			try {
				return named(source, target, verify(source, target, true));
			}
			catch (InvalidWeightsException e) {
				cachedProblem = e;
				listener.status("Cached weights " + target + " failed verification (" + e.getMessage() + "); downloading them again");
				Files.deleteIfExists(target);
				Files.deleteIfExists(sidecar(target));
			}
		}
		Path part = target.resolveSibling(target.getFileName() + ".part");
		try {
			boolean resumed = Files.exists(part) && Files.size(part) > 0;
			listener.status("Downloading " + source.id() + " weights from " + source.url() + " to " + target);
			download(source, part, listener);
			VggWeights weights;
			try {
				weights = checkPart(source, part);
			}
			catch (InvalidWeightsException e) {
				Files.deleteIfExists(part);
				// A part left by an earlier run may not match the file on the server: one fresh try.
				if (!resumed) throw e;
				listener.status("Resumed download failed verification (" + e.getMessage() + "); downloading from the start");
				download(source, part, listener);
				weights = checkPart(source, part);
			}
			Files.deleteIfExists(sidecar(target));
			move(part, target);
			if (weights == null) {
				try {
					weights = verify(source, target, true);
				}
				catch (InvalidWeightsException e) {
					Files.deleteIfExists(target);
					throw e;
				}
			}
			else {
				recordSha256(target);
			}
			return named(source, target, weights);
		}
		catch (IOException e) {
			throw unavailable(source, target, e, cachedProblem);
		}
	}

	/** The weights described by model id and cache path, for logs and result metadata. */
	private static VggWeights named(WeightsSource source, Path target, VggWeights w) {
		return new VggWeights(w.architecture(), w.convention(), w.tensors(), source.id() + " (" + target + ")");
	}

	private void download(WeightsSource source, Path part, DownloadListener listener) throws IOException {
		if (source.format() == WeightsFormat.SAFETENSORS) downloader.downloadSafetensorsFeatures(source.url(), part, listener);
		else downloader.downloadWhole(source.url(), part, listener);
	}

	/**
	 * Verifies a downloaded part before it is renamed: by md5 alone when known (returns null; the
	 * file is read after the rename, because jhdf maps files and Windows cannot rename a mapped
	 * file), else by reading its structure (returns the weights).
	 */
	private static VggWeights checkPart(WeightsSource source, Path part) throws IOException {
		if (source.md5() == null) return verify(source, part, false);
		checkMd5(source, part);
		return null;
	}

	private static void checkMd5(WeightsSource source, Path file) throws IOException {
		String md5 = Checksums.hex("MD5", file);
		if (!md5.equals(source.md5())) {
			throw new InvalidWeightsException("md5 of " + file + " is " + md5 + ", expected " + source.md5()
				+ " (incomplete or corrupted download, or the file on the server changed)");
		}
	}

	/**
	 * Reads {@code file} and checks it is what {@code source} promises: its md5 if known, else
	 * the sha256 recorded beside it (recorded now if missing), and the architecture complete.
	 */
	static VggWeights verify(WeightsSource source, Path file, boolean record) throws IOException {
		if (source.md5() != null) checkMd5(source, file);
		VggWeights weights = source.format().reader().read(file);
		if (weights.architecture() != source.architecture()
			|| weights.convolutionsPresent() != source.architecture().convCount())
		{
			throw new InvalidWeightsException(file + " holds " + weights.convolutionsPresent() + " convolutions of "
				+ weights.architecture() + ", expected all " + source.architecture().convCount() + " of " + source.architecture());
		}
		if (source.fullWidth()) checkFullWidth(source, file, weights);
		if (source.md5() == null) {
			String sha = Checksums.hex("SHA-256", file);
			Path side = sidecar(file);
			if (Files.exists(side)) {
				String recorded = new String(Files.readAllBytes(side), StandardCharsets.US_ASCII).trim().split("\\s+")[0];
				if (!recorded.equalsIgnoreCase(sha)) {
					throw new InvalidWeightsException("sha256 of " + file + " is " + sha + ", but " + recorded
						+ " was recorded when it was verified: the file has changed since");
				}
			}
			else if (record) {
				recordSha256(file);
			}
		}
		return weights;
	}

	/** Checks every convolution has VGG's channel count, so a narrow or pruned file is not taken for the real model. */
	private static void checkFullWidth(WeightsSource source, Path file, VggWeights weights) throws InvalidWeightsException {
		VggArchitecture arch = weights.architecture();
		int[] perBlock = arch.convsPerBlock();
		int[] indices = arch.convIndices();
		int k = 0;
		for (int b = 0; b < perBlock.length; b++) {
			for (int c = 0; c < perBlock[b]; c++, k++) {
				String name = VggArchitecture.weightName(indices[k]);
				long out = weights.tensors().get(name).shape()[0];
				if (out != VggArchitecture.blockChannels(b)) {
					throw new InvalidWeightsException(file + ": " + name + " has " + out + " output channels, but " + source.id()
						+ " has " + VggArchitecture.blockChannels(b));
				}
			}
		}
	}

	/** Records the sha256 of a verified file beside it, in sha256sum's format. */
	private static void recordSha256(Path file) throws IOException {
		String sha = Checksums.hex("SHA-256", file);
		Files.write(sidecar(file), (sha + "  " + file.getFileName() + "\n").getBytes(StandardCharsets.US_ASCII));
	}

	/** The file holding the sha256 recorded for {@code file}. */
	static Path sidecar(Path file) {
		return file.resolveSibling(file.getFileName() + ".sha256");
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
		sb.append("Could not obtain the VGG weights '").append(source.id()).append("': ").append(cause.getMessage());
		if (cachedProblem != null) sb.append("\nThe cached copy was unusable: ").append(cachedProblem.getMessage());
		sb.append("\nDownload URL: ").append(source.url());
		sb.append("\nTo work offline, download that file on another machine and put it here: ").append(target);
		sb.append("\nor point at a local weights file (.h5, .safetensors, .npz) with --weights FILE (command line)"
			+ " or weights=FILE (plugin and macros).");
		return new WeightsUnavailableException(sb.toString(), cause);
	}
}
