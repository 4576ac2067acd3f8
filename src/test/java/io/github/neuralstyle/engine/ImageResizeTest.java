package io.github.neuralstyle.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Resampling against values known without running it. */
class ImageResizeTest {

	private static RgbImage ramp(int w, int h) {
		float[] d = new float[3 * w * h];
		for (int c = 0; c < 3; c++) {
			for (int y = 0; y < h; y++) {
				for (int x = 0; x < w; x++) d[(c * h + y) * w + x] = (x + 0.5f) / w;
			}
		}
		return new RgbImage(w, h, d);
	}

	@Test
	void fitsTheLongSide() {
		assertArrayEquals(new int[] { 512, 384 }, ImageResize.fitLongSide(256, 192, 512));
		assertArrayEquals(new int[] { 96, 128 }, ImageResize.fitLongSide(300, 400, 128));
		assertArrayEquals(new int[] { 64, 1 }, ImageResize.fitLongSide(1000, 1, 64));
	}

	@Test
	void constantStaysConstant() {
		float[] d = new float[3 * 7 * 5];
		java.util.Arrays.fill(d, 0.25f);
		RgbImage r = ImageResize.resize(new RgbImage(7, 5, d), 3, 11);
		for (float v : r.data()) assertEquals(0.25f, v, 1e-6f);
	}

	@Test
	void halvingAveragesPairs() {
		// pixel centres (x + 0.5)/8 averaged in pairs give (2x + 1)/8 … the centres of the 4-pixel ramp
		RgbImage r = ImageResize.resize(ramp(8, 2), 4, 1);
		for (int x = 1; x < 3; x++) assertEquals((x + 0.5f) / 4, r.get(0, x, 0), 1e-6f);
	}

	@Test
	void doublingInterpolatesLinearlyInside() {
		RgbImage r = ImageResize.resize(ramp(4, 1), 8, 1);
		for (int x = 1; x < 7; x++) assertEquals((x + 0.5f) / 8, r.get(2, x, 0), 1e-6f);
	}

	@Test
	void sameSizeIsTheSameImage() {
		RgbImage a = ramp(5, 5);
		assertSame(a, ImageResize.resize(a, 5, 5));
	}
}
