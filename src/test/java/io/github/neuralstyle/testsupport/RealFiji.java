package io.github.neuralstyle.testsupport;

import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.updatesite.Main;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Assumptions;

/**
 * A real Fiji (ImageJ2 + imagej-legacy) for acceptance tests: the Fiji.app named by the
 * environment variable {@code FIJI_HOME} is copied to a temporary folder, our update site is
 * generated from this build (our classes and the pom's update-site jars) and installed there
 * by Fiji's own updater, and macros run through Fiji's own launcher, headless.
 * <p>
 * Offline, DJL cannot download libtorch: the CPU libtorch of the test classpath is unpacked
 * and named through {@code PYTORCH_LIBRARY_PATH}, as Fiji.app's README (step 4) describes.
 * Each launch gets its own preferences folder unless a test passes one, so values a run
 * remembers never leak into another test.
 */
public final class RealFiji {

	/** The environment variable naming a Fiji.app to test against. */
	public static final String HOME = "FIJI_HOME";

	/** Why acceptance tests are skipped without {@link #HOME}. */
	public static final String SKIPPED = "acceptance tests skipped: set " + HOME
		+ " to a Fiji.app (e.g. ../shared/fiji/Fiji.app; .ci/run does) to run the plugin inside a real Fiji";

	/** Seconds one launch may take before the test fails. */
	private static final long LAUNCH_SECONDS = 240;

	private final Path root;
	private final Path app;
	private final Path torch;
	private int launches;

	/** Paths of a small synthetic VGG19 in both formats Fiji users have: safetensors and Keras .h5. */
	public final Path safetensors, h5;

	private RealFiji(Path root) {
		this.root = root;
		this.app = root.resolve("Fiji.app");
		this.torch = root.resolve("libtorch");
		this.safetensors = root.resolve("vgg19-small.safetensors");
		this.h5 = root.resolve("vgg19-small.h5");
	}

	/**
	 * Copies {@code $FIJI_HOME} into {@code root} and installs the plugin there with Fiji's updater;
	 * skips the calling test (with the reason) when FIJI_HOME is not set.
	 */
	public static RealFiji install(Path root) throws Exception {
		String home = System.getenv(HOME);
		Assumptions.assumeTrue(home != null && !home.isBlank(), SKIPPED);
		Path source = Paths.get(home).toAbsolutePath();
		if (!Files.isDirectory(source.resolve("jars"))) {
			throw new IllegalStateException(HOME + "=" + home + ": not a Fiji.app (no jars/ folder)");
		}
		RealFiji fiji = new RealFiji(root);
		copyTree(source, fiji.app);
		Path site = fiji.generateSite();
		fiji.updater("add-update-site", "Neural Style", site.toUri().toString());
		fiji.updater("update");
		fiji.unpackLibtorch();
		VggWeights small = SyntheticVgg.vgg19(16, 7);
		Files.write(fiji.safetensors, WeightsFixtures.safetensors(small, Map.of(), false));
		WeightsFixtures.writeKeras(small, fiji.h5);
		return fiji;
	}

	private static RealFiji shared;

	/**
	 * One installation for every acceptance test of this JVM (installing takes ~30 s), in a
	 * temporary folder removed when the JVM exits; skips like {@link #install} without FIJI_HOME.
	 */
	public static synchronized RealFiji shared() throws Exception {
		if (shared != null) return shared;
		Path root = Files.createTempDirectory("real-fiji");
		Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(root)));
		shared = install(root);
		return shared;
	}

	/** The installed Fiji.app. */
	public Path app() {
		return app;
	}

	/** A fresh folder under the test's root. */
	public Path folder(String name) throws IOException {
		return Files.createDirectories(root.resolve(name + "-" + (++launches)));
	}

	/** Runs {@code ImageJ-linux64 --headless -batch <macro> <arg>} with fresh preferences. */
	public Launch batch(String macro, String arg) throws Exception {
		return batch(macro, arg, folder("prefs"));
	}

	/** Runs a headless batch macro with the given preferences folder (kept across launches). */
	public Launch batch(String macro, String arg, Path prefs) throws Exception {
		return batch(macro, arg, prefs, Map.of());
	}

	/** As {@link #batch(String, String, Path)} with {@code env} set in Fiji's environment (an empty value unsets it). */
	public Launch batch(String macro, String arg, Path prefs, Map<String, String> env) throws Exception {
		Path file = folder("macro").resolve("test.ijm");
		Files.writeString(file, macro);
		List<String> args = new ArrayList<>(List.of("--headless", "-batch", file.toString()));
		if (arg != null) args.add(arg);
		return launch(prefs, args, env);
	}

	/** Runs the launcher with {@code args} (after the JVM options) and the given preferences folder. */
	public Launch launch(Path prefs, List<String> args) throws Exception {
		return launch(prefs, args, Map.of());
	}

	/** As {@link #launch(Path, List)} with {@code extra} set in Fiji's environment (an empty value unsets it). */
	public Launch launch(Path prefs, List<String> args, Map<String, String> extra) throws Exception {
		List<String> cmd = new ArrayList<>();
		cmd.add(app.resolve("ImageJ-linux64").toString());
		cmd.add("-Dai.djl.pytorch.num_threads=2");
		cmd.addAll(args);
		ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).directory(root.toFile());
		Map<String, String> env = pb.environment();
		env.put("FIJI_JAVA_OPTS", "-Djava.util.prefs.userRoot=" + prefs);
		env.put("FIJI_MEM", "2g");
		env.put("PYTORCH_LIBRARY_PATH", torch.resolve("pytorch/cpu/linux-x86_64").toString());
		env.put("PYTORCH_VERSION", "2.7.1");
		env.put("PYTORCH_FLAVOR", "cpu");
		env.put("DJL_OFFLINE", "true");
		env.put("DJL_CACHE_DIR", root.resolve("djl-cache").toString());
		env.remove("DISPLAY");
		extra.forEach((k, v) -> {
			if (v.isEmpty()) env.remove(k);
			else env.put(k, v);
		});
		Process p = pb.start();
		byte[] out;
		try (InputStream in = p.getInputStream()) {
			out = in.readAllBytes();
		}
		if (!p.waitFor(LAUNCH_SECONDS, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			throw new AssertionError("Fiji did not finish in " + LAUNCH_SECONDS + " s: " + cmd);
		}
		return new Launch(p.exitValue(), new String(out, StandardCharsets.UTF_8));
	}

	/** What a launch printed (stdout and stderr together) and its exit code. */
	public record Launch(int exitCode, String output) {

		/** The lines that start with {@code prefix}, in order. */
		public List<String> lines(String prefix) {
			return output.lines().filter(l -> l.startsWith(prefix)).toList();
		}

		/** The text after {@code key} on the first line starting with it, or null. */
		public String value(String key) {
			return output.lines().filter(l -> l.startsWith(key)).map(l -> l.substring(key.length())).findFirst()
				.orElse(null);
		}

		@Override
		public String toString() {
			return "exit " + exitCode + ", output:\n" + output;
		}
	}

	private void updater(String... command) throws Exception {
		List<String> args = new ArrayList<>(List.of("--update"));
		args.addAll(List.of(command));
		Launch l = launch(root.resolve("prefs-updater"), args);
		if (l.exitCode() != 0) throw new IllegalStateException("updater " + String.join(" ", command) + ": " + l);
	}

	private Path generateSite() throws IOException {
		Path site = root.resolve("update-site");
		Path jar = SiteJars.projectJar(SiteJars.codeSource(Main.class), root.resolve("neural-style-fiji.jar"));
		List<String> args = new ArrayList<>(List.of("--site", site.toString(), "--jar", jar.toString()));
		for (Path dep : SiteJars.siteDependencies()) args.addAll(List.of("--jar", dep.toString()));
		Main.run(args.toArray(new String[0]));
		return site;
	}

	/** Unpacks the CPU libtorch jar of the test classpath (Fiji.app README, step 4). */
	private void unpackLibtorch() throws IOException {
		Path jar = SiteJars.testClasspath().stream()
			.filter(p -> p.getFileName().toString().matches("pytorch-native-cpu-.*linux-x86_64\\.jar")).findFirst()
			.orElseThrow(() -> new IllegalStateException("no pytorch-native-cpu linux-x86_64 jar on the test classpath"));
		try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
			for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
				if (e.isDirectory() || !e.getName().startsWith("pytorch/")) continue;
				Path target = torch.resolve(e.getName()).normalize();
				if (!target.startsWith(torch)) continue;
				Files.createDirectories(target.getParent());
				Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
	}

	private static void deleteTree(Path root) {
		try (Stream<Path> s = Files.walk(root)) {
			for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
		}
		catch (IOException e) {
			// best effort at exit
		}
	}

	private static void copyTree(Path from, Path to) throws IOException {
		try (Stream<Path> s = Files.walk(from)) {
			for (Path p : s.toList()) {
				Path target = to.resolve(from.relativize(p).toString());
				if (Files.isDirectory(p)) Files.createDirectories(target);
				else Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
			}
		}
	}
}
