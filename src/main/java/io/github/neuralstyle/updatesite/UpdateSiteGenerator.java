package io.github.neuralstyle.updatesite;

import io.github.neuralstyle.updatesite.SiteDatabase.Record;
import io.github.neuralstyle.updatesite.SiteDatabase.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Publishes files into a Fiji update site folder: each file is stored as
 * {@code <destination>-<yyyyMMddHHmmss>} and recorded in {@code db.xml.gz}. The existing index
 * is read first, so every older version stays listed as {@code <previous-version>} (installed
 * copies then show as "update available", not "locally modified"); files no longer published
 * become obsolete (the updater offers to remove them). Unchanged files keep their record, so
 * regenerating from identical inputs writes identical bytes. Wall-clock time is never used.
 */
public final class UpdateSiteGenerator {

	/** Platform folders the updater recognises under jars/, lib/ and mm/. */
	static final Set<String> PLATFORMS = Set.of("linux32", "linux64", "linux-arm64", "macosx", "macos64",
		"macos-arm64", "tiger", "win32", "win64", "win-arm64");

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

	/** A local file and its path inside Fiji.app, e.g. {@code jars/neural-style-fiji-0.1.0.jar}. */
	public record SiteFile(Path file, String destination) {}

	private UpdateSiteGenerator() {}

	/**
	 * Publishes {@code files} into {@code siteDir} and rewrites its index. {@code timestamp}
	 * (yyyyMMddHHmmss) dates the new versions; null takes the newest content date among all
	 * the files (see {@link #timestampOf}), i.e. the build time of the newest jar: dependency
	 * jars built reproducibly carry 1980 dates, so they must not be dated by themselves.
	 */
	public static SiteDatabase generate(Path siteDir, List<SiteFile> files, Long timestamp) throws IOException {
		Files.createDirectories(siteDir);
		SiteDatabase db = SiteDatabase.read(siteDir);
		List<SiteFile> sorted = new ArrayList<>(files);
		sorted.sort(Comparator.comparing(SiteFile::destination));
		if (timestamp == null) {
			long release = 0;
			for (SiteFile f : sorted) release = Math.max(release, timestampOf(f.file()));
			timestamp = release;
		}
		Set<String> published = new HashSet<>();
		for (SiteFile f : sorted) {
			String dest = checkDestination(f.destination());
			String key = SiteDatabase.unversioned(dest);
			if (!published.add(key)) throw new IllegalArgumentException("two files would be versions of " + key);
			String checksum = UpdaterChecksum.of(dest, f.file());
			Record r = db.getOrCreate(key);
			if (r.current != null && r.current.checksum().equals(checksum) && dest.equals(r.filename)) {
				store(siteDir, dest, r.current.timestamp(), f.file()); // restores a missing copy
				continue;
			}
			long ts = timestamp;
			if (r.current != null) {
				if (ts <= r.current.timestamp()) {
					throw new IllegalArgumentException(dest + ": new version dated " + ts
						+ " is not newer than the published " + r.current.timestamp());
				}
				r.previous.add(new Version(r.current.checksum(), r.current.timestamp(), 0, r.filename, ts));
			}
			r.filename = dest;
			r.current = new Version(checksum, ts, Files.size(f.file()), dest, 0);
			r.platforms.clear();
			String platform = platformOf(dest);
			if (platform != null) r.platforms.add(platform);
			store(siteDir, dest, ts, f.file());
		}
		long obsoleteAt = timestamp;
		for (Record r : db.records()) {
			if (r.current == null || published.contains(SiteDatabase.unversioned(r.filename))) continue;
			r.previous.add(new Version(r.current.checksum(), r.current.timestamp(), 0, r.filename,
				Math.max(obsoleteAt, r.current.timestamp())));
			r.current = null;
		}
		Files.write(siteDir.resolve(SiteDatabase.FILE_NAME), db.toGzip());
		return db;
	}

	/** The platform a file is tagged with: the folder after jars/, lib/ or mm/, if a known platform. */
	public static String platformOf(String destination) {
		String[] parts = destination.split("/");
		if (parts.length < 3 || !Arrays.asList("jars", "lib", "mm").contains(parts[0])) return null;
		String p = parts[1].equals("linux") ? "linux32" : parts[1];
		return PLATFORMS.contains(p) ? p : null;
	}

	/**
	 * The date of a file's content: for a jar its newest entry (the entry's own date and time
	 * fields, no time-zone arithmetic), for anything else its modification time in UTC.
	 */
	public static long timestampOf(Path file) throws IOException {
		LocalDateTime newest = null;
		if (file.getFileName().toString().endsWith(".jar")) {
			try (JarFile jar = new JarFile(file.toFile(), false)) {
				for (JarEntry e : Collections.list(jar.entries())) {
					LocalDateTime t = e.getTimeLocal();
					if (t != null && (newest == null || t.isAfter(newest))) newest = t;
				}
			}
		}
		if (newest == null) newest = LocalDateTime.ofInstant(Files.getLastModifiedTime(file).toInstant(), ZoneOffset.UTC);
		return Long.parseLong(newest.format(STAMP));
	}

	private static String checkDestination(String dest) {
		if (dest.isEmpty() || dest.startsWith("/") || dest.contains("\\") || dest.endsWith("/")
			|| Arrays.asList(dest.split("/")).stream().anyMatch(s -> s.isEmpty() || s.equals(".") || s.equals(".."))) {
			throw new IllegalArgumentException("not a relative path inside Fiji.app: " + dest);
		}
		return dest;
	}

	/** Copies a file to {@code <dest>-<timestamp>}; an existing copy must be the same bytes. */
	private static void store(Path siteDir, String dest, long ts, Path source) throws IOException {
		Path target = siteDir.resolve(dest + "-" + ts);
		if (Files.exists(target)) {
			if (Files.mismatch(target, source) == -1) return;
			if (UpdaterChecksum.of(dest, target).equals(UpdaterChecksum.of(dest, source))) return;
			throw new IOException(target + " is already published with other content");
		}
		Files.createDirectories(target.getParent());
		Files.copy(source, target);
	}
}
