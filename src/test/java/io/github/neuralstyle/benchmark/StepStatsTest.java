package io.github.neuralstyle.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StepStatsTest {

	@Test
	void pairsEachStepWithTheBarePassesOnBothSides() {
		StepStats s = new StepStats();
		// ours 100, 120, 110; same-work passes after them 50, 40, 100 (conv-only 25 throughout).
		s.add(100, 50, 25);
		s.add(120, 40, 25);
		s.add(110, 100, 25);
		// Ratios: after 100/50, 120/40, 110/100; before 120/50, 110/40 → sorted 1.1, 2, 2.4, 2.75, 3.
		assertEquals(1.4, s.pairedOverhead(0), 1e-12);
		assertEquals(110 / 25.0 - 1, s.pairedOverhead(1), 1e-12);
		assertEquals(110, s.oursMedian(), 0);
		assertEquals(100, s.oursMin(), 0);
		assertEquals(50, s.bareMedian(0), 0);
	}

	@Test
	void aNewRoundDoesNotPairAcrossTheWarmUp() {
		StepStats s = new StepStats();
		s.add(100, 100);
		s.newRound();
		s.add(100, 50);
		// Ratios 1 and 2 (the upper median: 2); the cross-round pair 100/100 would make it 1.
		assertEquals(1, s.pairedOverhead(0), 1e-12);
	}
}
