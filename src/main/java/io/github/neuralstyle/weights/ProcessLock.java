package io.github.neuralstyle.weights;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a file, held across processes so that two Fiji or command-line runs do
 * not download the same model at once. Where the file system has no locks, {@link #acquire}
 * returns null and only the in-JVM lock applies.
 */
final class ProcessLock implements AutoCloseable {

	private final FileChannel channel;
	private final FileLock lock;

	private ProcessLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	/** Blocks until {@code lockFile} is locked by this process; null if locking is unsupported. */
	static ProcessLock acquire(Path lockFile) throws IOException {
		Files.createDirectories(lockFile.toAbsolutePath().getParent());
		FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		try {
			return new ProcessLock(channel, channel.lock());
		}
		catch (IOException | UnsupportedOperationException e) {
			channel.close();
			return null;
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
