package io.github.neuralstyle.engine.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.neuralstyle.engine.RgbImage;

import org.junit.jupiter.api.Test;

/** Backward warping on hand-made cases. */
class WarpTest {

	/** 5×4, every sample distinct: value 100·c + 10·y + x. */
	private static RgbImage ramp() {
		float[] d = new float[3 * 20];
		for (int c = 0; c < 3; c++) {
			for (int y = 0; y < 4; y++) {
				for (int x = 0; x < 5; x++) d[(c * 4 + y) * 5 + x] = 100 * c + 10 * y + x;
			}
		}
		return new RgbImage(5, 4, d);
	}

	@Test
	void integerShiftMovesSamplesExactly() {
		RgbImage out = Warp.backward(ramp(), FlowField.constant(5, 4, 2, 1));
		for (int c = 0; c < 3; c++) {
			for (int y = 0; y < 3; y++) {
				for (int x = 0; x < 3; x++) assertEquals(100 * c + 10 * (y + 1) + x + 2, out.get(c, x, y), 0);
			}
		}
	}

	@Test
	void halfPixelShiftAveragesNeighbours() {
		float[] d = new float[3 * 6];
		float[] row = { 0.2f, 0.6f, 0.1f, 0.9f, 0.4f, 0.3f };
		System.arraycopy(row, 0, d, 0, 6);
		RgbImage image = new RgbImage(3, 2, d);
		RgbImage out = Warp.backward(image, FlowField.constant(3, 2, 0.5f, 0.5f));
		// (0,0) samples (0.5, 0.5): the mean of the four samples 0.2, 0.6, 0.9, 0.4.
		assertEquals((0.2 + 0.6 + 0.9 + 0.4) / 4, out.get(0, 0, 0), 1e-6);
		assertEquals((0.6 + 0.1 + 0.4 + 0.3) / 4, out.get(0, 1, 0), 1e-6);
		// A quarter pixel to the right on the first row: 0.75·0.2 + 0.25·0.6.
		RgbImage quarter = Warp.backward(image, FlowField.constant(3, 2, 0.25f, 0));
		assertEquals(0.75 * 0.2 + 0.25 * 0.6, quarter.get(0, 0, 0), 1e-6);
	}

	@Test
	void outOfFrameTakesTheEdgeAndIsMarked() {
		FlowField f = FlowField.constant(5, 4, -2, 0);
		RgbImage out = Warp.backward(ramp(), f);
		// Columns 0 and 1 point left of the frame: clamped to column 0.
		assertEquals(10, out.get(0, 0, 1), 0);
		assertEquals(10, out.get(0, 1, 1), 0);
		assertEquals(11, out.get(0, 3, 1), 0);
		assertArrayEquals(new float[] { 0, 0, 1, 1, 1 }, java.util.Arrays.copyOfRange(Warp.inside(f), 5, 10));
	}

	@Test
	void inputIsNotModified() {
		RgbImage in = ramp();
		float[] before = in.data().clone();
		Warp.backward(in, FlowField.constant(5, 4, 0.3f, -0.7f));
		assertArrayEquals(before, in.data());
	}

	@Test
	void flowOfAnotherSizeIsRefused() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> Warp.backward(ramp(), FlowField.constant(4, 4, 0, 0)));
		assertTrue(e.getMessage().contains("4×4") && e.getMessage().contains("5×4"), e.getMessage());
	}
}
