package io.github.neuralstyle.engine.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.neuralstyle.engine.RgbImage;

import org.junit.jupiter.api.Test;

/** The flicker measure against a hand computation. */
class TemporalErrorTest {

	@Test
	void meanOverKeptPixelsAndChannels() {
		// 2×1 frames; pixel 0 kept, pixel 1 occluded (its large difference must not count).
		RgbImage result = new RgbImage(2, 1, new float[] { 0.5f, 1.0f, 0.2f, 0.0f, 0.9f, 0.3f });
		RgbImage previous = new RgbImage(2, 1, new float[] { 0.3f, 0.0f, 0.5f, 1.0f, 0.5f, 0.3f });
		// (0.2² + 0.3² + 0.4²) / 3 = 0.29 / 3
		assertEquals(0.29 / 3, TemporalError.of(result, previous, new float[] { 1, 0 }), 1e-7);
		// Both kept: (0.04 + 0.09 + 0.16 + 1 + 1 + 0) / 6
		assertEquals(2.29 / 6, TemporalError.of(result, previous, new float[] { 1, 1 }), 1e-7);
		assertTrue(Double.isNaN(TemporalError.of(result, previous, new float[] { 0, 0 })));
	}

	@Test
	void sequenceMeanCountsEachFrameOnce() {
		RgbImage zero = new RgbImage(1, 1, new float[3]);
		RgbImage half = new RgbImage(1, 1, new float[] { 0.5f, 0.5f, 0.5f });
		TemporalError e = new TemporalError();
		assertTrue(Double.isNaN(e.mean()));
		assertEquals(0.25, e.add(half, zero, new float[] { 1 }), 1e-7);
		assertEquals(0, e.add(half, half, new float[] { 1 }), 0);
		e.add(half, zero, new float[] { 0 }); // nothing kept: skipped
		assertEquals(0.125, e.mean(), 1e-7);
		assertEquals(2, e.frames());
	}

	@Test
	void mismatchedSizesAreRefused() {
		RgbImage a = new RgbImage(2, 1, new float[6]);
		RgbImage b = new RgbImage(1, 2, new float[6]);
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TemporalError.of(a, b, new float[2]));
		assertTrue(e.getMessage().contains("2×1") && e.getMessage().contains("1×2"), e.getMessage());
	}
}
