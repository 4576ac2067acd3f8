package io.github.neuralstyle.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.testsupport.LoopbackServer;
import io.github.neuralstyle.testsupport.SyntheticVgg;
import io.github.neuralstyle.testsupport.WeightsFixtures;
import io.github.neuralstyle.weights.DefaultWeightsProvider;
import io.github.neuralstyle.weights.DownloadListener;
import io.github.neuralstyle.weights.Downloader;
import io.github.neuralstyle.weights.Model;
import io.github.neuralstyle.weights.WeightsCache;
import io.github.neuralstyle.weights.WeightsSource;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A loopback server serving a small synthetic torchvision VGG19 as safetensors, the
 * {@code vgg19-torchvision} source pointed at it, and a provider over a cache folder in a temp
 * dir; plus the checks every reliability case makes (message fragments, files unchanged).
 */
final class WeightsCacheFixture implements AutoCloseable {

	final Path cacheDir;
	final LoopbackServer server;
	final VggWeights weights = SyntheticVgg.vgg19(16, 21);
	final byte[] file = WeightsFixtures.safetensors(weights, WeightsFixtures.head(20_000), false);
	final LoopbackServer.Resource resource;
	final WeightsSource source;
	final List<String> statuses = new CopyOnWriteArrayList<>();
	final DownloadListener listener = new DownloadListener() {
		@Override
		public void status(String message) {
			statuses.add(message);
		}
	};

	WeightsCacheFixture(Path cacheDir) throws IOException {
		this.cacheDir = cacheDir;
		server = LoopbackServer.start();
		resource = server.serve("/timm/model.safetensors", file).etag("\"v1-abc\"");
		source = Model.VGG19_TORCHVISION.source().withUrl(server.url("/timm/model.safetensors")).anyWidth();
	}

	/** Loopback HTTP, short timeouts, 2 quick attempts. */
	static Downloader.Options options() {
		return new Downloader.Options().allowLoopbackHttp(true).timeouts(2_000, 1_000).attempts(2, 10);
	}

	DefaultWeightsProvider provider() {
		return provider(options(), Duration.ofSeconds(20));
	}

	DefaultWeightsProvider provider(Downloader.Options options, Duration lockPatience) {
		return new DefaultWeightsProvider(new WeightsCache(cacheDir), new Downloader(options), lockPatience);
	}

	/** Where the source's file is cached. */
	Path cached() {
		return cacheDir.resolve(source.fileName());
	}

	/** The download record beside the cached file. */
	Path record() {
		return cacheDir.resolve(source.fileName() + ".download.json");
	}

	@Override
	public void close() {
		server.close();
	}

	/** Asserts {@code call} throws {@code type} with every fragment in its message, and no JDK exception text; returns it. */
	static <T extends Throwable> T assertFails(Class<T> type, Executable call, String... fragments) {
		T e = assertThrows(type, call);
		String m = e.getMessage();
		for (String f : fragments) assertTrue(m.contains(f), "message lacks '" + f + "': " + m);
		assertCleanMessage(m);
		return e;
	}

	/** No class names, stack frames or "Exception" in a message meant for users. */
	static void assertCleanMessage(String m) {
		assertFalse(m.contains("Exception") || m.contains("\tat ") || m.contains("java.") || m.contains("Error:"),
			"message shows Java internals: " + m);
	}

	/** The sha256 of every file under {@code dir} by relative path: to check nothing changed. */
	static Map<String, String> snapshot(Path dir) throws IOException {
		Map<String, String> out = new TreeMap<>();
		if (!Files.exists(dir)) return out;
		try (Stream<Path> files = Files.walk(dir)) {
			for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) out.put(dir.relativize(p).toString(), sha256(p));
		}
		return out;
	}

	/** Asserts the files under {@code dir} are exactly those of an earlier snapshot. */
	static void assertUnchanged(Map<String, String> before, Path dir) throws IOException {
		assertEquals(before, snapshot(dir), "files under " + dir + " changed");
	}

	/** The sha256 of a file, computed here (not by the code under test). */
	static String sha256(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			MessageDigest d = MessageDigest.getInstance("SHA-256");
			byte[] buf = new byte[1 << 16];
			for (int r; (r = in.read(buf)) > 0;) d.update(buf, 0, r);
			return HexFormat.of().formatHex(d.digest());
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The fixture's source pointed at an address that does not serve it, with a provider allowed to try it. */
	static final class Offline {
		final WeightsSource source;
		final DefaultWeightsProvider provider;

		private Offline(WeightsSource source, DefaultWeightsProvider provider) {
			this.source = source;
			this.provider = provider;
		}

		/** Over HTTPS to {@code host} (e.g. a name under .invalid, which never resolves). */
		static Offline host(WeightsCacheFixture f, String host) {
			return url(f, "https://" + host + "/model.safetensors");
		}

		/** At {@code url}. */
		static Offline url(WeightsCacheFixture f, String url) {
			return new Offline(f.source.withUrl(java.net.URI.create(url)), f.provider());
		}
	}
}
