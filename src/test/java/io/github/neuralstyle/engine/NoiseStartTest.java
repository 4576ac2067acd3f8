package io.github.neuralstyle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.neuralstyle.engine.network.InputConvention;
import io.github.neuralstyle.testsupport.TestImages;

import org.junit.jupiter.api.Test;

/** Recipe starts mapped from the space they were drawn in to [0,1] pixels. */
class NoiseStartTest {

	private static final RgbImage CONTENT = TestImages.content(40, 30);

	@Test
	void jcjohnsonsStartIsNearlyTheFlatCaffeMeanColour() {
		// randn · 0.001 in Caffe space (BGR, 0–255, mean 103.939, 116.779, 123.68 subtracted).
		RgbImage im = new NoiseStart(NoiseStart.Kind.GAUSSIAN_NETWORK, 0, 0.001).image(CONTENT, 1, InputConvention.CAFFE);
		double[] want = { 123.68 / 255, 116.779 / 255, 103.939 / 255 }; // R, G, B
		for (int c = 0; c < 3; c++) {
			double[] s = stats(im, c);
			assertEquals(want[c], s[0], 1e-6, "mean of channel " + c);
			assertEquals(0.001 / 255, s[1], 0.2 * 0.001 / 255, "sd of channel " + c);
		}
	}

	@Test
	void kerasStartIsUniformInCaffeSpaceClippedToPixels() {
		// np.random.uniform(0, 255) − 128 in the network's space: red spans (123.68 − 128 … 123.68 + 127) / 255.
		RgbImage im = new NoiseStart(NoiseStart.Kind.UNIFORM_NETWORK, -128, 127).image(CONTENT, 2, InputConvention.CAFFE);
		double[] s = stats(im, 2); // blue: (103.939 − 128 … 230.939) / 255, about 9 % clipped at 0
		int zeros = 0;
		for (int i = 0; i < 1200; i++) if (im.data()[2 * 1200 + i] == 0) zeros++;
		assertTrue(zeros > 50 && zeros < 180, zeros + " clipped blue samples");
		assertEquals((103.939 - 0.5) / 255 + 0.0045, s[0], 0.02); // mean of U(103.939 − 128, 103.939 + 127)/255, nudged up by the clip
		float max = 0;
		for (int i = 0; i < 1200; i++) max = Math.max(max, im.data()[2 * 1200 + i]);
		assertTrue(max <= (103.939 + 127) / 255 + 1e-6 && max > 0.85, "blue max " + max);
	}

	@Test
	void courseraStartIsTheContentPlusBoundedNoise() {
		RgbImage im = new NoiseStart(NoiseStart.Kind.CONTENT_PLUS_UNIFORM, -0.25, 0.25).image(CONTENT, 3, InputConvention.CAFFE);
		double spread = 0;
		for (int i = 0; i < im.data().length; i++) {
			double d = im.data()[i] - CONTENT.data()[i];
			assertTrue(d >= -0.25 - 1e-6 && d <= 0.25 + 1e-6);
			assertTrue(im.data()[i] >= 0 && im.data()[i] <= 1);
			spread = Math.max(spread, Math.abs(d));
		}
		assertTrue(spread > 0.2);
		// Same seed, same start.
		assertEquals(im.data()[77], new NoiseStart(NoiseStart.Kind.CONTENT_PLUS_UNIFORM, -0.25, 0.25)
			.image(CONTENT, 3, InputConvention.CAFFE).data()[77]);
	}

	private static double[] stats(RgbImage im, int c) {
		int n = im.width() * im.height();
		double m = 0;
		for (int i = 0; i < n; i++) m += im.data()[c * n + i];
		m /= n;
		double s = 0;
		for (int i = 0; i < n; i++) s += Math.pow(im.data()[c * n + i] - m, 2);
		return new double[] { m, Math.sqrt(s / n) };
	}
}
