package io.github.neuralstyle.engine.color;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.testsupport.TestImages;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Colour histogram matching against an independent computation of colour means and covariances. */
class ColourMatchTest {

	@ParameterizedTest
	@EnumSource(ColourMatch.Method.class)
	void styleTakesTheContentsColourMeanAndCovariance(ColourMatch.Method method) {
		RgbImage content = TestImages.content(17, 13);
		RgbImage style = TestImages.style(15, 19);
		RgbImage matched = ColourMatch.matchStyleToContent(style, content, method, false);
		double[][] want = meanAndCovariance(content);
		double[][] before = meanAndCovariance(style);
		double[][] got = meanAndCovariance(matched);
		assertTrue(Math.abs(before[0][0] - want[0][0]) > 0.05, "fixture must differ in colour");
		for (int i = 0; i < 4; i++) {
			for (int j = 0; j < 3; j++) assertEquals(want[i][j], got[i][j], 1e-3, method + " row " + i + " col " + j);
		}
	}

	@Test
	void symmetricVariantDoesNotDependOnTheChannelOrderButCholeskyDoes() {
		RgbImage content = TestImages.content(11, 9);
		RgbImage style = TestImages.style(12, 10);
		for (ColourMatch.Method m : ColourMatch.Method.values()) {
			RgbImage direct = ColourMatch.matchStyleToContent(style, content, m, false);
			RgbImage viaBgr = swapRedBlue(ColourMatch.matchStyleToContent(swapRedBlue(style), swapRedBlue(content), m, false));
			double worst = 0;
			for (int i = 0; i < direct.data().length; i++) worst = Math.max(worst, Math.abs(direct.data()[i] - viaBgr.data()[i]));
			if (m == ColourMatch.Method.SYMMETRIC) assertTrue(worst < 1e-4, "symmetric differs by " + worst);
			else assertTrue(worst > 1e-3, "Cholesky was expected to depend on the channel order, differs by " + worst);
		}
	}

	@Test
	void greyStyleStaysFiniteAndClampedResultStaysInRange() {
		float[] g = new float[3 * 16];
		for (int i = 0; i < 16; i++) g[i] = g[16 + i] = g[32 + i] = i / 15f;
		RgbImage grey = new RgbImage(4, 4, g);
		RgbImage matched = ColourMatch.matchStyleToContent(grey, TestImages.content(8, 8));
		for (float v : matched.data()) assertTrue(v >= 0 && v <= 1, "value " + v);
	}

	private static RgbImage swapRedBlue(RgbImage im) {
		int n = im.width() * im.height();
		float[] d = im.data().clone();
		System.arraycopy(im.data(), 0, d, 2 * n, n);
		System.arraycopy(im.data(), 2 * n, d, 0, n);
		return new RgbImage(im.width(), im.height(), d);
	}

	/** Row 0: mean (R, G, B); rows 1–3: the population covariance, computed pixel by pixel. */
	static double[][] meanAndCovariance(RgbImage im) {
		int n = im.width() * im.height();
		double[][] out = new double[4][3];
		for (int x = 0; x < im.width(); x++) {
			for (int y = 0; y < im.height(); y++) {
				for (int c = 0; c < 3; c++) out[0][c] += im.get(c, x, y) / n;
			}
		}
		for (int x = 0; x < im.width(); x++) {
			for (int y = 0; y < im.height(); y++) {
				for (int a = 0; a < 3; a++) {
					for (int b = 0; b < 3; b++) out[1 + a][b] += (im.get(a, x, y) - out[0][a]) * (im.get(b, x, y) - out[0][b]) / n;
				}
			}
		}
		return out;
	}
}
