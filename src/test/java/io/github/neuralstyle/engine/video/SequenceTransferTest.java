package io.github.neuralstyle.engine.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;

import io.github.neuralstyle.engine.InitMode;
import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.StepReport;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.engine.optimizers.OptimizerKind;
import io.github.neuralstyle.engine.platform.DeviceChoice;
import io.github.neuralstyle.engine.platform.Devices;
import io.github.neuralstyle.testsupport.SyntheticMotion;
import io.github.neuralstyle.testsupport.SyntheticVgg;
import io.github.neuralstyle.testsupport.TestImages;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;

/**
 * The sequence runner on six frames of a drifting texture with a small random network: the
 * temporal term lowers the flicker, later frames get their own steps, progress names frame and
 * iteration, a cancelled sequence frees its arrays, and frames of different sizes are refused.
 */
class SequenceTransferTest {

	static final VggWeights WEIGHTS = SyntheticVgg.vgg19(16, 3);
	static final List<RgbImage> FRAMES = SyntheticMotion.drift(48, 36, 6, 1.5, 1);

	/** Adam, 30 steps, noise start: every independent frame lands somewhere else. */
	static StyleTransferSettings settings() {
		return StyleTransferSettings.builder().optSize(48).optSteps(30).optScales(1).optOptimizer(OptimizerKind.ADAM)
			.optContentLayers(Map.of("relu2_1", 1.0)).optStyleLayers(StyleTransferSettings.parseLayers("s", "relu1_1,relu2_1"))
			.optContentWeight(1).optStyleWeight(100).optTvWeight(0).optInit(InitMode.NOISE).optDevice(DeviceChoice.CPU).build();
	}

	@Test
	void temporalWeightLowersTheTemporalErrorOfSixFrames() throws IOException {
		SequenceSettings none = SequenceSettings.builder().optTemporalWeight(0).optEarlyStop(0, 50).build();
		SequenceSettings consistent = SequenceSettings.builder().optTemporalWeight(1e3).optEarlyStop(0, 50).build();
		Collect independentOut = new Collect();
		Collect consistentOut = new Collect();
		SequenceResult a = run(none, independentOut, SequenceListener.NONE);
		SequenceResult b = run(consistent, consistentOut, SequenceListener.NONE);
		String numbers = "independent " + a.temporalError() + ", consistent " + b.temporalError();
		assertTrue(b.temporalError() < 0.4 * a.temporalError(), numbers);
		// The mean is over the five frames after the first, each measured the same way in both runs.
		assertEquals(mean(a.frames().subList(1, 6)), a.temporalError(), 1e-12);
		assertTrue(Double.isNaN(a.frames().get(0).temporalError()));
		assertEquals(List.of(0, 1, 2, 3, 4, 5), consistentOut.indices);
		for (RgbImage r : consistentOut.images) {
			assertEquals(48, r.width());
			assertEquals(36, r.height());
		}
		// Independent frames all get the first frame's steps; consistent later ones half of them.
		for (FrameResult f : a.frames()) assertEquals(30, f.steps());
		assertEquals(30, b.frames().get(0).steps());
		for (FrameResult f : b.frames().subList(1, 6)) assertEquals(15, f.steps());
	}

	@Test
	void progressNamesFrameAndIteration() throws IOException {
		List<String> lines = new ArrayList<>();
		List<Integer> done = new ArrayList<>();
		SequenceListener l = new SequenceListener() {
			@Override
			public void step(int index, int frames, StepReport report) {
				lines.add(SequenceListener.progress(index, frames, report));
			}

			@Override
			public void frameDone(FrameResult result, int frames) {
				done.add(result.index());
			}
		};
		SequenceSettings q = SequenceSettings.builder().optFirstSteps(4).optLaterSteps(2).optEarlyStop(0, 50).build();
		run(q, new Collect(), l);
		assertEquals(4 + 5 * 2, lines.size());
		assertEquals("frame 1/6, iteration 4/4", lines.get(3));
		assertEquals("frame 3/6, iteration 2/2", lines.get(7));
		assertEquals(List.of(0, 1, 2, 3, 4, 5), done);
	}

	@Test
	void earlyStopEndsFramesOnceTheLossSettles() throws IOException {
		// A 50% tolerance over 2 steps is met within a few steps of a warped start.
		SequenceSettings q = SequenceSettings.builder().optFirstSteps(30).optLaterSteps(30).optEarlyStop(0.5, 2).build();
		SequenceResult r = run(q, new Collect(), SequenceListener.NONE);
		for (FrameResult f : r.frames().subList(1, 6)) {
			assertEquals(30, f.plannedSteps());
			assertTrue(f.steps() < 30 && f.steps() >= 3, "frame " + f.index() + " made " + f.steps() + " steps");
		}
	}

	@Test
	void cancelInTheMiddleFreesEveryArrayAndKeepsFinishedFrames() {
		NDManager system = Devices.systemManager(ai.djl.Device.cpu());
		int before = system.getManagedArrays().size();
		boolean[] cancel = { false };
		SequenceListener l = new SequenceListener() {
			@Override
			public void step(int index, int frames, StepReport report) {
				if (index == 2 && report.iteration() == 5) cancel[0] = true;
			}
		};
		Collect out = new Collect();
		CancellationException e = assertThrows(CancellationException.class, () -> new DefaultSequenceTransfer()
			.run(FrameSource.of(FRAMES), TestImages.style(40, 40), WEIGHTS, settings(), SequenceSettings.builder().build(), out, l,
				() -> cancel[0]));
		assertTrue(e.getMessage().contains("cancel"), e.getMessage());
		assertEquals(List.of(0, 1), out.indices);
		assertEquals(before, system.getManagedArrays().size(), "arrays left after the cancelled sequence");
	}

	@Test
	void framesOfDifferentSizesAreRefusedNamingBoth() {
		List<RgbImage> frames = List.of(TestImages.content(48, 36), TestImages.content(48, 36), TestImages.content(40, 36));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DefaultSequenceTransfer()
			.run(FrameSource.of(frames), TestImages.style(40, 40), WEIGHTS, settings(),
				SequenceSettings.builder().optFirstSteps(2).build(), new Collect(), SequenceListener.NONE, () -> false));
		assertEquals("frame 3/3 is 40×36 px but frame 1/3 is 48×36 px: every frame of a sequence must have one size; "
			+ "resize them to one size first", e.getMessage());
		IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> new DefaultSequenceTransfer()
			.run(FrameSource.of(List.of()), TestImages.style(40, 40), WEIGHTS, settings(), SequenceSettings.builder().build(),
				new Collect(), SequenceListener.NONE, () -> false));
		assertTrue(empty.getMessage().contains("no frames"), empty.getMessage());
	}

	@Test
	void settingsAreValidatedNamingTheSetting() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> SequenceSettings.builder().optTemporalWeight(-1).build());
		assertTrue(e.getMessage().startsWith("temporal weight must be"), e.getMessage());
		assertEquals(100, SequenceSettings.builder().build().stepsOf(false, 100));
		assertEquals(50, SequenceSettings.builder().build().stepsOf(true, 100));
		assertEquals(100, SequenceSettings.builder().optTemporalWeight(0).build().stepsOf(true, 100));
		assertEquals(SequenceSettings.builder().optLaterSteps(7).build(), SequenceSettings.builder().build().toBuilder()
			.optLaterSteps(7).build());
	}

	private static SequenceResult run(SequenceSettings q, FrameSink sink, SequenceListener l) throws IOException {
		return new DefaultSequenceTransfer().run(FrameSource.of(FRAMES), TestImages.style(40, 40), WEIGHTS, settings(), q, sink, l,
			() -> false);
	}

	private static double mean(List<FrameResult> frames) {
		return frames.stream().mapToDouble(FrameResult::temporalError).average().orElseThrow();
	}

	/** A sink that keeps what it gets. */
	static final class Collect implements FrameSink {
		final List<Integer> indices = new ArrayList<>();
		final List<RgbImage> images = new ArrayList<>();

		@Override
		public void accept(int index, RgbImage result, FrameResult stats) {
			indices.add(index);
			images.add(result);
		}
	}
}
