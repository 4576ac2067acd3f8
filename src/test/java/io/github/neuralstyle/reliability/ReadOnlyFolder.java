package io.github.neuralstyle.reliability;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes a folder unwritable for the duration of a test, also for root (who ignores permission
 * bits): {@code chattr +i} where available, else the permission bits. Skips the test if neither
 * stops a write, and undoes itself on close.
 */
final class ReadOnlyFolder implements AutoCloseable {

	private final Path dir;
	private final boolean immutable;

	private ReadOnlyFolder(Path dir, boolean immutable) {
		this.dir = dir;
		this.immutable = immutable;
	}

	/** Makes {@code dir} read-only, or skips the calling test. */
	static ReadOnlyFolder of(Path dir) throws IOException {
		boolean immutable = chattr("+i", dir);
		if (!immutable) dir.toFile().setWritable(false, false);
		ReadOnlyFolder ro = new ReadOnlyFolder(dir, immutable);
		try {
			Files.delete(Files.createFile(dir.resolve("probe")));
			ro.close();
			Assumptions.abort("cannot make " + dir + " read-only here");
		}
		catch (IOException expected) {
			// read-only as wanted
		}
		return ro;
	}

	private static boolean chattr(String flag, Path dir) {
		try {
			Process p = new ProcessBuilder("chattr", flag, dir.toString()).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
			return p.waitFor() == 0;
		}
		catch (IOException e) {
			return false;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Override
	public void close() {
		if (immutable) chattr("-i", dir);
		dir.toFile().setWritable(true, false);
	}
}
