package io.github.neuralstyle.weights;

import static io.github.neuralstyle.weights.ReaderAssertions.assertInvalid;
import static io.github.neuralstyle.weights.ReaderAssertions.assertSameTensors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.neuralstyle.engine.network.VggWeights;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cached files that go bad, progress and timeouts on slow servers, concurrent requests, and specs. */
class CacheAndConcurrencyTest {

	@TempDir
	Path tmp;

	private DownloadFixture f;

	@BeforeEach
	void start() throws IOException {
		f = new DownloadFixture(tmp.resolve("cache"));
	}

	@AfterEach
	void stop() {
		f.close();
	}

	private static void flipByte(Path file, long position) throws IOException {
		byte[] b = Files.readAllBytes(file);
		b[(int) position] ^= 0x40;
		Files.write(file, b);
	}

	@Test
	void corruptedCachedKerasFileIsReportedAndFetchedAgain() throws IOException {
		Path cached = f.cacheDir.resolve(f.kerasSource.fileName());
		f.provider().obtain(f.kerasSource, f.listener);
		flipByte(cached, Files.size(cached) - 100);
		assertSameTensors(f.kerasWeights, f.provider().obtain(f.kerasSource, f.listener));
		assertEquals(2, f.kerasResource.bodyRequests());
		assertTrue(f.statuses.stream().anyMatch(s -> s.contains("damaged") && s.contains("sha256")), f.statuses.toString());
	}

	@Test
	void corruptedCachedSafetensorsFileFailsItsRecordedSha256() throws IOException {
		Path cached = f.cacheDir.resolve(f.safetensorsSource.fileName());
		f.provider().obtain(f.safetensorsSource, f.listener);
		// A flipped bit inside a weight keeps the structure valid: only the recorded hash catches it.
		flipByte(cached, Files.size(cached) - 10);
		assertSameTensors(f.torchWeights, f.provider().obtain(f.safetensorsSource, f.listener));
		assertTrue(f.statuses.stream().anyMatch(s -> s.contains("sha256")), f.statuses.toString());
		assertEquals(6, f.safetensorsResource.ranges().size());
	}

	@Test
	void corruptedCacheWhileOfflineNamesBothProblems() throws IOException {
		Path cached = f.cacheDir.resolve(f.kerasSource.fileName());
		f.provider().obtain(f.kerasSource, f.listener);
		flipByte(cached, 200);
		f.kerasResource.status(503, 100);
		WeightsUnavailableException e = assertThrows(WeightsUnavailableException.class,
			() -> f.provider().obtain(f.kerasSource, f.listener));
		assertTrue(e.getMessage().contains("cached copy was unusable"), e.getMessage());
		assertTrue(e.getMessage().contains(cached.toString()), e.getMessage());
		assertTrue(e.getMessage().contains("HTTP 503"), e.getMessage());
	}

	@Test
	void fileAPersonPutInTheCacheIsUsedWithoutNetwork() throws IOException {
		Files.createDirectories(f.cacheDir);
		Files.write(f.cacheDir.resolve(f.kerasSource.fileName()), f.keras);
		f.kerasResource.status(404, 100);
		assertSameTensors(f.kerasWeights, f.provider().obtain(f.kerasSource, f.listener));
		assertEquals(0, f.kerasResource.ranges().size());
	}

	@Test
	void slowServerReportsProgressWithRate() throws IOException {
		f.kerasResource.slow(16 * 1024, 15);
		f.provider().obtain(f.kerasSource, f.listener);
		List<DownloadFixture.Event> events = f.events;
		assertTrue(events.size() >= 3, "only " + events.size() + " progress events");
		long previous = -1;
		for (DownloadFixture.Event e : events) {
			assertTrue(e.bytes >= previous, "bytes went backwards");
			assertEquals(f.keras.length, e.total);
			previous = e.bytes;
		}
		DownloadFixture.Event last = events.get(events.size() - 1);
		assertEquals(f.keras.length, last.bytes);
		assertTrue(last.rate > 0 && last.rate < 100e6, "rate " + last.rate);
	}

	@Test
	void stalledServerTimesOut() {
		f.kerasResource.stall(5_000);
		Downloader.Options quick = DownloadFixture.options().timeouts(1_000, 300).attempts(2, 10);
		long t0 = System.nanoTime();
		WeightsUnavailableException e = assertThrows(WeightsUnavailableException.class,
			() -> f.provider(quick).obtain(f.kerasSource, f.listener));
		double seconds = (System.nanoTime() - t0) / 1e9;
		assertTrue(e.getMessage().contains("timed out"), e.getMessage());
		assertTrue(seconds < 3, "took " + seconds + " s");
	}

	@Test
	void concurrentRequestsDownloadOnce() throws Exception {
		f.kerasResource.slow(32 * 1024, 10);
		int n = 4;
		ExecutorService pool = Executors.newFixedThreadPool(n);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<VggWeights>> results = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				// Separate providers, as separate plugin runs would have.
				DefaultWeightsProvider provider = f.provider();
				results.add(pool.submit(() -> {
					go.await();
					return provider.obtain(f.kerasSource, DownloadListener.NONE);
				}));
			}
			go.countDown();
			for (Future<VggWeights> r : results) assertSameTensors(f.kerasWeights, r.get(20, TimeUnit.SECONDS));
		}
		finally {
			pool.shutdownNow();
		}
		assertEquals(1, f.kerasResource.bodyRequests());
	}

	@Test
	void specIsAModelIdOrAFile() throws IOException {
		DefaultWeightsProvider p = f.provider();
		assertInvalid(() -> p.obtain("no-such-model-or-file", f.listener), "vgg19-caffe", "vgg16-caffe", "vgg19-torchvision");
		assertInvalid(() -> p.obtain(tmp.resolve("vgg19.pth").toString(), f.listener), "runs code");
		Path local = tmp.resolve("mine.safetensors");
		Files.write(local, f.safetensors);
		assertSameTensors(f.torchWeights, p.obtain(local.toString(), f.listener));
		// A model id uses the cache: a file placed there (named as the docs say) is used offline,
		// and verified: our narrow synthetic network is not taken for the real VGG19.
		Path placed = f.cacheDir.resolve(Model.VGG19_TORCHVISION.source().fileName());
		Files.createDirectories(f.cacheDir);
		Files.write(placed, f.safetensors);
		// It was not downloaded by us, so it is reported and left alone, not replaced.
		assertInvalid(() -> p.obtain("VGG19_TORCHVISION", f.listener), "output channels", placed.toString(), "left as it is");
		assertTrue(Files.exists(placed));
	}

	@Test
	void aFileAPersonPutInTheCacheIsUsedAsALocalFileWithoutARecord() throws IOException {
		Path placed = f.cacheDir.resolve(f.safetensorsSource.fileName());
		Files.createDirectories(f.cacheDir);
		Files.write(placed, f.safetensors);
		VggWeights w = f.provider().obtain(f.safetensorsSource, f.listener);
		assertSameTensors(f.torchWeights, w);
		assertTrue(w.description().startsWith("local file " + placed), w.description());
		assertEquals(0, f.safetensorsResource.ranges().size());
		assertFalse(Files.exists(Provenance.recordOf(placed)));
	}

	@Test
	void lineListenerFormatsProgress() {
		List<String> lines = new ArrayList<>();
		DownloadListener l = DownloadListener.lines(lines::add);
		l.progress("u", 12_300_000, 80_100_000, 5_200_000);
		l.progress("u", 12_400_000, 80_100_000, 5_200_000);
		l.progress("u", 80_100_000, 80_100_000, 5_000_000);
		l.status("hello");
		assertEquals(List.of("Downloading weights: 12.3 of 80.1 MB (5.2 MB/s)", "Downloading weights: 80.1 of 80.1 MB (5.0 MB/s)",
			"hello"), lines);
	}
}
