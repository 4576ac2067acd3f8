package io.github.neuralstyle.weights;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Hex digests of files. */
final class Checksums {

	private Checksums() {}

	/** The hex digest ("MD5", "SHA-256") of {@code file}. */
	static String hex(String algorithm, Path file) throws IOException {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance(algorithm);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(algorithm + " is required of every JVM", e);
		}
		byte[] buf = new byte[1 << 16];
		try (InputStream in = Files.newInputStream(file)) {
			for (int r; (r = in.read(buf)) > 0;) digest.update(buf, 0, r);
		}
		StringBuilder sb = new StringBuilder();
		for (byte b : digest.digest()) sb.append(String.format("%02x", b));
		return sb.toString();
	}
}
