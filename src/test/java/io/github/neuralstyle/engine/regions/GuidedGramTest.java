package io.github.neuralstyle.engine.regions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

import io.github.neuralstyle.engine.losses.GramMatrix;
import io.github.neuralstyle.engine.losses.Losses;
import io.github.neuralstyle.engine.platform.Devices;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The guided Gram matrix of a tiny feature map against a hand computation. */
class GuidedGramTest {

	/** A fresh manager per test, closed after it. */
	@AutoClose
	private final NDManager manager = NDManager.newBaseManager(ai.djl.Device.cpu(), Devices.ENGINE);

	/** Features (1, C=2, H=1, W=2): channel 0 = [1, 2], channel 1 = [3, 4]. */
	private NDArray features() {
		return manager.create(new float[] { 1, 2, 3, 4 }, new Shape(1, 2, 1, 2));
	}

	@Test
	void guidedGramByHand() {
		// T = [1.5, 0.5]: F∘T has channel 0 = [1.5, 1], channel 1 = [4.5, 2]; G = (F∘T)(F∘T)ᵀ / (C·H·W = 4).
		NDArray g = GuidedGram.of(features(), new GuidanceMaps.Map2d(2, 1, new float[] { 1.5f, 0.5f }));
		float[] want = { (1.5f * 1.5f + 1) / 4, (1.5f * 4.5f + 2) / 4, (1.5f * 4.5f + 2) / 4, (4.5f * 4.5f + 4) / 4 };
		assertArrayEquals(want, g.toFloatArray(), 1e-6f);
		assertEquals(new Shape(2, 2), g.getShape());
	}

	@Test
	void unitGuideGivesThePlainGramMatrix() {
		NDArray g = GuidedGram.of(features(), new GuidanceMaps.Map2d(2, 1, new float[] { 1, 1 }));
		assertArrayEquals(GramMatrix.of(features()).toFloatArray(), g.toFloatArray(), 0f);
	}

	@Test
	void positionsOutsideTheRegionGetNoStyleGradient() {
		NDArray f = features();
		f.setRequiresGradient(true);
		NDArray target = manager.create(new float[] { 1, 0, 0, 1 }, new Shape(2, 2));
		float[] grad;
		try (GradientCollector c = Engine.getEngine(Devices.ENGINE).newGradientCollector()) {
			NDArray guided = GuidedGram.guided(f, new GuidanceMaps.Map2d(2, 1, new float[] { 1.4142135f, 0 }));
			c.backward(Losses.style(guided, target).surrogate());
			grad = f.getGradient().toFloatArray();
		}
		// Layout (c, x): index 1 and 3 are position x = 1, outside the region.
		assertEquals(0, grad[1], 0);
		assertEquals(0, grad[3], 0);
		assertEquals(true, Math.abs(grad[0]) > 1e-4 && Math.abs(grad[2]) > 1e-4);
	}

	@Test
	void mapOfAnotherLayerIsRefused() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> GuidedGram.of(features(), new GuidanceMaps.Map2d(3, 1, new float[3])));
		assertEquals(true, e.getMessage().contains("make the map for this layer"), e.getMessage());
	}
}
