package io.github.neuralstyle.engine.color;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.testsupport.TestImages;

import org.junit.jupiter.api.Test;

/** Luminance/chroma recombination against torch's rgb2yuv coefficients and hand-computed pixels. */
class YuvTest {

	/** torch image.rgb2yuv (what jcjohnson's -original_colors uses): {Y, U, V} of one pixel. */
	private static double[] torchYuv(double r, double g, double b) {
		return new double[] { 0.299 * r + 0.587 * g + 0.114 * b, -0.14713 * r - 0.28886 * g + 0.436 * b,
			0.615 * r - 0.51499 * g - 0.10001 * b };
	}

	@Test
	void recombinationHasTheContentsChromaAndTheOutputsLuminance() {
		RgbImage content = TestImages.content(9, 7);
		RgbImage output = TestImages.style(9, 7); // stands in for an optimised image
		RgbImage mixed = Yuv.withChroma(output, content, false);
		int n = 9 * 7;
		float[] c = content.data(), o = output.data(), m = mixed.data();
		for (int i = 0; i < n; i++) {
			double[] yc = torchYuv(c[i], c[n + i], c[2 * n + i]);
			double[] yo = torchYuv(o[i], o[n + i], o[2 * n + i]);
			double[] ym = torchYuv(m[i], m[n + i], m[2 * n + i]);
			assertEquals(yc[1], ym[1], 1 / 255.0, "U at " + i);
			assertEquals(yc[2], ym[2], 1 / 255.0, "V at " + i);
			assertEquals(yo[0], ym[0], 1e-5, "Y at " + i);
		}
	}

	@Test
	void yuvSwapOfOnePixelByHand() {
		// Content (0.9, 0.1, 0.1): Y = 0.2691 + 0.0587 + 0.0114 = 0.3392. Output grey 0.7: ΔY = 0.3608 on each channel.
		RgbImage content = new RgbImage(1, 1, new float[] { 0.9f, 0.1f, 0.1f });
		RgbImage output = new RgbImage(1, 1, new float[] { 0.7f, 0.7f, 0.7f });
		RgbImage swapped = Yuv.withChroma(output, content, false);
		assertEquals(1.2608, swapped.get(0, 0, 0), 1e-5);
		assertEquals(0.4608, swapped.get(1, 0, 0), 1e-5);
		assertEquals(0.4608, swapped.get(2, 0, 0), 1e-5);
		// Clamped: red leaves [0,1] and is clipped; the others keep their values.
		RgbImage clamped = Yuv.withChroma(output, content, true);
		assertEquals(1.0, clamped.get(0, 0, 0), 0);
		assertEquals(0.4608, clamped.get(1, 0, 0), 1e-5);
	}

	@Test
	void contentOfAnotherSizeIsResizedToTheOutputs() {
		RgbImage content = new RgbImage(2, 2, new float[] { 0.2f, 0.2f, 0.2f, 0.2f, 0.4f, 0.4f, 0.4f, 0.4f, 0.6f, 0.6f, 0.6f, 0.6f });
		RgbImage output = new RgbImage(3, 1, new float[] { 0.1f, 0.5f, 0.9f, 0.1f, 0.5f, 0.9f, 0.1f, 0.5f, 0.9f });
		RgbImage mixed = Yuv.withChroma(output, content, false);
		assertEquals(3, mixed.width());
		assertEquals(1, mixed.height());
		// Content Y = 0.299·0.2 + 0.587·0.4 + 0.114·0.6 = 0.3630; the middle output pixel has Y = 0.5.
		assertEquals(0.2 + 0.5 - 0.3630, mixed.get(0, 1, 0), 1e-5);
		assertEquals(0.6 + 0.5 - 0.3630, mixed.get(2, 1, 0), 1e-5);
	}

	@Test
	void greyRepeatsTheLuminanceAndChecksItsLength() {
		RgbImage g = Yuv.grey(new float[] { 0.25f, 0.75f }, 2, 1);
		for (int c = 0; c < 3; c++) {
			assertEquals(0.25f, g.get(c, 0, 0));
			assertEquals(0.75f, g.get(c, 1, 0));
		}
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Yuv.grey(new float[3], 2, 1));
		assertTrue(e.getMessage().contains("needs 2"), e.getMessage());
	}

	@Test
	void colourModesReadTheirCommandLineWords() {
		assertEquals(ColourMode.LUMINANCE, ColourMode.fromId(" Luminance"));
		assertEquals(ColourMode.YUV, ColourMode.fromId("yuv"));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ColourMode.fromId("lab"));
		assertTrue(e.getMessage().contains("none, luminance, histogram or yuv"), e.getMessage());
	}
}
