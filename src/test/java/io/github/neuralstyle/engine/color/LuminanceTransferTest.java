package io.github.neuralstyle.engine.color;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.testsupport.TestImages;

import org.junit.jupiter.api.Test;

/** Luminance-only transfer: grey inputs, matched style luminance, recombination with the content's chroma. */
class LuminanceTransferTest {

	@Test
	void styleLuminanceTakesTheContentsMeanAndVariance() {
		RgbImage content = TestImages.content(10, 8);
		RgbImage style = TestImages.style(13, 11);
		LuminanceTransfer.Inputs in = LuminanceTransfer.prepare(content, style);
		double[] target = stats(luminanceByHand(content));
		double[] before = stats(luminanceByHand(style));
		double[] after = stats(channel(in.style(), 0));
		assertTrue(Math.abs(before[0] - target[0]) > 0.01 || Math.abs(before[1] - target[1]) > 0.01, "fixture must differ");
		assertEquals(target[0], after[0], 1e-5);
		assertEquals(target[1], after[1], 1e-5);
		// Grey: all three channels equal; the content keeps its own luminance.
		assertArrayEqualsF(channel(in.style(), 0), channel(in.style(), 2));
		assertArrayEqualsF(luminanceByHand(content), channel(in.content(), 1));
	}

	@Test
	void finishGivesTheOptimisedLuminanceWithTheContentsColours() {
		RgbImage content = TestImages.content(6, 5);
		// An "optimised" grey image: the luminance a run produced.
		float[] y = new float[30];
		for (int i = 0; i < y.length; i++) y[i] = 0.3f + 0.01f * i;
		RgbImage result = LuminanceTransfer.finish(Yuv.grey(y, 6, 5), content);
		float[] ly = luminanceByHand(result);
		float[] lc = luminanceByHand(content);
		int checked = 0;
		for (int i = 0; i < 30; i++) {
			// Where the recombination stays inside [0,1] nothing is clipped: luminance is the run's, and each
			// channel keeps its offset from the content's Y (its chroma).
			boolean inside = true;
			for (int c = 0; c < 3; c++) {
				double v = content.data()[c * 30 + i] + y[i] - lc[i];
				inside &= v >= 0 && v <= 1;
			}
			if (!inside) continue;
			checked++;
			assertEquals(y[i], ly[i], 1e-5);
			for (int c = 0; c < 3; c++) {
				assertEquals(content.data()[c * 30 + i] - lc[i], result.data()[c * 30 + i] - y[i], 1e-5);
			}
		}
		assertTrue(checked >= 10, "only " + checked + " pixels stayed in range");
	}

	@Test
	void flatStyleBecomesTheContentsMean() {
		float[] out = LuminanceTransfer.matchMeanAndVariance(new float[] { 0.5f, 0.5f }, new float[] { 0.1f, 0.3f });
		assertEquals(0.2f, out[0], 1e-6);
		assertEquals(0.2f, out[1], 1e-6);
	}

	static float[] luminanceByHand(RgbImage im) {
		int n = im.width() * im.height();
		float[] y = new float[n];
		for (int i = 0; i < n; i++) y[i] = (float) (0.299 * im.data()[i] + 0.587 * im.data()[n + i] + 0.114 * im.data()[2 * n + i]);
		return y;
	}

	private static float[] channel(RgbImage im, int c) {
		int n = im.width() * im.height();
		float[] out = new float[n];
		System.arraycopy(im.data(), c * n, out, 0, n);
		return out;
	}

	private static double[] stats(float[] v) {
		double m = 0;
		for (float x : v) m += x;
		m /= v.length;
		double s = 0;
		for (float x : v) s += (x - m) * (x - m);
		return new double[] { m, Math.sqrt(s / v.length) };
	}

	private static void assertArrayEqualsF(float[] a, float[] b) {
		assertEquals(a.length, b.length);
		for (int i = 0; i < a.length; i++) assertEquals(a[i], b[i], 1e-6, "at " + i);
	}
}
