package io.github.neuralstyle.updatesite;

import io.github.neuralstyle.updatesite.UpdateSiteGenerator.SiteFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Command line of the update-site generator, run by {@code mvn -Pupdate-site package}:
 * <pre>
 * Main [--site DIR] [--jar FILE]... [--deps DIR] [--file SRC=DEST]... [--timestamp yyyyMMddHHmmss]
 * </pre>
 * {@code --jar} and the jars in {@code --deps} go to {@code jars/<name>}; jars Fiji already
 * ships are skipped, and a native libtorch jar is refused (it would force CPU everywhere).
 */
public final class Main {

	/** Jars Fiji itself ships (or that must never be shipped by us): matched on the file name. */
	static final Pattern FIJI_PROVIDES = Pattern.compile("(ij|scijava-common|parsington|imglib2|gson|jna|jna-platform"
		+ "|commons-[a-z0-9-]+|slf4j-[a-z0-9-]+|lz4-java|junit.*|opentest4j|apiguardian-api)-\\d.*\\.jar");

	/** Native libtorch bundles: DJL downloads the one matching the machine instead. */
	static final Pattern NATIVE_TORCH = Pattern.compile("pytorch-native-.*\\.jar");

	private Main() {}

	/** Generates the site; exits with status 2 on bad arguments. */
	public static void main(String[] args) throws IOException {
		try {
			run(args);
		} catch (IllegalArgumentException e) {
			System.err.println("update-site: " + e.getMessage());
			System.exit(2);
		}
	}

	/** Parses the arguments, selects the jars and generates the site; returns what was published. */
	public static List<SiteFile> run(String... args) throws IOException {
		Path site = Paths.get("update-site");
		Long timestamp = null;
		List<SiteFile> files = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			String value = i + 1 < args.length ? args[i + 1] : null;
			if (value == null) throw new IllegalArgumentException("missing value after " + args[i]);
			switch (args[i++]) {
				case "--site" -> site = Paths.get(value);
				case "--timestamp" -> timestamp = parseTimestamp(value);
				case "--jar" -> addJar(files, Paths.get(value));
				case "--deps" -> {
					try (Stream<Path> s = Files.list(Paths.get(value))) {
						for (Path p : s.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) addJar(files, p);
					}
				}
				case "--file" -> {
					int eq = value.indexOf('=');
					if (eq <= 0) throw new IllegalArgumentException("--file wants SRC=DEST, got " + value);
					files.add(new SiteFile(Paths.get(value.substring(0, eq)), value.substring(eq + 1)));
				}
				default -> throw new IllegalArgumentException("unknown option " + args[i - 1]);
			}
		}
		if (files.isEmpty()) throw new IllegalArgumentException("nothing to publish: give --jar, --deps or --file");
		UpdateSiteGenerator.generate(site, files, timestamp);
		for (SiteFile f : files) System.out.println("published " + f.destination());
		System.out.println("wrote " + site.resolve(SiteDatabase.FILE_NAME));
		return files;
	}

	private static void addJar(List<SiteFile> files, Path jar) {
		String name = jar.getFileName().toString();
		if (NATIVE_TORCH.matcher(name).matches()) {
			throw new IllegalArgumentException(name + " must not be shipped: DJL downloads the libtorch matching the machine");
		}
		if (FIJI_PROVIDES.matcher(name).matches()) {
			System.out.println("skipped " + name + " (Fiji ships it)");
			return;
		}
		if (!Files.isRegularFile(jar)) throw new IllegalArgumentException("no such jar: " + jar);
		files.add(new SiteFile(jar, "jars/" + name));
	}

	private static long parseTimestamp(String s) {
		if (!s.matches("\\d{14}")) throw new IllegalArgumentException("timestamp must be yyyyMMddHHmmss: " + s);
		return Long.parseLong(s);
	}
}
