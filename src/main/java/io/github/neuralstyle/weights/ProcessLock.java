package io.github.neuralstyle.weights;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * An exclusive lock on a file, held across processes so that two Fiji or command-line runs do
 * not download the same model at once. The holder writes its process id into the file, so a
 * waiting run can say whom it waits for. Where the file system has no locks, {@link #acquire}
 * returns null and only the in-JVM lock applies.
 */
final class ProcessLock implements AutoCloseable {

	private final FileChannel channel;
	private final FileLock lock;

	private ProcessLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	/**
	 * Locks {@code lockFile} for this process. While another process holds it, tells {@code status}
	 * once whom it waits for, and gives up when {@code patience} says so.
	 *
	 * @return the lock, or null if the file system does not support locking
	 * @throws java.nio.file.FileSystemException if the lock file cannot be created (read-only folder)
	 * @throws WeightsUnavailableException when giving up, naming the lock file and its holder
	 */
	static ProcessLock acquire(Path lockFile, Patience patience, Consumer<String> status, String what) throws IOException {
		Files.createDirectories(lockFile.toAbsolutePath().getParent());
		FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
			StandardOpenOption.WRITE);
		try {
			FileLock lock = tryLock(channel);
			if (lock == null) {
				String holder = holder(lockFile);
				status.accept("Waiting for " + holder + ", which holds the lock " + lockFile + " while it downloads or checks "
					+ what + " (giving up after " + patience.seconds() + " s without progress)");
				patience.start();
				while ((lock = tryLock(channel)) == null) {
					if (patience.expired()) {
						throw new WeightsUnavailableException("Gave up after waiting " + patience.seconds() + " s for the weights"
							+ " cache lock " + lockFile + ": it is held by " + holder + " and no download progressed in that time.\n"
							+ "If that process is stuck, end it and run again; or use another cache folder (environment variable "
							+ WeightsCache.ENV + "), or a weights file with --weights FILE (command line) / weights=FILE (plugin).",
							null);
					}
					sleep(lockFile);
				}
			}
			writePid(channel);
			return new ProcessLock(channel, lock);
		}
		catch (UnsupportedOperationException e) {
			channel.close();
			return null;
		}
		catch (IOException | RuntimeException e) {
			channel.close();
			throw e;
		}
	}

	/** The lock if free now, null if another process (or another channel of this one) holds it. */
	private static FileLock tryLock(FileChannel channel) throws IOException {
		try {
			return channel.tryLock();
		}
		catch (OverlappingFileLockException e) {
			return null;
		}
	}

	/** "process 1234 (java -jar …)" from the id the holder wrote, or "another process" if unknown. */
	static String holder(Path lockFile) {
		long pid;
		try {
			pid = Long.parseLong(new String(Files.readAllBytes(lockFile), StandardCharsets.US_ASCII).trim());
		}
		catch (IOException | NumberFormatException e) {
			return "another process";
		}
		String command = ProcessHandle.of(pid).map(h -> command(h.info())).orElse(null);
		return "process " + pid + (command == null ? "" : " (" + command + ")");
	}

	/** "java -cp … some.Main args": the program and its arguments, without the class path that would hide them. */
	private static String command(ProcessHandle.Info info) {
		if (info.command().isEmpty()) return null;
		StringBuilder sb = new StringBuilder(Path.of(info.command().get()).getFileName().toString());
		String[] args = info.arguments().orElse(new String[0]);
		for (int i = 0; i < args.length; i++) {
			sb.append(' ').append(args[i]);
			if (args[i].equals("-cp") || args[i].equals("-classpath") || args[i].equals("--class-path")) {
				sb.append(" …");
				i++;
			}
		}
		return sb.length() > 200 ? sb.substring(0, 197) + "..." : sb.toString();
	}

	private static void writePid(FileChannel channel) throws IOException {
		channel.truncate(0);
		channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
	}

	private static void sleep(Path lockFile) throws InterruptedIOException {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("Interrupted while waiting for the lock " + lockFile);
		}
	}

	@Override
	public void close() throws IOException {
		try {
			lock.release();
		}
		finally {
			channel.close();
		}
	}
}
