package io.github.neuralstyle.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.neuralstyle.engine.optimizers.OptimizerKind;
import io.github.neuralstyle.testsupport.SyntheticVgg;
import io.github.neuralstyle.testsupport.TestImages;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Coarse-to-fine runs: how steps are split over scales, the automatic number of scales, and a real run. */
class MultiScaleTest {

	@Test
	void defaultSplitSumsToStepsAndGivesEveryScaleAnEqualShare() {
		for (int n = 1; n <= 6; n++) {
			for (int steps = n; steps <= 40; steps++) {
				int[] split = RunPlan.split(steps, n);
				assertEquals(n, split.length);
				assertEquals(steps, IntStream.of(split).sum(), "steps " + steps + " over " + n);
				for (int s : split) assertTrue(s >= 1, "a scale without steps: " + java.util.Arrays.toString(split));
				for (int k = 0; k < n - 1; k++) assertEquals(steps / n, split[k], "scale " + k + " of " + steps + " over " + n);
			}
		}
		assertArrayEquals(new int[] { 166, 166, 168 }, RunPlan.split(500, 3));
		assertArrayEquals(new int[] { 100, 100, 100 }, RunPlan.split(300, 3));
		assertArrayEquals(new int[] { 1, 1, 1 }, RunPlan.split(3, 3));
	}

	@Test
	void autoScalesStartAtAQuarterWhenTheImageIsLargeEnough() {
		assertEquals(3, RunPlan.autoScales(512, 500, 512, 384, 16));
		assertEquals(2, RunPlan.autoScales(96, 500, 96, 96, 16));
		assertEquals(1, RunPlan.autoScales(48, 500, 48, 36, 4));
		assertEquals(2, RunPlan.autoScales(512, 500, 1024, 200, 16), "a thin image keeps its short side ≥ 32 px");
		assertEquals(1, RunPlan.autoScales(512, 5, 512, 512, 16), "too few steps to share");
	}

	@Test
	void explicitScaleStepsSetScalesAndStepsAndAreDroppedByLaterCounts() {
		StyleTransferSettings s = StyleTransferSettings.builder().optScaleSteps(20, 30, 50).build();
		assertEquals(3, s.scales());
		assertEquals(100, s.steps());
		assertArrayEquals(new int[] { 20, 30, 50 }, s.scaleSteps());
		assertTrue(s.toString().contains("scales=20,30,50"), s.toString());
		assertArrayEquals(new int[] { 20, 30, 50 }, s.toBuilder().build().scaleSteps());
		assertNull(s.toBuilder().optSteps(90).build().scaleSteps());
		assertThrows(IllegalArgumentException.class, () -> StyleTransferSettings.builder().optScaleSteps(10, 0, 5).build());
		assertThrows(IllegalArgumentException.class, () -> StyleTransferSettings.builder().optScaleSteps().build());
		assertEquals("auto", StyleTransferSettings.builder().optScales(StyleTransferSettings.AUTO_SCALES).build().scalesText());
	}

	@Test
	void explicitSplitIsFollowedAndTheResultHasTheTargetSizeWithALowerLoss() {
		StyleTransferSettings s = StyleTransferRunTest.small(OptimizerKind.LBFGS).optSize(64).optScaleSteps(6, 6, 20)
			.optResultSize(ResultSize.WORKING).build();
		StyleTransferResult r = new DefaultStyleTransfer().run(TestImages.content(64, 48), TestImages.style(40, 40),
			SyntheticVgg.vgg19(16, 42), s, ProgressListener.NONE, () -> false);
		assertEquals(64, r.image().width());
		assertEquals(48, r.image().height());
		assertEquals(32, r.steps());
		List<StepReport> h = r.history();
		assertEquals(16, h.get(0).width());
		assertEquals(32, h.get(6).width());
		assertEquals(64, h.get(12).width());
		assertTrue(r.last().total() < h.get(12).total() / 2, () -> "finest scale from " + h.get(12) + " to " + r.last());
	}
}
