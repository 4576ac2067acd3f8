package io.github.neuralstyle.weights;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The folder where downloaded weights are kept. In order: system property
 * {@value #PROPERTY}; environment variable {@value #ENV}; inside Fiji
 * {@code <Fiji>/models/neural-style} (if it can be written); {@code $XDG_CACHE_HOME/neural-style};
 * {@code ~/.cache/neural-style}.
 */
public final class WeightsCache {

	/** System property that sets the cache folder. */
	public static final String PROPERTY = "neuralstyle.cache.dir";

	/** Environment variable that sets the cache folder. */
	public static final String ENV = "NEURAL_STYLE_CACHE";

	private final Path folder;

	/** A cache in {@code folder}. */
	public WeightsCache(Path folder) {
		this.folder = folder.toAbsolutePath().normalize();
	}

	/** The cache of this JVM, resolved from its system properties and environment. */
	public static WeightsCache standard() {
		return new WeightsCache(resolve(System::getProperty, System::getenv, WeightsCache::writable));
	}

	/**
	 * The cache folder for the given properties and environment (a pure function, for tests).
	 *
	 * @param properties system property lookup
	 * @param env environment lookup
	 * @param usable whether a Fiji models folder can be used (created and written)
	 */
	public static Path resolve(Function<String, String> properties, Function<String, String> env, Predicate<Path> usable) {
		String explicit = nonBlank(properties.apply(PROPERTY));
		if (explicit == null) explicit = nonBlank(env.apply(ENV));
		if (explicit != null) return Paths.get(explicit);
		for (String key : new String[] { "fiji.dir", "imagej.dir" }) {
			String fiji = nonBlank(properties.apply(key));
			if (fiji != null) {
				Path inFiji = Paths.get(fiji, "models", "neural-style");
				if (usable.test(inFiji)) return inFiji;
				break;
			}
		}
		// XDG says a relative XDG_CACHE_HOME is invalid and must be ignored.
		String xdg = nonBlank(env.apply("XDG_CACHE_HOME"));
		if (xdg != null && Paths.get(xdg).isAbsolute()) return Paths.get(xdg, "neural-style");
		return Paths.get(properties.apply("user.home"), ".cache", "neural-style");
	}

	/** The folder. */
	public Path folder() {
		return folder;
	}

	/** Where the file of {@code source} is kept. */
	public Path file(WeightsSource source) {
		return folder.resolve(source.fileName());
	}

	private static String nonBlank(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

	/** Whether {@code dir} exists or can be created, and is writable (a read-only Fiji install is not). */
	static boolean writable(Path dir) {
		try {
			Files.createDirectories(dir);
			return Files.isWritable(dir);
		}
		catch (IOException | SecurityException e) {
			return false;
		}
	}
}
