package io.github.neuralstyle.engine.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.testsupport.SyntheticMotion;

import org.junit.jupiter.api.Test;

/** TV-L1 flow against synthetic motion with exact ground truth, away from borders and occlusions. */
class TvL1FlowTest {

	private static final TvL1Flow FLOW = TvL1Flow.defaults();

	@Test
	void subpixelTranslation() {
		assertAccurate(SyntheticMotion.translation(96, 72, 3.4, -2.2));
	}

	@Test
	void rotationAboutTheCentre() {
		// 4° about the centre moves the corners by about 4 px.
		assertAccurate(SyntheticMotion.rotation(96, 72, 4));
	}

	@Test
	void squareMovingOverStillBackground() {
		SyntheticMotion m = SyntheticMotion.movingSquare(96, 72, 30, 20, 28, 4, 3);
		FlowField f = assertAccurate(m);
		// Both motions are there: the square's centre moves, the background's corner area does not.
		assertEquals(4, f.u(44, 34), 0.5);
		assertEquals(3, f.v(44, 34), 0.5);
		assertEquals(0, f.u(80, 60), 0.5);
	}

	@Test
	void largerMotionThanTheFinestLevelSees() {
		// 9 px is beyond a single-level linearisation: only the pyramid finds it.
		assertAccurate(SyntheticMotion.translation(96, 72, 9, 5));
	}

	@Test
	void framesOfDifferentSizesAreRefused() {
		RgbImage a = new RgbImage(8, 8, new float[3 * 64]);
		RgbImage b = new RgbImage(8, 9, new float[3 * 72]);
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FLOW.estimate(a, b));
		assertTrue(e.getMessage().contains("8×8") && e.getMessage().contains("8×9"), e.getMessage());
	}

	private static FlowField assertAccurate(SyntheticMotion m) {
		FlowField f = FLOW.estimate(m.first(), m.second());
		double[] epe = m.endpointError(f);
		assertTrue(epe[1] <= 0.5, () -> "max endpoint error " + epe[1] + " px (mean " + epe[0] + ")");
		assertTrue(epe[0] <= 0.1, () -> "mean endpoint error " + epe[0] + " px");
		return f;
	}
}
