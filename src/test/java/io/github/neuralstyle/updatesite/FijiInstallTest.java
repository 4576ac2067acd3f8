package io.github.neuralstyle.updatesite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.neuralstyle.files.ImageFiles;
import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.fiji.StyleTransferCommand;
import io.github.neuralstyle.testsupport.SiteJars;
import io.github.neuralstyle.testsupport.SyntheticVgg;
import io.github.neuralstyle.testsupport.WeightsFixtures;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The update site lacks nothing: a fake Fiji.app is laid out from a generated site's
 * db.xml.gz (each file copied from its timestamped name to its place, e.g. jars/), then a
 * fresh JVM whose classpath is exactly Fiji.app's jars plus the jars Fiji itself ships (ij,
 * scijava-common, parsington, imglib2, gson, jna, commons-*, slf4j, lz4, taken from our test
 * classpath) starts a SciJava context and runs the command headless on small images
 * ({@link FijiLaunch}). The site's dependency jars are those the pom's update-site profile
 * selects. One addition: the CPU libtorch jar (pytorch-native-cpu), because this test machine
 * is offline and DJL cannot download libtorch here; the site never ships it (a user's Fiji
 * downloads the build that fits the machine on first use).
 */
class FijiInstallTest {

	@TempDir
	Path tmp;

	@Test
	void commandRunsFromAFijiLaidOutFromTheSite() throws Exception {
		Path site = tmp.resolve("site");
		List<String> args = new ArrayList<>(List.of("--site", site.toString(), "--timestamp", "20261125120000",
			"--jar", projectJar(tmp.resolve("neural-style-fiji-0.1.0.jar")).toString()));
		for (Path dep : siteDependencies()) args.addAll(List.of("--jar", dep.toString()));
		Main.run(args.toArray(new String[0]));

		Path fiji = tmp.resolve("Fiji.app");
		List<String> installed = install(site, fiji);
		assertTrue(installed.contains("jars/neural-style-fiji-0.1.0.jar"), installed::toString);
		assertTrue(installed.stream().noneMatch(f -> f.contains("pytorch-native")), "libtorch is never shipped");

		List<Path> classpath = new ArrayList<>(jarsUnder(fiji));
		for (Path jar : testClasspath()) {
			String name = jar.getFileName().toString();
			if (Main.NATIVE_TORCH.matcher(name).matches() && name.contains("cpu")) classpath.add(jar); // offline machine
			else if (Main.FIJI_PROVIDES.matcher(name).matches() && !isTestLibrary(name)) classpath.add(jar);
		}
		classpath.add(launcherJar(tmp.resolve("launcher.jar")));

		// Both file formats: the Keras .h5 reader needs jhdf and its compression libraries.
		VggWeights small = SyntheticVgg.vgg19(16, 7);
		Path safetensors = tmp.resolve("vgg19-small.safetensors");
		Files.write(safetensors, WeightsFixtures.safetensors(small, Map.of(), false));
		Path h5 = tmp.resolve("vgg19-small.h5");
		WeightsFixtures.writeKeras(small, h5);
		Path out = Files.createDirectories(tmp.resolve("out"));
		String output = launch(classpath, out, safetensors, h5);

		assertTrue(output.contains("command from " + fiji.resolve("jars/neural-style-fiji-0.1.0.jar")), output);
		assertTrue(output.contains("djl from " + fiji.resolve("jars")), output);
		for (Path w : List.of(safetensors, h5)) {
			assertTrue(output.contains("styled 40x30 cells-styled-by-waves with " + w.getFileName()), output);
			assertEquals(40, ImageFiles.read(out.resolve(w.getFileName() + ".png")).width());
		}
	}

	private static List<Path> siteDependencies() throws IOException {
		return SiteJars.siteDependencies();
	}

	/** Copies every current file of the site's index to its place in {@code fiji}; returns their paths. */
	private static List<String> install(Path site, Path fiji) throws Exception {
		Files.createDirectories(fiji.resolve("plugins"));
		Element root;
		try (InputStream in = new GZIPInputStream(Files.newInputStream(site.resolve("db.xml.gz")))) {
			root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in).getDocumentElement();
		}
		List<String> files = new ArrayList<>();
		NodeList plugins = root.getElementsByTagName("plugin");
		for (int i = 0; i < plugins.getLength(); i++) {
			Element p = (Element) plugins.item(i);
			NodeList versions = p.getElementsByTagName("version");
			if (versions.getLength() == 0) continue; // obsolete
			NodeList platforms = p.getElementsByTagName("platform");
			if (platforms.getLength() > 0 && !platforms.item(0).getTextContent().equals("linux64")) continue;
			String file = p.getAttribute("filename");
			String stamp = ((Element) versions.item(0)).getAttribute("timestamp");
			Path target = fiji.resolve(file);
			Files.createDirectories(target.getParent());
			Files.copy(site.resolve(file + "-" + stamp), target);
			files.add(file);
		}
		return files;
	}

	/** Our classes as Maven packages them: target/classes (with META-INF/json) into one jar. */
	private static Path projectJar(Path jar) throws Exception {
		return SiteJars.projectJar(SiteJars.codeSource(StyleTransferCommand.class), jar);
	}

	/** FijiLaunch alone, so that none of our other test classes reach the fake Fiji. */
	private static Path launcherJar(Path jar) throws Exception {
		Path testClasses = SiteJars.codeSource(FijiLaunch.class);
		return SiteJars.writeJar(jar, testClasses,
			List.of(testClasses.resolve(FijiLaunch.class.getName().replace('.', '/') + ".class")));
	}

	private static String launch(List<Path> classpath, Path outDir, Path... weights) throws Exception {
		List<String> cp = classpath.stream().map(Path::toString).toList();
		List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
			"-Djava.awt.headless=true", "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=2",
			"-Djava.util.prefs.userRoot=" + outDir.resolve("prefs"),
			"-cp", String.join(java.io.File.pathSeparator, cp), FijiLaunch.class.getName(), outDir.toString()));
		for (Path w : weights) cmd.add(w.toString());
		Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
		byte[] bytes = p.getInputStream().readAllBytes();
		assertTrue(p.waitFor(2, TimeUnit.MINUTES), "fake Fiji did not finish");
		String output = new String(bytes, StandardCharsets.UTF_8);
		assertEquals(0, p.exitValue(), output);
		assertFalse(output.contains("ClassNotFoundException") || output.contains("NoClassDefFoundError"), output);
		return output;
	}

	private static List<Path> jarsUnder(Path dir) throws IOException {
		try (Stream<Path> s = Files.walk(dir)) {
			return s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
		}
	}

	private static List<Path> testClasspath() {
		return SiteJars.testClasspath();
	}

	private static boolean isTestLibrary(String jarName) {
		return jarName.matches("(junit|opentest4j|apiguardian).*");
	}
}
