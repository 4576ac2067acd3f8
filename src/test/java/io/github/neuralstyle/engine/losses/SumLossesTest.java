package io.github.neuralstyle.engine.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

import io.github.neuralstyle.engine.platform.Devices;

import java.util.SplittableRandom;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The summed recipe forms against plain-Java formulas and finite differences. */
class SumLossesTest {

	private static final int C = 3, H = 5, W = 6;

	/** A fresh manager per test, closed after it. */
	@AutoClose
	private final NDManager manager = NDManager.newBaseManager(ai.djl.Device.cpu(), Devices.ENGINE);

	/** The Keras article's total_variation_loss, written out: Σ over c, i &lt; H−1, j &lt; W−1 of (a + b)^p. */
	private static double tvByHand(double[] x, double p) {
		double sum = 0;
		for (int c = 0; c < C; c++) {
			for (int i = 0; i < H - 1; i++) {
				for (int j = 0; j < W - 1; j++) {
					double v = x[(c * H + i) * W + j];
					double a = Math.pow(v - x[(c * H + i + 1) * W + j], 2);
					double b = Math.pow(v - x[(c * H + i) * W + j + 1], 2);
					sum += Math.pow(a + b, p);
				}
			}
		}
		return sum;
	}

	private static double[] random(long seed) {
		double[] x = new double[C * H * W];
		SplittableRandom r = new SplittableRandom(seed);
		for (int i = 0; i < x.length; i++) x[i] = r.nextDouble();
		return x;
	}

	@ParameterizedTest
	@ValueSource(doubles = { 1, 1.25, 0.75 })
	void powerTvValueAndGradientMatchTheFormula(double p) {
		double[] x0 = random(7);
		NDArray x = manager.create(x0, new Shape(1, C, H, W));
		x.setRequiresGradient(true);
		double value;
		double[] grad;
		try (GradientCollector c = Engine.getEngine(Devices.ENGINE).newGradientCollector()) {
			NDArray tv = SumLosses.totalVariationPower(x, p);
			value = tv.getDouble();
			c.backward(tv);
			grad = x.getGradient().toDoubleArray();
		}
		assertEquals(tvByHand(x0, p), value, 1e-9 * Math.max(1, value));
		double eps = 1e-6;
		for (int k = 0; k < x0.length; k++) {
			double[] up = x0.clone(), down = x0.clone();
			up[k] += eps;
			down[k] -= eps;
			double numeric = (tvByHand(up, p) - tvByHand(down, p)) / (2 * eps);
			assertEquals(numeric, grad[k], 1e-5 * Math.max(1, Math.abs(numeric)), "p = " + p + ", element " + k);
		}
	}

	@ParameterizedTest
	@ValueSource(doubles = { 1.25, 0.75, 0.5 })
	void gradientAtAFlatImageIsZeroNotNaN(double p) {
		NDArray x = manager.full(new Shape(1, C, H, W), 0.4f);
		x.setRequiresGradient(true);
		try (GradientCollector c = Engine.getEngine(Devices.ENGINE).newGradientCollector()) {
			c.backward(SumLosses.totalVariationPower(x, p));
			for (float g : x.getGradient().toFloatArray()) assertEquals(0, g, 0, "p = " + p);
		}
	}

	@Test
	void contentSumIsTheSumTheMeanAverages() {
		NDArray f = manager.create(new float[] { 1, 2, 3, 4 }, new Shape(1, 2, 1, 2));
		NDArray t = manager.create(new float[] { 0, 0, 1, 1 }, new Shape(1, 2, 1, 2));
		// (1² + 2² + 2² + 3²) = 18, and 4 × the mean.
		assertEquals(18, SumLosses.content(f, t).getFloat(), 1e-6);
		assertEquals(4 * Losses.content(f, t).getFloat(), SumLosses.content(f, t).getFloat(), 1e-5);
	}

	@Test
	void degenerateImagesAndBadPowers() {
		assertEquals(0, SumLosses.totalVariationPower(manager.ones(new Shape(1, 3, 1, 4)), 1.25).getFloat(), 0);
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> SumLosses.totalVariationPower(manager.ones(new Shape(1, 3, 2, 2)), 0));
		assertTrue(e.getMessage().contains("tv power must be a number > 0"), e.getMessage());
	}
}
