package io.github.neuralstyle.testsupport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Run in a separate JVM: locks the file named by its argument as another Neural Style process
 * would (an exclusive file lock, its process id written inside), prints "locked", and holds
 * the lock until its standard input closes.
 */
public final class LockHolder {

	private LockHolder() {}

	/** Locks {@code args[0]} until stdin closes. */
	public static void main(String[] args) throws IOException {
		try (FileChannel ch = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			FileLock lock = ch.lock())
		{
			ch.truncate(0);
			ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
			System.out.println("locked");
			System.out.flush();
			while (System.in.read() >= 0) {
				// hold the lock until the test closes our stdin
			}
		}
	}

	/** Starts a holder of {@code lockFile} in a new JVM and returns once it holds the lock. */
	public static Process start(Path lockFile) throws IOException {
		Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
			System.getProperty("java.class.path"), LockHolder.class.getName(), lockFile.toString())
			.redirectError(ProcessBuilder.Redirect.DISCARD).start();
		byte[] line = new byte[7];
		int n = p.getInputStream().readNBytes(line, 0, line.length);
		if (n < 6 || !new String(line, 0, 6, StandardCharsets.US_ASCII).equals("locked")) {
			p.destroyForcibly();
			throw new IOException("the lock holder did not start");
		}
		return p;
	}
}
