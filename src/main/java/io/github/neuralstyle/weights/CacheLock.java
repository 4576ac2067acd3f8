package io.github.neuralstyle.weights;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The right to download or check one cache file: a lock per file in this JVM, then a
 * {@link ProcessLock} on {@code <file>.lock} across processes. Waiting is bounded: a holder
 * that makes no progress (its {@code .part} does not grow) for the patience given is given up on.
 */
final class CacheLock implements AutoCloseable {

	private static final ConcurrentHashMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

	private final ReentrantLock lock;
	private final ProcessLock processLock;

	private CacheLock(ReentrantLock lock, ProcessLock processLock) {
		this.lock = lock;
		this.processLock = processLock;
	}

	/**
	 * Takes both locks for {@code target}, telling {@code listener} what it waits for.
	 *
	 * @throws java.nio.file.FileSystemException if the lock file cannot be created (read-only cache)
	 * @throws WeightsUnavailableException when giving up
	 */
	static CacheLock acquire(Path target, String id, Duration patience, DownloadListener listener) throws IOException {
		Path part = target.resolveSibling(target.getFileName() + ".part");
		Patience p = new Patience(patience, () -> size(part));
		ReentrantLock lock = LOCKS.computeIfAbsent(target, k -> new ReentrantLock());
		try {
			if (!lock.tryLock()) {
				listener.status("Waiting for another run in this program, which is downloading or checking " + id + " ("
					+ target + ")");
				p.start();
				while (!lock.tryLock(100, TimeUnit.MILLISECONDS)) {
					if (p.expired()) {
						throw new WeightsUnavailableException("Gave up after waiting " + p.seconds() + " s for another run in"
							+ " this program that is downloading or checking " + id + " (" + target + ") without progress."
							+ " Use a weights file with --weights FILE / weights=FILE, or try again later.", null);
					}
				}
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("Interrupted while waiting for another download of " + id);
		}
		try {
			return new CacheLock(lock, ProcessLock.acquire(target.resolveSibling(target.getFileName() + ".lock"), p,
				listener::status, id));
		}
		catch (IOException | RuntimeException e) {
			lock.unlock();
			throw e;
		}
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException e) {
			return -1;
		}
	}

	@Override
	public void close() throws IOException {
		try {
			if (processLock != null) processLock.close();
		}
		finally {
			lock.unlock();
		}
	}
}
