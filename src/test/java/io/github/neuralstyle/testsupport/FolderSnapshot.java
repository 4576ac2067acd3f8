package io.github.neuralstyle.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every file and link under a folder with a hash of its content: proof that a failed run changed nothing. */
public final class FolderSnapshot {

	private final Path root;
	private final Map<String, String> entries;

	private FolderSnapshot(Path root, Map<String, String> entries) {
		this.root = root;
		this.entries = entries;
	}

	/** Takes a snapshot of {@code root} now. */
	public static FolderSnapshot of(Path root) {
		Map<String, String> m = new TreeMap<>();
		try (Stream<Path> all = Files.walk(root)) {
			all.forEach(p -> m.put(root.relativize(p).toString(), describe(p)));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return new FolderSnapshot(root, m);
	}

	/** Fails unless the folder holds exactly what it held when the snapshot was taken. */
	public void assertUnchanged() {
		assertEquals(entries, of(root).entries, "files under " + root + " changed");
	}

	private static String describe(Path p) {
		try {
			if (Files.isSymbolicLink(p)) return "link to " + Files.readSymbolicLink(p);
			if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) return "folder";
			if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) return "special";
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
