package io.github.neuralstyle.engine.optimizers;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Early stopping once the relative loss change stays below the tolerance. */
class ToleranceStopTest {

	@Test
	void stopsOnlyAfterPatienceCalmSteps() {
		ToleranceStop stop = new ToleranceStop(1e-3, 3);
		assertFalse(stop.settled(100));
		assertFalse(stop.settled(90)); // 10 % change
		assertFalse(stop.settled(89.95)); // 0.056 %: calm 1
		assertFalse(stop.settled(89.92)); // calm 2
		assertFalse(stop.settled(85)); // a real change resets
		assertFalse(stop.settled(84.99)); // calm 1
		assertFalse(stop.settled(84.98)); // calm 2
		assertTrue(stop.settled(84.97)); // calm 3
	}

	@Test
	void zeroToleranceNeverStopsAndBadValuesAreRefused() {
		ToleranceStop off = new ToleranceStop(0, 1);
		for (int i = 0; i < 10; i++) assertFalse(off.settled(5));
		ToleranceStop one = new ToleranceStop(1e-2, 1);
		assertFalse(one.settled(Double.NaN));
		assertFalse(one.settled(1));
		assertTrue(one.settled(1));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new ToleranceStop(-1, 1)).getMessage().contains("e.g. 1e-5"));
		assertThrows(IllegalArgumentException.class, () -> new ToleranceStop(1e-3, 0));
	}
}
