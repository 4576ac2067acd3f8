package io.github.neuralstyle.updatesite;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Builds small jars for the tests, and checksums them the plain way, independently of production code. */
final class TestJars {

	private TestJars() {}

	/** Writes a jar with the entries in the given order, all dated {@code time}; a null value is a directory. */
	static Path jar(Path file, LocalDateTime time, Map<String, String> entries) throws IOException {
		Files.createDirectories(file.getParent());
		try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
			for (Map.Entry<String, String> e : entries.entrySet()) {
				ZipEntry entry = new ZipEntry(e.getKey());
				entry.setTimeLocal(time);
				zip.putNextEntry(entry);
				if (e.getValue() != null) zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return file;
	}

	/** A typical Maven-built jar: manifest, pom.properties with its date comment, a class, a directory. */
	static Path mavenJar(Path file, LocalDateTime time, String version, String classBody) throws IOException {
		Map<String, String> m = new LinkedHashMap<>();
		m.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nCreated-By: Maven JAR Plugin\nBuild-Jdk-Spec: 17\n"
			+ "Implementation-Version: " + version + "\nBuilt-At: " + time + "\n");
		m.put("io/", null);
		m.put("io/x/Thing.class", classBody);
		m.put("META-INF/maven/io.x/thing/pom.properties", "#Created by Apache Maven\n#" + time
			+ "\nartifactId=thing\ngroupId=io.x\nversion=" + version + "\n");
		m.put("README.txt", "# not a properties file: comment kept\n");
		return jar(file, time, m);
	}

	/**
	 * The updater's jar checksum computed straightforwardly: SHA-1 over entries sorted by name,
	 * each its ASCII name then content; the manifest's content is left out, and .properties
	 * content goes through {@link #propertiesFilter}.
	 */
	static String expectedJarChecksum(Path jar) throws Exception {
		MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			List<String> names = new ArrayList<>();
			zip.stream().forEach(e -> names.add(e.getName()));
			Collections.sort(names);
			for (String name : names) {
				sha1.update(name.getBytes(StandardCharsets.US_ASCII));
				if (name.equals("META-INF/MANIFEST.MF")) continue;
				String content = new String(zip.getInputStream(zip.getEntry(name)).readAllBytes(), StandardCharsets.ISO_8859_1);
				if (name.endsWith(".properties")) content = propertiesFilter(content);
				sha1.update(content.getBytes(StandardCharsets.ISO_8859_1));
			}
		}
		return hex(sha1.digest());
	}

	/**
	 * The updater's .properties filter, line by line: while "armed" (at the start, and after a
	 * line feed that was not itself the first character of a line) a line starting with '#' is
	 * replaced by its bare line feed. Quirks kept: a lone empty line disarms, and so does a
	 * line made only of '#'.
	 */
	static String propertiesFilter(String text) {
		StringBuilder out = new StringBuilder();
		boolean armed = true;
		int start = 0;
		while (start < text.length()) {
			int nl = text.indexOf('\n', start);
			String line = nl < 0 ? text.substring(start) : text.substring(start, nl + 1);
			start += line.length();
			boolean hasNewline = line.endsWith("\n");
			if (armed && line.startsWith("#")) {
				if (hasNewline) out.append('\n');
				String rest = line.replaceFirst("^#+", "");
				armed = !rest.equals("\n");
			} else if (armed && line.equals("\n")) {
				out.append(line);
				armed = false;
			} else {
				out.append(line);
				armed = hasNewline;
			}
		}
		return out.toString();
	}

	static String hex(byte[] bytes) {
		StringBuilder sb = new StringBuilder();
		for (byte b : bytes) sb.append(String.format("%02x", b));
		return sb.toString();
	}
}
