package io.github.neuralstyle.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.neuralstyle.engine.InitMode;
import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.engine.optimizers.OptimizerKind;
import io.github.neuralstyle.engine.platform.DeviceChoice;
import io.github.neuralstyle.engine.video.DefaultSequenceTransfer;
import io.github.neuralstyle.engine.video.FrameResult;
import io.github.neuralstyle.engine.video.FrameSink;
import io.github.neuralstyle.engine.video.FrameSource;
import io.github.neuralstyle.engine.video.SequenceListener;
import io.github.neuralstyle.engine.video.SequenceResult;
import io.github.neuralstyle.engine.video.SequenceSettings;
import io.github.neuralstyle.testsupport.SyntheticMotion;
import io.github.neuralstyle.testsupport.SyntheticVgg;
import io.github.neuralstyle.testsupport.TestImages;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * A shard's part of a sequence: the right frames in, only owned frames out under their own
 * numbers, and — run through the real sequence runner — shards that together write every frame
 * once, where a lead-in reaching back to frame 0 reproduces the unsharded run exactly.
 */
class ShardFramesTest {

	static final List<RgbImage> FRAMES = SyntheticMotion.drift(24, 18, 6, 1.0, 0.5);

	@Test
	void thePartReadsItsFramesLeadInFirst() throws IOException {
		FrameSource part = ShardFrames.source(FrameSource.of(FRAMES), new Chunk(4, 6, 2));
		assertEquals(4, part.size());
		for (int k = 0; k < 4; k++) assertSame(FRAMES.get(2 + k), part.frame(k));
		assertEquals("frame 3/6", part.name(0), "names are the whole run's");
	}

	@Test
	void onlyOwnedFramesReachTheSinkUnderTheirOwnNumbers() throws IOException {
		Store store = new Store();
		store.frames.put(2, FRAMES.get(0));
		store.frames.put(5, FRAMES.get(1));
		FrameSink part = ShardFrames.sink(store, new Chunk(4, 6, 2));
		assertNull(part.existing(0), "a lead-in frame is computed again even where its owner wrote it");
		assertSame(FRAMES.get(1), part.existing(3), "an owned frame already written is resumed");
		for (int k = 0; k < 4; k++) part.accept(k, FRAMES.get(k), result(k));
		assertEquals(List.of(2, 4, 5), List.copyOf(store.frames.keySet()), "lead-in frame 3 not written");
		assertEquals(4, store.stats.get(4).index());
		assertEquals(5, store.stats.get(5).index());
	}

	@Test
	void theShardReportsItsOwnedFramesOnly() {
		List<FrameResult> frames = List.of(result(0, Double.NaN), result(1, 0.5), result(2, 0.1), result(3, 0.3));
		SequenceResult owned = ShardFrames.owned(new SequenceResult(frames, 0.3, 1234), new Chunk(4, 6, 2));
		assertEquals(List.of(4, 5), owned.frames().stream().map(FrameResult::index).toList());
		assertEquals(0.2, owned.temporalError(), 1e-12, "mean over the owned frames 4 and 5, not the lead-in");
		assertEquals(1234, owned.elapsedMillis());
	}

	@Test
	void aResumedShardNeedsNoLeadIn() throws IOException {
		Store store = new Store();
		Shard second = new Shard(1, 2);
		assertEquals(new Chunk(3, 6, 1), ShardFrames.chunk(FrameSource.of(FRAMES), store, second, 2));
		store.frames.put(3, FRAMES.get(3));
		assertEquals(new Chunk(3, 6, 3), ShardFrames.chunk(FrameSource.of(FRAMES), store, second, 2));
	}

	@Test
	void shardsThroughTheRunnerWriteEveryFrameOnceAndAFullLeadInIsTheWholeRun() throws IOException {
		VggWeights weights = SyntheticVgg.vgg19(16, 3);
		RgbImage style = TestImages.style(24, 24);
		SequenceSettings sequence = SequenceSettings.builder().optTemporalWeight(1e3).optEarlyStop(0, 50).build();
		Store whole = new Store();
		run(FrameSource.of(FRAMES), whole, weights, style, sequence);
		Store sharded = new Store();
		for (int i = 0; i < 3; i++) {
			Chunk c = ShardFrames.chunk(FrameSource.of(FRAMES), sharded, new Shard(i, 3), 1);
			run(ShardFrames.source(FrameSource.of(FRAMES), c), ShardFrames.sink(sharded, c), weights, style, sequence);
		}
		assertEquals(List.of(0, 1, 2, 3, 4, 5), List.copyOf(sharded.frames.keySet()));
		assertEquals(6, sharded.writes, "each frame written once");
		assertEquals(0, maxDifference(whole.frames.get(1), sharded.frames.get(1)), 1e-5, "shard 0 is the run's beginning");
		assertNotEquals(0, maxDifference(whole.frames.get(3), sharded.frames.get(3)), "shard 1 (frames 2-3) started over at its lead-in frame 1");
		// Shard 2 of 3 owns frames 4-5; a lead-in of 4 frames starts it at frame 0, like the whole run.
		Store full = new Store();
		Chunk c = ShardFrames.chunk(FrameSource.of(FRAMES), full, new Shard(2, 3), 4);
		assertEquals(0, c.computeFrom());
		run(ShardFrames.source(FrameSource.of(FRAMES), c), ShardFrames.sink(full, c), weights, style, sequence);
		assertEquals(List.of(4, 5), List.copyOf(full.frames.keySet()));
		for (int f = 4; f < 6; f++) assertEquals(0, maxDifference(whole.frames.get(f), full.frames.get(f)), 1e-5, "frame " + f);
	}

	private static void run(FrameSource frames, FrameSink sink, VggWeights weights, RgbImage style, SequenceSettings sequence)
		throws IOException
	{
		StyleTransferSettings s = StyleTransferSettings.builder().optSize(24).optSteps(4).optScales(1)
			.optOptimizer(OptimizerKind.ADAM).optContentLayers(Map.of("relu2_1", 1.0))
			.optStyleLayers(StyleTransferSettings.parseLayers("s", "relu1_1,relu2_1")).optContentWeight(1).optStyleWeight(100)
			.optTvWeight(0).optInit(InitMode.CONTENT).optDevice(DeviceChoice.CPU).build();
		new DefaultSequenceTransfer().run(frames, style, weights, s, sequence, sink, SequenceListener.NONE, () -> false);
	}

	private static double maxDifference(RgbImage a, RgbImage b) {
		double max = 0;
		for (int i = 0; i < a.data().length; i++) max = Math.max(max, Math.abs(a.data()[i] - b.data()[i]));
		return max;
	}

	private static FrameResult result(int index) {
		return result(index, Double.NaN);
	}

	private static FrameResult result(int index, double temporalError) {
		return new FrameResult(index, 1, 1, 1, 1, 1, 1, temporalError, Double.NaN, 1, false);
	}

	/** Results by frame number, like a resumable folder. */
	static final class Store implements FrameSink {
		final TreeMap<Integer, RgbImage> frames = new TreeMap<>();
		final TreeMap<Integer, FrameResult> stats = new TreeMap<>();
		int writes;

		@Override
		public RgbImage existing(int index) {
			return frames.get(index);
		}

		@Override
		public void accept(int index, RgbImage result, FrameResult s) {
			frames.put(index, result);
			stats.put(index, s);
			writes++;
			assertTrue(index >= 0 && index < FRAMES.size());
		}
	}
}
