package io.github.neuralstyle.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.engine.optimizers.OptimizerKind;
import io.github.neuralstyle.engine.platform.DeviceChoice;
import io.github.neuralstyle.testsupport.SyntheticVgg;
import io.github.neuralstyle.testsupport.TestImages;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Full runs on a small network of the VGG19 shape family. */
class StyleTransferRunTest {

	private static final VggWeights WEIGHTS = SyntheticVgg.vgg19(16, 42);

	static StyleTransferSettings.Builder small(OptimizerKind optimizer) {
		return StyleTransferSettings.builder().optSize(48).optSteps(60).optOptimizer(optimizer)
			.optContentLayers(Map.of("relu3_1", 1.0)).optStyleLayers(StyleTransferSettings.parseLayers("style", "relu1_1,relu2_1,relu3_1"))
			.optContentWeight(1).optStyleWeight(1e3).optTvWeight(1e-2).optInit(InitMode.NOISE).optSeed(7)
			.optLearningRate(optimizer == OptimizerKind.ADAM ? 0.05 : 1).optDevice(DeviceChoice.CPU);
	}

	private static StyleTransferResult run(StyleTransferSettings s) {
		return new DefaultStyleTransfer().run(TestImages.content(48, 36), TestImages.style(40, 40), WEIGHTS, s,
			ProgressListener.NONE, () -> false);
	}

	@Test
	void adamLowersTheLossTenfold() {
		StyleTransferResult r = run(small(OptimizerKind.ADAM).optSteps(120).build());
		assertTrue(r.last().total() < r.first().total() / 10, () -> "first " + r.first() + " last " + r.last());
		assertEquals(120, r.steps());
	}

	@Test
	void lbfgsLowersTheLossTenfold() {
		StyleTransferResult r = run(small(OptimizerKind.LBFGS).build());
		assertTrue(r.last().total() < r.first().total() / 10, () -> "first " + r.first() + " last " + r.last());
	}

	@Test
	void resultHasTheContentSizeAndStaysInRange() {
		StyleTransferResult r = run(small(OptimizerKind.ADAM).optSteps(3).build());
		assertEquals(48, r.image().width());
		assertEquals(36, r.image().height());
		for (float v : r.image().data()) assertTrue(v >= 0 && v <= 1, "pixel out of [0,1]: " + v);
	}

	@Test
	void sameSeedGivesIdenticalOutputOnCpu() {
		StyleTransferSettings s = small(OptimizerKind.LBFGS).optSteps(8).build();
		assertArrayEquals(run(s).image().data(), run(s).image().data());
	}

	@Test
	void cancelStopsWithinOneStep() {
		AtomicInteger steps = new AtomicInteger();
		ProgressListener count = new ProgressListener() {
			@Override
			public void step(StepReport report) {
				steps.incrementAndGet();
			}
		};
		assertThrows(CancellationException.class, () -> new DefaultStyleTransfer().run(TestImages.content(32, 32),
			TestImages.style(32, 32), WEIGHTS, small(OptimizerKind.ADAM).optSize(32).optSteps(100).build(), count,
			() -> steps.get() >= 3));
		assertEquals(3, steps.get());
	}

	@Test
	void warnsWhenThePresetWasTunedForAnotherConvention() {
		List<String> messages = new java.util.ArrayList<>();
		ProgressListener collect = new ProgressListener() {
			@Override
			public void status(String message) {
				messages.add(message);
			}
		};
		// gatys is tuned for Caffe weights; the synthetic ones are torchvision.
		new DefaultStyleTransfer().run(TestImages.content(32, 32), TestImages.style(32, 32), WEIGHTS,
			small(OptimizerKind.ADAM).optSize(32).optSteps(1).build(), collect, () -> false);
		assertTrue(messages.get(0).startsWith("Note: preset gatys is tuned for CAFFE-convention weights, but these are TORCHVISION"),
			messages.toString());
		messages.clear();
		new DefaultStyleTransfer().run(TestImages.content(32, 32), TestImages.style(32, 32), WEIGHTS,
			StyleTransferSettings.builder(Preset.PYTORCH_TUTORIAL).optSize(32).optSteps(1).optDevice(DeviceChoice.CPU).build(),
			collect, () -> false);
		assertTrue(messages.stream().noneMatch(m -> m.startsWith("Note:")), messages.toString());
	}

	@Test
	void reportsEveryStepWithIncreasingIterations() {
		List<StepReport> h = run(small(OptimizerKind.ADAM).optSteps(5).build()).history();
		assertEquals(5, h.size());
		for (int i = 0; i < 5; i++) assertEquals(i + 1, h.get(i).iteration());
	}
}
