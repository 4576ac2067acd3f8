package io.github.neuralstyle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;

import io.github.neuralstyle.engine.optimizers.OptimizerKind;
import io.github.neuralstyle.engine.platform.Devices;
import io.github.neuralstyle.testsupport.SyntheticVgg;
import io.github.neuralstyle.testsupport.TestImages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Long runs keep native memory flat; a finished run frees everything it held. */
class MemoryTest {

	@Test
	void fiveHundredStepsHoldNoMoreArraysAndBoundedRss() {
		NDManager system = Devices.systemManager(ai.djl.Device.cpu());
		int before = system.getManagedArrays().size();
		long[] arrays = new long[501];
		long[] rss = new long[501];
		ProgressListener sample = new ProgressListener() {
			@Override
			public void step(StepReport r) {
				arrays[r.iteration()] = system.getManagedArrays().size();
				rss[r.iteration()] = rssKb();
			}
		};
		for (OptimizerKind kind : OptimizerKind.values()) {
			StyleTransferSettings s = StyleTransferRunTest.small(kind).optSize(32).optSteps(kind == OptimizerKind.ADAM ? 500 : 250)
				.optHistorySize(10).build();
			new DefaultStyleTransfer().run(TestImages.content(32, 32), TestImages.style(32, 32), SyntheticVgg.vgg19(16, 1), s,
				sample, () -> false);
			int last = s.steps();
			// L-BFGS's history fills and, after a restart, empties: compare peaks, not single steps.
			long firstHalf = peak(arrays, 10, last / 2);
			long secondHalf = peak(arrays, last / 2 + 1, last);
			assertTrue(secondHalf <= firstHalf, kind + ": live arrays peaked at " + firstHalf + " up to step " + last / 2
				+ " but at " + secondHalf + " after it");
			long growthKb = rss[last] - rss[50];
			assertTrue(growthKb < 64 * 1024, kind + ": RSS grew by " + growthKb + " kB from step 50 to " + last);
			assertEquals(before, system.getManagedArrays().size(), kind + ": arrays left after the run");
		}
	}

	@Test
	void listenersRunAfterTheStepHasFreedItsArrays() {
		NDManager system = Devices.systemManager(ai.djl.Device.cpu());
		for (OptimizerKind kind : OptimizerKind.values()) {
			int[] atStep = new int[6];
			int[] atPreview = new int[6];
			ProgressListener sample = new ProgressListener() {
				@Override
				public void step(StepReport r) {
					atStep[r.iteration()] = system.getManagedArrays().size();
				}

				@Override
				public void preview(int iteration, RgbImage image) {
					// Previews come after the step's manager has closed.
					atPreview[iteration] = system.getManagedArrays().size();
				}
			};
			StyleTransferSettings s = StyleTransferRunTest.small(kind).optSize(16).optSteps(5).optPreviewEvery(1).build();
			new DefaultStyleTransfer().run(TestImages.content(16, 16), TestImages.style(16, 16), SyntheticVgg.vgg19(16, 1), s,
				sample, () -> false);
			for (int i = 1; i <= 5; i++) assertEquals(atPreview[i], atStep[i], kind + ": live arrays in step " + i + "'s report");
		}
	}

	private static long peak(long[] values, int from, int to) {
		long max = Long.MIN_VALUE;
		for (int i = from; i <= to; i++) max = Math.max(max, values[i]);
		return max;
	}

	static long rssKb() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
			}
		}
		catch (IOException | NumberFormatException e) {
			// not Linux: RSS is not measured
		}
		return 0;
	}
}
