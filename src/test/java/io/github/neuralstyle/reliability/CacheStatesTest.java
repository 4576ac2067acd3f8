package io.github.neuralstyle.reliability;

import static io.github.neuralstyle.reliability.WeightsCacheFixture.assertFails;
import static io.github.neuralstyle.reliability.WeightsCacheFixture.assertUnchanged;
import static io.github.neuralstyle.reliability.WeightsCacheFixture.sha256;
import static io.github.neuralstyle.reliability.WeightsCacheFixture.snapshot;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.testsupport.WeightsFixtures;
import io.github.neuralstyle.weights.InvalidWeightsException;
import io.github.neuralstyle.weights.WeightsUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * States of the weights cache: what was downloaded is recorded and checked; a file someone else
 * put there is a "local file", never the named model, and is never deleted; damaged downloads
 * are replaced and say so; partial downloads never become cached files; an unwritable cache
 * names the folder and the way out.
 */
class CacheStatesTest {

	@TempDir
	Path tmp;

	private WeightsCacheFixture f;

	@BeforeEach
	void start() throws IOException {
		f = new WeightsCacheFixture(tmp.resolve("cache"));
	}

	@AfterEach
	void stop() {
		f.close();
	}

	private void place(byte[] bytes) throws IOException {
		Files.createDirectories(f.cacheDir);
		Files.write(f.cached(), bytes);
	}

	@Test
	void aDownloadRecordsWhatWasDownloadedAndFromWhere() throws IOException {
		VggWeights w = f.provider().obtain(f.source, f.listener);
		JsonObject r = JsonParser.parseString(Files.readString(f.record())).getAsJsonObject();
		assertEquals("vgg19-torchvision", r.get("model").getAsString());
		assertEquals(f.source.url().toString(), r.get("url").getAsString());
		assertEquals("\"v1-abc\"", r.get("etag").getAsString());
		assertEquals(Files.size(f.cached()), r.get("size").getAsLong());
		assertEquals(sha256(f.cached()), r.get("sha256").getAsString());
		assertTrue(w.description().startsWith("vgg19-torchvision (" + f.cached()), w.description());
		assertTrue(w.description().contains("downloaded from " + f.source.url()), w.description());
	}

	@Test
	void randomWeightsPutUnderThePretrainedNameAreReportedAsALocalFile() throws IOException {
		// Structurally valid, but not what the server has: the "random weights in the cache".
		byte[] random = WeightsFixtures.safetensors(io.github.neuralstyle.testsupport.SyntheticVgg.vgg19(16, 99), Map.of(), false);
		place(random);
		Map<String, String> before = snapshot(f.cacheDir);
		VggWeights w = f.provider().obtain(f.source, f.listener);
		assertTrue(w.description().startsWith("local file " + f.cached()), w.description());
		assertTrue(w.description().contains("not downloaded by Neural Style"), w.description());
		assertFalse(w.description().startsWith("vgg19-torchvision"), w.description());
		assertTrue(f.statuses.stream().anyMatch(s -> s.contains("delete that file")), f.statuses.toString());
		assertEquals(0, f.resource.ranges().size(), "the server was asked");
		// No record was made for it, so it stays a local file on every run; the lock file is the only addition.
		Map<String, String> after = snapshot(f.cacheDir);
		after.remove(f.source.fileName() + ".lock");
		assertEquals(before, after);
		assertTrue(f.provider().obtain(f.source, f.listener).description().startsWith("local file"));
	}

	@Test
	void aDownloadThatChangedSinceIsReplacedAndSaysSo() throws IOException {
		f.provider().obtain(f.source, f.listener);
		byte[] b = Files.readAllBytes(f.cached());
		b[b.length - 3] ^= 0x10;
		Files.write(f.cached(), b);
		VggWeights w = f.provider().obtain(f.source, f.listener);
		assertTrue(w.description().startsWith("vgg19-torchvision"), w.description());
		assertTrue(f.statuses.stream().anyMatch(s -> s.contains("damaged") && s.contains("sha256")
			&& s.contains("deletes them and downloads them again")), f.statuses.toString());
		assertEquals(sha256(f.cached()), JsonParser.parseString(Files.readString(f.record())).getAsJsonObject().get("sha256")
			.getAsString());
		assertFalse(Files.readAllBytes(f.cached())[b.length - 3] == b[b.length - 3]);
	}

	@Test
	void aDamagedRecordMeansDownloadAgain() throws IOException {
		f.provider().obtain(f.source, f.listener);
		Files.writeString(f.record(), "{\"model\": ");
		f.provider().obtain(f.source, f.listener);
		assertTrue(f.statuses.stream().anyMatch(s -> s.contains("download record") && s.contains("damaged")), f.statuses.toString());
		assertEquals(sha256(f.cached()), JsonParser.parseString(Files.readString(f.record())).getAsJsonObject().get("sha256")
			.getAsString());
	}

	@Test
	void aNanFileSomeonePutInTheCacheIsReportedEveryRunAndKept() throws IOException {
		place(WeightsFixtures.safetensors(WeightsFixtures.withValue(f.weights, "features.2.weight", 4, Float.NaN), Map.of(), false));
		Map<String, String> before = snapshot(f.cacheDir);
		for (int run = 0; run < 2; run++) {
			assertFails(InvalidWeightsException.class, () -> f.provider().obtain(f.source, f.listener), f.cached().toString(),
				"features.2.weight", "not finite", "did not download", "left as it is", "Delete or replace it", "--weights FILE");
		}
		assertEquals(0, f.resource.ranges().size(), "the server was asked");
		// The lock file (holding our process id) is the only addition.
		Map<String, String> after = snapshot(f.cacheDir);
		after.remove(f.source.fileName() + ".lock");
		assertEquals(before, after);
	}

	@Test
	void weightsWithNanFromTheServerNeverReachTheCache() throws IOException {
		f.resource.body(WeightsFixtures.safetensors(WeightsFixtures.withValue(f.weights, "features.0.bias", 0, Float.NaN),
			WeightsFixtures.head(100), false));
		assertFails(WeightsUnavailableException.class, () -> f.provider().obtain(f.source, f.listener), "features.0.bias",
			"not finite", "--weights FILE");
		assertFalse(Files.exists(f.cached()));
		assertFalse(Files.exists(f.record()));
		assertFalse(Files.exists(f.cacheDir.resolve(f.source.fileName() + ".part")));
	}

	@Test
	void aDroppedDownloadIsNeverTakenForAWholeOne() throws IOException {
		f.resource.dropAfter(5_000, 100);
		assertFails(WeightsUnavailableException.class, () -> f.provider().obtain(f.source, f.listener), "Connection closed after",
			f.cached().toString());
		assertFalse(Files.exists(f.cached()));
		assertFalse(Files.exists(f.record()));
		Path part = f.cacheDir.resolve(f.source.fileName() + ".part");
		assertTrue(Files.size(part) < Files.size(part) + 1 && Files.size(part) > 0, "part kept for resuming");
		// The next run resumes and finishes.
		f.resource.dropAfter(-1, 0);
		assertTrue(f.provider().obtain(f.source, f.listener).description().startsWith("vgg19-torchvision"));
	}

	@Test
	void aFileThatChangesOnTheServerMidDownloadIsNotPiecedTogether() throws IOException {
		f.resource.dropAfter(3_000, 1);
		// Between the dropped connection and the retry the server gets a new version of the file.
		java.util.concurrent.atomic.AtomicBoolean changed = new java.util.concurrent.atomic.AtomicBoolean();
		io.github.neuralstyle.weights.DownloadListener onRetry = new io.github.neuralstyle.weights.DownloadListener() {
			@Override
			public void status(String message) {
				f.statuses.add(message);
				if (message.contains("retrying") && !changed.getAndSet(true)) f.resource.etag("\"v2-def\"");
			}
		};
		assertFails(WeightsUnavailableException.class, () -> f.provider().obtain(f.source, onRetry), "changed on the server",
			"v1-abc", "v2-def");
		assertTrue(changed.get());
		assertFalse(Files.exists(f.cached()));
		assertFalse(Files.exists(f.cacheDir.resolve(f.source.fileName() + ".part")));
	}

	@Test
	void aPartLeftByAnEarlierRunOfAnotherVersionIsNotPiecedTogether() throws IOException {
		f.resource.dropAfter(5_000, 100);
		assertFails(WeightsUnavailableException.class, () -> f.provider().obtain(f.source, f.listener), "Connection closed");
		// Before the next run the server gets another version of the file, with the same layout.
		VggWeights newer = io.github.neuralstyle.testsupport.SyntheticVgg.vgg19(16, 22);
		f.resource.body(WeightsFixtures.safetensors(newer, WeightsFixtures.head(20_000), false)).etag("\"v2-def\"").dropAfter(-1, 0);
		VggWeights w = f.provider().obtain(f.source, f.listener);
		for (Map.Entry<String, io.github.neuralstyle.engine.network.FloatTensor> e : newer.tensors().entrySet()) {
			assertArrayEquals(e.getValue().data(), w.tensors().get(e.getKey()).data(), e.getKey());
		}
		assertTrue(f.statuses.stream().anyMatch(s -> s.contains("changed on the server since the partial download")), f.statuses.toString());
		assertEquals("\"v2-def\"", JsonParser.parseString(Files.readString(f.record())).getAsJsonObject().get("etag").getAsString());
		assertFalse(Files.exists(f.cacheDir.resolve(f.source.fileName() + ".part.etag")));
	}

	@Test
	void aCacheFolderThatCannotBeCreatedIsNamedWithTheFix() throws IOException {
		Path blocker = tmp.resolve("not-a-folder");
		Files.writeString(blocker, "a file where the cache folder should go");
		WeightsCacheFixture g = new WeightsCacheFixture(blocker.resolve("cache"));
		try (g) {
			Map<String, String> before = snapshot(tmp);
			assertFails(WeightsUnavailableException.class, () -> g.provider().obtain(g.source, g.listener),
				"weights cache folder " + g.cacheDir, "cannot be written", "NEURAL_STYLE_CACHE", "--weights FILE");
			assertEquals(0, g.resource.ranges().size());
			assertUnchanged(before, tmp);
		}
	}

	@Test
	void aReadOnlyEmptyCacheNamesTheFolderNotALockFile() throws IOException {
		Files.createDirectories(f.cacheDir);
		try (ReadOnlyFolder ro = ReadOnlyFolder.of(f.cacheDir)) {
			WeightsUnavailableException e = assertFails(WeightsUnavailableException.class,
				() -> f.provider().obtain(f.source, f.listener), "weights cache folder " + f.cacheDir + " cannot be written",
				"NEURAL_STYLE_CACHE", "--weights FILE");
			assertFalse(e.getMessage().startsWith(f.cacheDir.toString()), e.getMessage());
		}
		assertEquals(Map.of(), snapshot(f.cacheDir));
	}

	@Test
	void aReadOnlyCacheStillServesAVerifiedDownload() throws IOException {
		f.provider().obtain(f.source, f.listener);
		Files.delete(f.cacheDir.resolve(f.source.fileName() + ".lock"));
		Map<String, String> before = snapshot(f.cacheDir);
		try (ReadOnlyFolder ro = ReadOnlyFolder.of(f.cacheDir)) {
			VggWeights w = f.provider().obtain(f.source, f.listener);
			assertTrue(w.description().startsWith("vgg19-torchvision"), w.description());
		}
		assertUnchanged(before, f.cacheDir);
		assertEquals(3, f.resource.ranges().size(), "only the first run downloads");
	}

	@Test
	void aDamagedDownloadInAReadOnlyCacheIsReportedNotHalfRepaired() throws IOException {
		f.provider().obtain(f.source, f.listener);
		byte[] b = Files.readAllBytes(f.cached());
		b[b.length - 5] ^= 0x01;
		Files.write(f.cached(), b);
		Map<String, String> before = snapshot(f.cacheDir);
		try (ReadOnlyFolder ro = ReadOnlyFolder.of(f.cacheDir)) {
			// The lock file is still there and writable: the damage is found with the lock held, and cannot be repaired.
			assertFails(WeightsUnavailableException.class, () -> f.provider().obtain(f.source, f.listener),
				"weights cache folder " + f.cacheDir + " cannot be written", "NEURAL_STYLE_CACHE", "--weights FILE");
		}
		Map<String, String> after = snapshot(f.cacheDir);
		before.remove(f.source.fileName() + ".lock");
		after.remove(f.source.fileName() + ".lock");
		assertEquals(before, after);
	}

	@Test
	void unknownHostSaysNoInternetAndGivesUpAtOnce() throws IOException {
		WeightsCacheFixture.Offline offline = WeightsCacheFixture.Offline.host(f, "weights.invalid");
		long t0 = System.nanoTime();
		assertFails(WeightsUnavailableException.class, () -> offline.provider.obtain(offline.source, f.listener),
			"cannot resolve host weights.invalid", "no internet connection", "--weights FILE", offline.source.url().toString());
		assertTrue((System.nanoTime() - t0) / 1e9 < 8, "retried an unknown host");
		assertFalse(f.statuses.stream().anyMatch(s -> s.contains("retrying")), f.statuses.toString());
	}

	@Test
	void refusedConnectionIsNamedWithHostAndPort() throws IOException {
		int port;
		try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			port = s.getLocalPort();
		}
		WeightsCacheFixture.Offline closed = WeightsCacheFixture.Offline.url(f, "http://127.0.0.1:" + port + "/model.safetensors");
		assertFails(WeightsUnavailableException.class, () -> closed.provider.obtain(closed.source, f.listener),
			"connection to 127.0.0.1:" + port + " refused", "--weights FILE");
	}

	@Test
	void httpErrorStatusIsExplained() {
		f.resource.status(404, 100);
		assertFails(WeightsUnavailableException.class, () -> f.provider().obtain(f.source, f.listener), "HTTP 404",
			"no longer at that address", "--weights FILE");
	}

	@Test
	void aServerThatDoesNotAnswerTimesOutWithAMessage() {
		f.resource.stall(3_000);
		assertFails(WeightsUnavailableException.class, () -> f.provider(WeightsCacheFixture.options().timeouts(1_000, 300),
			java.time.Duration.ofSeconds(5)).obtain(f.source, f.listener), "no answer from 127.0.0.1 in time", "timed out");
	}

	@Test
	void theLocalFileOfAnotherProgramIsNotTouchedByADownload() throws IOException {
		// A user's own weights file, named on the command line, next to the cache: a download leaves it alone.
		Path mine = tmp.resolve("my-vgg19.safetensors");
		Files.write(mine, f.file);
		String sha = sha256(mine);
		f.provider().obtain(f.source, f.listener);
		assertEquals(sha, sha256(mine));
		assertArrayEquals(f.file, Files.readAllBytes(mine));
	}
}
