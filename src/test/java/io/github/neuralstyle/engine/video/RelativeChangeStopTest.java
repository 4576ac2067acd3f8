package io.github.neuralstyle.engine.video;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Early stopping by relative loss change over a window. */
class RelativeChangeStopTest {

	@Test
	void stopsOnlyWhenTheChangeOverTheWholeWindowIsSmall() {
		RelativeChangeStop stop = new RelativeChangeStop(1e-2, 3);
		// 100, 99.7, 99.4, 99.1: over 3 iterations a change of 0.9 % < 1 %: stop at the 4th loss.
		assertFalse(stop.record(100));
		assertFalse(stop.record(99.7));
		assertFalse(stop.record(99.4));
		assertTrue(stop.record(99.1));
	}

	@Test
	void keepsGoingWhileTheLossFalls() {
		RelativeChangeStop stop = RelativeChangeStop.ruder();
		double loss = 1000;
		for (int i = 0; i < 500; i++) {
			loss *= 0.999; // 5 % per 50 iterations
			assertFalse(stop.record(loss), "iteration " + i);
		}
		// A plateau: flat for 50 iterations stops it on the 50th.
		for (int i = 0; i < 49; i++) assertFalse(stop.record(loss + 1e-6 * i), "plateau " + i);
		assertTrue(stop.record(loss));
	}

	@Test
	void nonFiniteLossesAndResetNeverStop() {
		RelativeChangeStop stop = new RelativeChangeStop(0.5, 1);
		stop.record(Double.NaN);
		assertFalse(stop.record(Double.NaN));
		stop.reset();
		assertFalse(stop.record(10));
		assertTrue(stop.record(10));
	}

	@Test
	void badSettingsAreRefused() {
		assertThrows(IllegalArgumentException.class, () -> new RelativeChangeStop(1e-4, 0));
		assertThrows(IllegalArgumentException.class, () -> new RelativeChangeStop(Double.NaN, 50));
	}
}
