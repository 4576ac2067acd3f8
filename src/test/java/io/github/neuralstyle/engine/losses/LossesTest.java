package io.github.neuralstyle.engine.losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

import io.github.neuralstyle.engine.platform.Devices;

import java.util.SplittableRandom;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Loss terms against values computed by hand. */
class LossesTest {

	/** A fresh manager per test, closed after it. */
	@AutoClose
	private final NDManager manager = NDManager.newBaseManager(ai.djl.Device.cpu(), Devices.ENGINE);

	/** Features (1, C=2, H=1, W=2): channel 0 = [1, 2], channel 1 = [3, 4]. */
	private NDArray features() {
		return manager.create(new float[] { 1, 2, 3, 4 }, new Shape(1, 2, 1, 2));
	}

	@Test
	void gramIsFFtOverCHW() {
		// F·Fᵀ = [[1+4, 3+8], [3+8, 9+16]] = [[5, 11], [11, 25]]; C·H·W = 4.
		assertArrayEquals(new float[] { 1.25f, 2.75f, 2.75f, 6.25f }, GramMatrix.of(features()).toFloatArray(), 1e-6f);
	}

	@Test
	void gramRejectsBatches() {
		assertThrows(IllegalArgumentException.class, () -> GramMatrix.of(manager.zeros(new Shape(2, 2, 1, 1))));
	}

	@Test
	void contentIsMeanSquaredDifference() {
		NDArray p = manager.create(new float[] { 0, 2, 3, 6 }, new Shape(1, 2, 1, 2));
		// differences 1, 0, 0, -2 → (1 + 0 + 0 + 4) / 4
		assertEquals(1.25f, Losses.content(features(), p).getFloat(), 1e-6f);
	}

	@Test
	void styleIsMeanSquaredGramDifference() {
		NDArray a = manager.create(new float[] { 1, 2, 3, 6 }, new Shape(2, 2));
		// G − A = [0.25, 0.75, -0.25, 0.25] → (0.0625 + 0.5625 + 0.0625 + 0.0625) / 4
		assertEquals(0.1875f, Losses.style(features(), a).value().getFloat(), 1e-6f);
	}

	@Test
	void styleSurrogateHasTheGradientOfTheStyleValue() {
		SplittableRandom random = new SplittableRandom(3);
		Shape shape = new Shape(1, 3, 2, 4);
		double[] f0 = random.doubles(shape.size(), -1, 1).toArray();
		// The domain: targets are Gram matrices, hence symmetric.
		NDArray target = GramMatrix.of(manager.create(random.doubles(shape.size(), 0, 1).toArray(), shape));
		NDArray f = manager.create(f0, shape);
		f.setRequiresGradient(true);
		try (GradientCollector c = Engine.getEngine(Devices.ENGINE).newGradientCollector()) {
			c.backward(Losses.style(f, target).surrogate());
		}
		double[] analytic = f.getGradient().toDoubleArray();
		double eps = 1e-6;
		for (int i = 0; i < f0.length; i++) {
			double[] up = f0.clone();
			double[] down = f0.clone();
			up[i] += eps;
			down[i] -= eps;
			double numeric = (styleValue(up, shape, target) - styleValue(down, shape, target)) / (2 * eps);
			assertEquals(numeric, analytic[i], 1e-7 + 1e-6 * Math.abs(numeric), "element " + i);
		}
	}

	private double styleValue(double[] f, Shape shape, NDArray target) {
		return Losses.style(manager.create(f, shape), target).value().getDouble();
	}

	@Test
	void totalVariationAveragesBothDirections() {
		// One channel, 2×3: rows [0, 1, 3], [2, 2, 2].
		NDArray x = manager.create(new float[] { 0, 1, 3, 2, 2, 2 }, new Shape(1, 1, 2, 3));
		// vertical differences 2, 1, -1 → mean 2; horizontal 1, 2, 0, 0 → mean 5/4
		assertEquals(2f + 1.25f, Losses.totalVariation(x).getFloat(), 1e-6f);
	}

	@Test
	void totalVariationOfASingleRowUsesOnlyColumns() {
		NDArray x = manager.create(new float[] { 0, 2, 2 }, new Shape(1, 1, 1, 3));
		assertEquals(2f, Losses.totalVariation(x).getFloat(), 1e-6f);
	}
}
