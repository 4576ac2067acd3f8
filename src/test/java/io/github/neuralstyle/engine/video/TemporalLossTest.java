package io.github.neuralstyle.engine.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.optimizers.Evaluation;
import io.github.neuralstyle.engine.platform.Devices;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The temporal loss against a hand computation, finite differences and autograd. */
class TemporalLossTest {

	private static final int W = 5;
	private static final int H = 4;
	private static final double WEIGHT = 7.5;

	private final SplittableRandom random = new SplittableRandom(3);
	private final float[] target = randoms(3 * W * H);
	private final float[] x0 = randoms(3 * W * H);
	private final float[] mask = mask();

	@Test
	void valueIsTheWeightedMeanOfSquares() {
		double sum = 0;
		int n = W * H;
		for (int c = 0; c < 3; c++) {
			for (int i = 0; i < n; i++) sum += mask[i] * Math.pow((double) x0[c * n + i] - target[c * n + i], 2);
		}
		double expected = WEIGHT * sum / (3 * n);
		try (NDManager m = manager(); TemporalLoss t = loss(m)) {
			NDArray x = m.create(toDouble(x0), new Shape(1, 3, H, W));
			assertEquals(expected, t.evaluate(x).loss().getDouble(), 1e-12);
			assertEquals(expected, t.loss(x).getDouble(), 1e-12);
		}
	}

	@Test
	void gradientMatchesCentralDifferences() {
		try (NDManager m = manager(); TemporalLoss t = loss(m)) {
			double[] p = toDouble(x0);
			double[] g = t.evaluate(m.create(p, new Shape(1, 3, H, W))).gradient().toDoubleArray();
			double eps = 1e-6;
			for (int i = 0; i < p.length; i++) {
				double[] plus = p.clone();
				double[] minus = p.clone();
				plus[i] += eps;
				minus[i] -= eps;
				double numeric = (value(t, m, plus) - value(t, m, minus)) / (2 * eps);
				assertEquals(numeric, g[i], 1e-7, "sample " + i);
			}
			// Masked pixels pull nothing.
			assertEquals(0, g[1], 0);
		}
	}

	@Test
	void graphNodeGivesTheSameGradientThroughAutograd() {
		try (NDManager m = manager(); TemporalLoss t = loss(m)) {
			NDArray x = m.create(toDouble(x0), new Shape(1, 3, H, W));
			double[] closed = t.evaluate(x).gradient().toDoubleArray();
			NDArray leaf = x.duplicate();
			leaf.setRequiresGradient(true);
			try (GradientCollector c = Engine.getEngine(Devices.ENGINE).newGradientCollector()) {
				c.backward(t.loss(leaf));
			}
			double[] auto = leaf.getGradient().toDoubleArray();
			for (int i = 0; i < auto.length; i++) assertEquals(auto[i], closed[i], 1e-12, "sample " + i);
		}
	}

	@Test
	void objectiveAddsValueAndGradientToTheBase() {
		try (NDManager m = manager(); TemporalLoss t = loss(m)) {
			NDArray x = m.create(toDouble(x0), new Shape(1, 3, H, W));
			// Base: Σx², gradient 2x.
			TemporalObjective f = new TemporalObjective(y -> new Evaluation(y.square().sum(), y.mul(2)), t);
			Evaluation e = f.evaluate(x);
			double base = 0;
			for (float v : x0) base += (double) v * v;
			assertEquals(base + t.evaluate(x).loss().getDouble(), e.loss().getDouble(), 1e-12);
			double[] g = e.gradient().toDoubleArray();
			double[] tg = t.evaluate(x).gradient().toDoubleArray();
			for (int i = 0; i < g.length; i++) assertEquals(2.0 * x0[i] + tg[i], g[i], 1e-12);
		}
	}

	@Test
	void maskOfAnotherSizeIsRefused() {
		try (NDManager m = manager()) {
			RgbImage image = new RgbImage(W, H, target);
			IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> new TemporalLoss(image, new float[7], 1, m, DataType.FLOAT64));
			assertTrue(e.getMessage().contains("7 weights") && e.getMessage().contains("5×4"), e.getMessage());
		}
	}

	private TemporalLoss loss(NDManager m) {
		return new TemporalLoss(new RgbImage(W, H, target), mask, WEIGHT, m, DataType.FLOAT64);
	}

	private static double value(TemporalLoss t, NDManager m, double[] p) {
		return t.evaluate(m.create(p, new Shape(1, 3, H, W))).loss().getDouble();
	}

	private static NDManager manager() {
		return NDManager.newBaseManager(Device.cpu(), Devices.ENGINE);
	}

	/** Zero at pixel 1 and every third pixel, one elsewhere, with one fractional weight. */
	private static float[] mask() {
		float[] m = new float[W * H];
		for (int i = 0; i < m.length; i++) m[i] = i == 1 || i % 3 == 0 ? 0 : 1;
		m[5] = 0.5f;
		return m;
	}

	private float[] randoms(int n) {
		float[] a = new float[n];
		for (int i = 0; i < n; i++) a[i] = (float) random.nextDouble();
		return a;
	}

	private static double[] toDouble(float[] a) {
		double[] d = new double[a.length];
		for (int i = 0; i < a.length; i++) d[i] = a[i];
		return d;
	}
}
