package io.github.neuralstyle.engine.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.neuralstyle.testsupport.SyntheticMotion;

import org.junit.jupiter.api.Test;

/**
 * The whole chain on a moving square: flows both ways, warp and mask. With the frames themselves
 * as "results", the warped previous frame must match the current one where the mask keeps it.
 */
class TemporalGuideTest {

	@Test
	void warpedPreviousFrameMatchesWhereTheMaskKeepsIt() {
		SyntheticMotion m = SyntheticMotion.movingSquare(80, 60, 24, 18, 24, 5, 3);
		TemporalGuide g = TemporalGuide.between(m.first(), m.second(), m.first(), TvL1Flow.defaults());
		double consistent = TemporalError.of(m.second(), g.warpedPrevious(), g.mask());
		double unwarped = TemporalError.of(m.second(), m.first(), g.mask());
		assertTrue(consistent < 1e-3, () -> "warped error " + consistent);
		assertTrue(consistent < unwarped / 20, () -> consistent + " vs unwarped " + unwarped);
		// The background's band that the square uncovers (left of its new position, in its old
		// place) has no source in the previous frame's background: it must be masked.
		int uncovered = 0;
		for (int y = 24; y < 36; y++) {
			for (int x = 25; x < 28; x++) uncovered += g.mask()[y * 80 + x] == 0 ? 1 : 0;
		}
		assertEquals(36, uncovered, "uncovered strip masked");
		double kept = g.keptFraction();
		assertTrue(kept > 0.7 && kept < 0.98, () -> "kept " + kept);
	}
}
