package io.github.neuralstyle.engine.losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import io.github.neuralstyle.engine.platform.Devices;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Blended Gram targets: normalised weights, (1, 0) exact, linear in the weights. */
class StyleBlendTest {

	/** A fresh manager per test, closed after it. */
	@AutoClose
	private final NDManager manager = NDManager.newBaseManager(ai.djl.Device.cpu(), Devices.ENGINE);

	private NDArray gram(long seed) {
		float[] v = new float[16];
		SplittableRandom r = new SplittableRandom(seed);
		for (int i = 0; i < v.length; i++) v[i] = (float) r.nextDouble();
		return manager.create(v, new Shape(4, 4));
	}

	@Test
	void weightOneAndZeroGiveTheFirstTargetExactly() {
		NDArray a = gram(1), b = gram(2);
		assertArrayEquals(a.toFloatArray(), StyleBlend.blend(List.of(a, b), new double[] { 1, 0 }).toFloatArray(), 0f);
		assertArrayEquals(b.toFloatArray(), StyleBlend.blend(List.of(a, b), new double[] { 0, 5 }).toFloatArray(), 0f);
	}

	@Test
	void blendIsLinearInTheNormalisedWeights() {
		NDArray a = gram(1), b = gram(2), c = gram(3);
		float[] av = a.toFloatArray(), bv = b.toFloatArray(), cv = c.toFloatArray();
		// jcjohnson's 3,7 is 0.3 and 0.7.
		float[] blended = StyleBlend.blend(List.of(a, b), new double[] { 3, 7 }).toFloatArray();
		for (int i = 0; i < 16; i++) assertTrue(Math.abs(blended[i] - (0.3 * av[i] + 0.7 * bv[i])) < 1e-6);
		// Mixing two weight vectors mixes the targets: blend(½u + ½v) = ½ blend(u) + ½ blend(v) for normalised u, v.
		double[] u = { 0.2, 0.5, 0.3 }, v = { 0.6, 0.1, 0.3 };
		float[] bu = StyleBlend.blend(List.of(a, b, c), u).toFloatArray();
		float[] bvv = StyleBlend.blend(List.of(a, b, c), v).toFloatArray();
		float[] mid = StyleBlend.blend(List.of(a, b, c), new double[] { 0.4, 0.3, 0.3 }).toFloatArray();
		for (int i = 0; i < 16; i++) {
			assertTrue(Math.abs(mid[i] - 0.5 * (bu[i] + bvv[i])) < 1e-6);
			assertTrue(Math.abs(bu[i] - (0.2 * av[i] + 0.5 * bv[i] + 0.3 * cv[i])) < 1e-6);
		}
	}

	@Test
	void badWeightsNameTheFix() {
		NDArray a = gram(1), b = gram(2);
		assertArrayEquals(new double[] { 0.3, 0.7 }, StyleBlend.normalise(new double[] { 3, 7 }), 1e-12);
		String m = assertThrows(IllegalArgumentException.class, () -> StyleBlend.normalise(new double[] { 0, 0 })).getMessage();
		assertTrue(m.contains("all 0"), m);
		m = assertThrows(IllegalArgumentException.class, () -> StyleBlend.normalise(new double[] { 1, -1 })).getMessage();
		assertTrue(m.contains("≥ 0"), m);
		m = assertThrows(IllegalArgumentException.class, () -> StyleBlend.blend(List.of(a, b), new double[] { 1 })).getMessage();
		assertTrue(m.contains("one weight per style"), m);
		NDArray small = manager.ones(new Shape(2, 2));
		m = assertThrows(IllegalArgumentException.class, () -> StyleBlend.blend(List.of(a, small), new double[] { 1, 1 })).getMessage();
		assertTrue(m.contains("same layer"), m);
	}
}
