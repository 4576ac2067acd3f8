package io.github.neuralstyle.reliability;

import static io.github.neuralstyle.reliability.WeightsCacheFixture.assertFails;
import static io.github.neuralstyle.reliability.WeightsCacheFixture.assertUnchanged;
import static io.github.neuralstyle.reliability.WeightsCacheFixture.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.testsupport.LockHolder;
import io.github.neuralstyle.weights.DefaultWeightsProvider;
import io.github.neuralstyle.weights.WeightsUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs that meet at the weights cache: another process holding its lock (a real second JVM),
 * another run in this program downloading slowly or stuck. Waiting is announced with what is
 * waited for, and bounded: a holder that makes no progress is given up on with a message.
 */
class ConcurrencyTest {

	@TempDir
	Path tmp;

	private WeightsCacheFixture f;
	private ExecutorService pool;

	@BeforeEach
	void start() throws IOException {
		f = new WeightsCacheFixture(tmp.resolve("cache"));
		Files.createDirectories(f.cacheDir);
		pool = Executors.newFixedThreadPool(2);
	}

	@AfterEach
	void stop() throws InterruptedException {
		pool.shutdownNow();
		pool.awaitTermination(10, TimeUnit.SECONDS);
		f.close();
	}

	private Path lockFile() {
		return f.cacheDir.resolve(f.source.fileName() + ".lock");
	}

	private static void release(Process holder) throws IOException, InterruptedException {
		holder.getOutputStream().close();
		if (!holder.waitFor(10, TimeUnit.SECONDS)) holder.destroyForcibly();
	}

	@Test
	void anotherProcessHoldingTheLockIsNamedAndGivenUpOn() throws Exception {
		Process holder = LockHolder.start(lockFile());
		try {
			Map<String, String> before = snapshot(f.cacheDir);
			DefaultWeightsProvider p = f.provider(WeightsCacheFixture.options(), Duration.ofMillis(1500));
			long t0 = System.nanoTime();
			WeightsUnavailableException e = assertFails(WeightsUnavailableException.class, () -> p.obtain(f.source, f.listener),
				"Gave up after waiting 2 s", lockFile().toString(), "process " + holder.pid(), "LockHolder", "end it",
				"NEURAL_STYLE_CACHE", "--weights FILE");
			double seconds = (System.nanoTime() - t0) / 1e9;
			assertTrue(seconds >= 1.4 && seconds < 8, "gave up after " + seconds + " s: " + e.getMessage());
			assertTrue(f.statuses.stream().anyMatch(s -> s.startsWith("Waiting for process " + holder.pid())
				&& s.contains(lockFile().toString())), f.statuses.toString());
			assertEquals(0, f.resource.ranges().size(), "downloaded while another process held the lock");
			assertUnchanged(before, f.cacheDir);
		}
		finally {
			release(holder);
		}
	}

	@Test
	void aLockReleasedWhileWaitingIsTakenAndTheModelObtained() throws Exception {
		Process holder = LockHolder.start(lockFile());
		try {
			DefaultWeightsProvider p = f.provider(WeightsCacheFixture.options(), Duration.ofSeconds(20));
			Future<VggWeights> w = pool.submit(() -> p.obtain(f.source, f.listener));
			Thread.sleep(800);
			assertTrue(!w.isDone(), "did not wait for the lock");
			release(holder);
			assertTrue(w.get(20, TimeUnit.SECONDS).description().startsWith("vgg19-torchvision"));
			assertTrue(f.statuses.stream().anyMatch(s -> s.startsWith("Waiting for process " + holder.pid())), f.statuses.toString());
		}
		finally {
			release(holder);
		}
	}

	@Test
	void aSlowDownloadInThisProgramIsWaitedForWhileItProgresses() throws Exception {
		// About 1.5 s of download in 4 KB steps; the second run's patience is only 0.6 s without progress.
		f.resource.slow(4096, 20);
		Future<VggWeights> first = pool.submit(() -> f.provider().obtain(f.source, f.listener));
		while (!Files.exists(f.cacheDir.resolve(f.source.fileName() + ".part"))) Thread.sleep(5);
		VggWeights second = f.provider(WeightsCacheFixture.options(), Duration.ofMillis(600)).obtain(f.source, f.listener);
		assertTrue(second.description().startsWith("vgg19-torchvision"), second.description());
		assertTrue(first.get(20, TimeUnit.SECONDS).description().startsWith("vgg19-torchvision"));
		assertEquals(3, f.resource.ranges().size(), "downloaded twice: " + f.resource.ranges());
		assertTrue(f.statuses.stream().anyMatch(s -> s.startsWith("Waiting for another run in this program")), f.statuses.toString());
	}

	@Test
	void aStuckRunInThisProgramIsGivenUpOn() throws Exception {
		f.resource.stall(2_000);
		Future<VggWeights> first = pool.submit(() -> f.provider(WeightsCacheFixture.options().timeouts(2_000, 5_000),
			Duration.ofSeconds(20)).obtain(f.source, f.listener));
		while (f.resource.ranges().isEmpty()) Thread.sleep(5);
		long t0 = System.nanoTime();
		assertFails(WeightsUnavailableException.class, () -> f.provider(WeightsCacheFixture.options(), Duration.ofMillis(700))
			.obtain(f.source, f.listener), "Gave up after waiting 1 s", "another run in this program", f.source.id(),
			"--weights FILE");
		assertTrue((System.nanoTime() - t0) / 1e9 < 2.5, "waited too long");
		f.resource.stall(0);
		// The stuck run was only slow: it finishes, and the cache is whole.
		assertTrue(first.get(20, TimeUnit.SECONDS).description().startsWith("vgg19-torchvision"));
	}

	@Test
	void aRunCancelledWhileWaitingLeavesTheCacheFree() throws Exception {
		Process holder = LockHolder.start(lockFile());
		Future<VggWeights> waiting;
		try {
			DefaultWeightsProvider p = f.provider(WeightsCacheFixture.options(), Duration.ofSeconds(20));
			waiting = pool.submit(() -> p.obtain(f.source, f.listener));
			while (f.statuses.isEmpty()) Thread.sleep(5);
			waiting.cancel(true);
			Thread.sleep(300);
		}
		finally {
			release(holder);
		}
		assertThrows(java.util.concurrent.CancellationException.class, waiting::get);
		// Neither the in-program lock nor the file lock is left held: the next run goes straight through.
		long t0 = System.nanoTime();
		assertTrue(f.provider(WeightsCacheFixture.options(), Duration.ofMillis(500)).obtain(f.source, f.listener).description()
			.startsWith("vgg19-torchvision"));
		assertTrue((System.nanoTime() - t0) / 1e9 < 5);
		assertTrue(f.statuses.stream().noneMatch(s -> s.startsWith("Waiting for another run")), f.statuses.toString());
	}
}
