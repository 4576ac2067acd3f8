package io.github.neuralstyle.weights;

import static io.github.neuralstyle.weights.ReaderAssertions.assertSameTensors;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.neuralstyle.engine.network.InputConvention;
import io.github.neuralstyle.engine.network.VggWeights;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads against the loopback server: whole files, ranges, resumption, and failures. */
class DownloadTest {

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

	private Path cached(WeightsSource s) {
		return f.cacheDir.resolve(s.fileName());
	}

	@Test
	void downloadsWholeKerasFileVerifiesAndCachesIt() throws IOException {
		VggWeights w = f.provider().obtain(f.kerasSource, f.listener);
		assertEquals(InputConvention.CAFFE, w.convention());
		assertSameTensors(f.kerasWeights, w);
		assertArrayEquals(f.keras, Files.readAllBytes(cached(f.kerasSource)));
		assertFalse(Files.exists(cached(f.kerasSource).resolveSibling(f.kerasSource.fileName() + ".part")));
		assertEquals(1, f.kerasResource.bodyRequests());
		// Second time from the cache, no request.
		assertSameTensors(f.kerasWeights, f.provider().obtain(f.kerasSource, f.listener));
		assertEquals(1, f.kerasResource.ranges().size());
	}

	@Test
	void fetchesOnlyTheFeaturesBlockOfSafetensorsByRange() throws IOException {
		VggWeights w = f.provider().obtain(f.safetensorsSource, f.listener);
		assertEquals(InputConvention.TORCHVISION, w.convention());
		assertSameTensors(f.torchWeights, w);
		long start = f.safetensorsDataStart();
		long end = start + f.featureBytes();
		assertEquals(List.of("bytes=0-7", "bytes=8-" + (start - 1), "bytes=" + start + "-" + (end - 1)), f.safetensorsResource.ranges());
		long size = Files.size(cached(f.safetensorsSource));
		assertTrue(size < f.safetensors.length / 2, "cached " + size + " of " + f.safetensors.length);
		assertTrue(Files.exists(Provenance.recordOf(cached(f.safetensorsSource))));
		// The cached features-only file is itself a valid safetensors file, used without the network.
		assertSameTensors(f.torchWeights, WeightsFiles.read(cached(f.safetensorsSource)));
		f.provider().obtain(f.safetensorsSource, f.listener);
		assertEquals(3, f.safetensorsResource.ranges().size());
	}

	@Test
	void worksWithServersThatIgnoreRange() throws IOException {
		f.kerasResource.noRanges();
		f.safetensorsResource.noRanges();
		assertSameTensors(f.kerasWeights, f.provider().obtain(f.kerasSource, f.listener));
		assertSameTensors(f.torchWeights, f.provider().obtain(f.safetensorsSource, f.listener));
		assertTrue(Files.size(cached(f.safetensorsSource)) < f.safetensors.length / 2);
	}

	@Test
	void resumesAfterTheConnectionDropsMidBody() throws IOException {
		int half = f.keras.length / 2;
		f.kerasResource.dropAfter(half, 1);
		assertSameTensors(f.kerasWeights, f.provider().obtain(f.kerasSource, f.listener));
		List<String> ranges = f.kerasResource.ranges();
		assertEquals(2, ranges.size(), ranges.toString());
		// The retry asked only for what was missing (the client may have received a bit less than sent).
		long resumedAt = Long.parseLong(ranges.get(1).replaceAll("bytes=(\\d+)-", "$1"));
		assertTrue(resumedAt > 0 && resumedAt <= half, ranges.toString());
	}

	@Test
	void resumesTheFeaturesBlockAfterADrop() throws IOException {
		f.safetensorsResource.dropAfter(100_000, 1);
		assertSameTensors(f.torchWeights, f.provider().obtain(f.safetensorsSource, f.listener));
		List<String> ranges = f.safetensorsResource.ranges();
		assertEquals(4, ranges.size(), ranges.toString());
		long resumedAt = Long.parseLong(ranges.get(3).replaceAll("bytes=(\\d+)-\\d+", "$1"));
		assertTrue(resumedAt > f.safetensorsDataStart() && resumedAt <= f.safetensorsDataStart() + 100_000, ranges.toString());
	}

	@Test
	void resumesAPartLeftByAnEarlierRun() throws IOException {
		Path part = f.cacheDir.resolve(f.kerasSource.fileName() + ".part");
		Files.createDirectories(f.cacheDir);
		Files.write(part, Arrays.copyOf(f.keras, 1000));
		assertSameTensors(f.kerasWeights, f.provider().obtain(f.kerasSource, f.listener));
		assertEquals(List.of("bytes=1000-"), f.kerasResource.ranges());
	}

	@Test
	void aStalePartThatFailsVerificationIsFetchedAfresh() throws IOException {
		Path part = f.cacheDir.resolve(f.kerasSource.fileName() + ".part");
		Files.createDirectories(f.cacheDir);
		byte[] stale = Arrays.copyOf(f.keras, 1000);
		stale[500] ^= 1;
		Files.write(part, stale);
		assertSameTensors(f.kerasWeights, f.provider().obtain(f.kerasSource, f.listener));
		assertEquals(List.of("bytes=1000-", ""), f.kerasResource.ranges());
	}

	@Test
	void notFoundFailsAtOnceWithOneClearMessage() {
		f.kerasResource.status(404, 100);
		WeightsUnavailableException e = assertThrows(WeightsUnavailableException.class,
			() -> f.provider().obtain(f.kerasSource, f.listener));
		String m = e.getMessage();
		for (String part : new String[] { "HTTP 404", f.kerasSource.url().toString(), cached(f.kerasSource).toString(), "--weights FILE", "weights=FILE" }) {
			assertTrue(m.contains(part), "message lacks " + part + ": " + m);
		}
		assertEquals(1, f.kerasResource.ranges().size(), "a 404 is not retried");
		assertFalse(Files.exists(cached(f.kerasSource)));
	}

	@Test
	void serverErrorsAreRetriedThenReported() throws IOException {
		f.kerasResource.status(500, 1);
		assertSameTensors(f.kerasWeights, f.provider().obtain(f.kerasSource, f.listener));
		assertEquals(2, f.kerasResource.ranges().size());

		f.safetensorsResource.status(500, 100);
		WeightsUnavailableException e = assertThrows(WeightsUnavailableException.class,
			() -> f.provider().obtain(f.safetensorsSource, f.listener));
		assertTrue(e.getMessage().contains("HTTP 500"), e.getMessage());
		assertEquals(3, f.safetensorsResource.ranges().size(), "three attempts");
	}

	@Test
	void truncatedKerasFileFailsItsMd5AndLeavesNothing() throws IOException {
		f.kerasResource.body(Arrays.copyOf(f.keras, f.keras.length - 1000));
		WeightsUnavailableException e = assertThrows(WeightsUnavailableException.class,
			() -> f.provider().obtain(f.kerasSource, f.listener));
		assertTrue(e.getMessage().contains("md5"), e.getMessage());
		assertEquals(List.of(), listCache());
	}

	@Test
	void wrongMd5IsRefused() throws IOException {
		WeightsSource wrong = f.kerasSource.withMd5("0123456789abcdef0123456789abcdef");
		WeightsUnavailableException e = assertThrows(WeightsUnavailableException.class,
			() -> f.provider().obtain(wrong, f.listener));
		assertTrue(e.getMessage().contains("expected 0123456789abcdef0123456789abcdef"), e.getMessage());
		assertEquals(List.of(), listCache());
	}

	@Test
	void truncatedSafetensorsBodyIsReportedNotCached() throws IOException {
		f.safetensorsResource.body(Arrays.copyOf(f.safetensors, (int) f.safetensorsDataStart() + 5000));
		WeightsUnavailableException e = assertThrows(WeightsUnavailableException.class,
			() -> f.provider().obtain(f.safetensorsSource, f.listener));
		assertTrue(e.getMessage().contains("truncated"), e.getMessage());
		assertFalse(Files.exists(cached(f.safetensorsSource)));
	}

	@Test
	void featuresNotAtTheStartMeanTheWholeFile() throws IOException {
		byte[] reordered = io.github.neuralstyle.testsupport.WeightsFixtures.safetensors(f.torchWeights,
			io.github.neuralstyle.testsupport.WeightsFixtures.head(1000), true);
		f.safetensorsResource.body(reordered);
		assertSameTensors(f.torchWeights, f.provider().obtain(f.safetensorsSource, f.listener));
		assertArrayEquals(reordered, Files.readAllBytes(cached(f.safetensorsSource)));
		assertTrue(f.statuses.stream().anyMatch(s -> s.contains("whole file")), f.statuses.toString());
	}

	@Test
	void redirectsAreFollowedWithinLimits() throws IOException {
		f.server.redirect("/moved.h5", "/keras/vgg19_notop.h5");
		assertSameTensors(f.kerasWeights, f.provider().obtain(f.kerasSource.withUrl(f.server.url("/moved.h5")), f.listener));
		f.server.redirect("/loop", "/loop");
		WeightsUnavailableException e = assertThrows(WeightsUnavailableException.class,
			() -> f.provider().obtain(f.safetensorsSource.withUrl(f.server.url("/loop")), f.listener));
		assertTrue(e.getMessage().contains("redirects"), e.getMessage());
	}

	@Test
	void plainHttpIsRefusedByDefault() {
		WeightsUnavailableException e = assertThrows(WeightsUnavailableException.class,
			() -> f.provider(new Downloader.Options().attempts(1, 0)).obtain(f.kerasSource, f.listener));
		assertTrue(e.getMessage().contains("only HTTPS"), e.getMessage());
		assertEquals(0, f.kerasResource.ranges().size());
	}

	private List<String> listCache() throws IOException {
		try (java.util.stream.Stream<Path> s = Files.list(f.cacheDir)) {
			// Lock files are harmless leftovers; weights, parts and hashes must be gone.
			return s.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".lock")).sorted().collect(java.util.stream.Collectors.toList());
		}
	}
}
