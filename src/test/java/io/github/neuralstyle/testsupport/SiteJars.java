package io.github.neuralstyle.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The jars an update site publishes, taken from this build: our classes and the pom's update-site dependencies. */
public final class SiteJars {

	private SiteJars() {}

	/** Our classes as Maven packages them: {@code classesDir} (with META-INF/json) into one jar. */
	public static Path projectJar(Path classesDir, Path jar) throws IOException {
		if (!Files.exists(classesDir.resolve("META-INF/json/org.scijava.plugin.Plugin"))) {
			throw new IllegalStateException("no plugin index in " + classesDir);
		}
		List<Path> files;
		try (Stream<Path> s = Files.walk(classesDir)) {
			files = s.filter(Files::isRegularFile).sorted().toList();
		}
		return writeJar(jar, classesDir, files);
	}

	/** The folder (or jar) a class was loaded from. */
	public static Path codeSource(Class<?> c) {
		try {
			return Paths.get(c.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The jars the pom's update-site profile copies (its includeArtifactIds), found on the test classpath. */
	public static List<Path> siteDependencies() throws IOException {
		String pom = Files.readString(Paths.get("pom.xml"));
		Matcher m = Pattern.compile("<includeArtifactIds>([^<]+)</includeArtifactIds>").matcher(pom);
		if (!m.find()) throw new IllegalStateException("pom.xml: no includeArtifactIds in the update-site profile");
		Set<String> wanted = new TreeSet<>(Arrays.asList(m.group(1).trim().split("\\s*,\\s*")));
		List<Path> jars = new ArrayList<>();
		Set<String> found = new TreeSet<>();
		for (Path jar : testClasspath()) {
			// Maven repository layout: .../<artifactId>/<version>/<artifactId>-<version>.jar
			String artifact = jar.getParent().getParent().getFileName().toString();
			if (wanted.contains(artifact) && found.add(artifact)) jars.add(jar);
		}
		if (!wanted.equals(found)) throw new IllegalStateException("update-site jars " + wanted + ", on classpath " + found);
		return jars;
	}

	/** The jars of the test JVM's classpath. */
	public static List<Path> testClasspath() {
		return Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
			.filter(e -> e.endsWith(".jar")).map(Paths::get).toList();
	}

	/** Writes {@code files} (under {@code root}) into a jar with a minimal manifest. */
	public static Path writeJar(Path jar, Path root, List<Path> files) throws IOException {
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
		try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os, manifest)) {
			for (Path f : files) {
				out.putNextEntry(new JarEntry(root.relativize(f).toString().replace('\\', '/')));
				Files.copy(f, out);
				out.closeEntry();
			}
		}
		return jar;
	}
}
