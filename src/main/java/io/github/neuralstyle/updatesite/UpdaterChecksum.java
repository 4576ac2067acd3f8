package io.github.neuralstyle.updatesite;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The checksums the Fiji updater (net.imagej.updater.util.UpdaterUtil#getDigest) records and
 * compares, reimplemented with the JDK so that installed copies match what we publish.
 * <ul>
 * <li>A {@code .jar}: SHA-1 over its entries sorted by name (String order); for each entry
 * its name in ASCII, then its content. Content of {@code *.properties} entries is filtered:
 * a line starting with {@code #} loses everything but its line feed (the updater's
 * SkipHashedLines). {@code META-INF/MANIFEST.MF} contributes no content at all: the updater
 * keeps only lines whose upper-cased form starts with "Main-Class:", which never happens.
 * Directory entries count with their name only.</li>
 * <li>Any other file: SHA-1 over its path relative to Fiji.app (ASCII), then its bytes.</li>
 * </ul>
 */
public final class UpdaterChecksum {

	static final String MANIFEST = "META-INF/MANIFEST.MF";

	private UpdaterChecksum() {}

	/** The updater's checksum of the file that will live at {@code path} inside Fiji.app. */
	public static String of(String path, Path file) throws IOException {
		if (path.endsWith(".jar")) return ofJar(file);
		MessageDigest sha1 = sha1();
		sha1.update(path.getBytes(StandardCharsets.US_ASCII));
		sha1.update(Files.readAllBytes(file));
		return hex(sha1.digest());
	}

	/** The updater's checksum of a jar: content-based, blind to manifest and properties comments. */
	public static String ofJar(Path jar) throws IOException {
		MessageDigest sha1 = sha1();
		try (JarFile jf = new JarFile(jar.toFile(), false)) {
			List<JarEntry> entries = new ArrayList<>(Collections.list(jf.entries()));
			entries.sort(Comparator.comparing(JarEntry::getName));
			for (JarEntry entry : entries) {
				String name = entry.getName();
				sha1.update(name.getBytes(StandardCharsets.US_ASCII));
				if (name.equals(MANIFEST)) continue;
				byte[] content;
				try (InputStream in = jf.getInputStream(entry)) {
					content = in.readAllBytes();
				}
				if (name.endsWith(".properties")) content = skipHashedLines(content);
				sha1.update(content);
			}
		}
		return hex(sha1.digest());
	}

	/**
	 * The updater's filter for .properties content, state for state: at a line start a
	 * {@code #} swallows the rest of the line but keeps its line feed; the character read
	 * right after a {@code #} is itself judged as a line start (so {@code ##x} is one comment,
	 * and a line feed directly after {@code #} ends the comment without re-arming it).
	 */
	static byte[] skipHashedLines(byte[] in) {
		return new HashFilter(in).run();
	}

	private static final class HashFilter {
		private final byte[] in;
		private int pos;
		private boolean atLineStart = true;

		HashFilter(byte[] in) {
			this.in = in;
		}

		byte[] run() {
			ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
			for (int ch = next(); ch >= 0; ch = next()) out.write(ch);
			return out.toByteArray();
		}

		private int next() {
			int ch = pos < in.length ? in[pos++] & 0xff : -1;
			if (atLineStart) {
				if (ch == '#') {
					do {
						ch = next();
					} while (ch != '\n' && ch != -1);
				} else {
					atLineStart = false;
				}
			} else if (ch == '\n') {
				atLineStart = true;
			}
			return ch;
		}
	}

	/** Lower-case hexadecimal, as in db.xml.gz. */
	static String hex(byte[] bytes) {
		StringBuilder sb = new StringBuilder(bytes.length * 2);
		for (byte b : bytes) sb.append(Character.forDigit((b >> 4) & 15, 16)).append(Character.forDigit(b & 15, 16));
		return sb.toString();
	}

	private static MessageDigest sha1() {
		try {
			return MessageDigest.getInstance("SHA-1");
		} catch (NoSuchAlgorithmException e) {
			throw new UncheckedIOException(new IOException("SHA-1 unavailable", e));
		}
	}
}
