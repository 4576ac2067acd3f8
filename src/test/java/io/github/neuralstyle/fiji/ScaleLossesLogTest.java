package io.github.neuralstyle.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.process.ColorProcessor;

import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.ScaleLosses;
import io.github.neuralstyle.engine.StepReport;
import io.github.neuralstyle.engine.StyleTransferResult;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The log line's losses: first and last of the finest scale, the coarser scales apart, the result's last. */
class ScaleLossesLogTest {

	private static StyleTransferResult result(List<ScaleLosses> scales) {
		// Reports a 2-scale run could make: the coarse scale starts low (small images, small Gram terms).
		List<StepReport> history = List.of(new StepReport(1, 4, 2, 0, 0, 0, 10, 16, 12),
			new StepReport(4, 4, 5, 0, 0, 0, 40, 32, 24));
		return new StyleTransferResult(new RgbImage(32, 24, new float[3 * 32 * 24]), history, "cpu()", 4, 10, 40, scales, null);
	}

	@Test
	void severalScalesAreLabelledAndTheFinestComparedWithItself() {
		StyleTransferResult r = result(List.of(new ScaleLosses(16, 12, 2, 2, 1, 0.1, 0.2, 0.3),
			new ScaleLosses(32, 24, 2, 6, 4, 0.5, 0.25, 0.125)));
		String line = ResultFiles.summary(new ImagePlus("out", new ColorProcessor(32, 24)), r);
		assertTrue(line.endsWith("; finest scale 32×24 loss 6 → 4 (content 0.5, style 0.25, tv 0.125); coarser scales 16×12 2 → 1"),
			line);
		// The old line compared the coarsest scale's first loss with the last report: a "rise" 2 → 5.
		assertFalse(line.contains("2 → 5") || line.contains("2 → 4"), line);
	}

	@Test
	void oneScaleShowsItsFirstAndTheResultsLoss() {
		StyleTransferResult r = result(List.of(new ScaleLosses(32, 24, 4, 6, 3, 0.5, 0.25, 0.125)));
		assertEquals("loss 6 → 3 (content 0.5, style 0.25, tv 0.125)", ResultFiles.scaleLosses(r));
		assertEquals("no losses recorded", ResultFiles.scaleLosses(new StyleTransferResult(r.image(), List.of(), "cpu()", 0, 0,
			0)));
	}
}
