package io.github.neuralstyle.engine.regions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.neuralstyle.engine.network.VggArchitecture;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Guidance maps on hand-made masks, at each layer's resolution. */
class GuidanceMapsTest {

	@Test
	void receptiveFieldsMatchThePublishedVggValues() {
		// VGG16's receptive fields as commonly tabulated: conv3_1 24, conv4_1 60, conv5_3 196, pool5 212 px.
		assertEquals(new LayerGeometry(3, 1, -1), LayerGeometry.of(VggArchitecture.VGG16, "relu1_1"));
		assertEquals(24, LayerGeometry.of(VggArchitecture.VGG16, "relu3_1").size());
		assertEquals(60, LayerGeometry.of(VggArchitecture.VGG16, "conv4_1").size());
		assertEquals(196, LayerGeometry.of(VggArchitecture.VGG16, "relu5_3").size());
		assertEquals(new LayerGeometry(212, 32, -90), LayerGeometry.of(VggArchitecture.VGG16, "pool5"));
		// Pooling rounds down: 17 → 8 → 4.
		assertEquals(4, LayerGeometry.of(VggArchitecture.VGG19, "relu3_1").outputSide(17));
	}

	@Test
	void simpleModeAveragesEachStrideCell() {
		// 8×8 mask, the 3 left columns in the region. relu2_1 has stride 2: cells [0,2) → 1, [2,4) → 0.5, the rest 0.
		float[] mask = columns(8, 8, 3);
		GuidanceMaps.Map2d m = map(mask, 8, 8, "relu2_1", GuidanceMaps.Mode.SIMPLE);
		assertEquals(4, m.width());
		assertEquals(4, m.height());
		// Unit RMS: mean of squares (1 + 0.25) / 4 = 0.3125 per row, so values are divided by √0.3125.
		double s = Math.sqrt(0.3125);
		for (int y = 0; y < 4; y++) {
			assertEquals(1 / s, m.values()[y * 4], 1e-5);
			assertEquals(0.5 / s, m.values()[y * 4 + 1], 1e-5);
			assertEquals(0, m.values()[y * 4 + 2], 0);
			assertEquals(0, m.values()[y * 4 + 3], 0);
		}
	}

	@Test
	void insideModeErodesByTheReceptiveField() {
		// relu1_1 sees 3×3 pixels: of the 3 region columns only columns 0 and 1 see no outside pixel
		// (column 0's field reaches into the padding, which does not erode).
		GuidanceMaps.Map2d m1 = map(columns(8, 8, 3), 8, 8, "relu1_1", GuidanceMaps.Mode.INSIDE);
		float[] row = new float[8];
		System.arraycopy(m1.values(), 8 * 5, row, 0, 8);
		assertArrayEquals(new float[] { 2, 2, 0, 0, 0, 0, 0, 0 }, row, 1e-6f); // unit RMS: 2 of 8 columns → √4
		// relu2_1: field 10 px starting at 2i − 4. Region columns 0..9 of 16: neurons 0, 1, 2 are inside, neuron 3 sees columns 10, 11.
		GuidanceMaps.Map2d m2 = map(columns(16, 16, 10), 16, 16, "relu2_1", GuidanceMaps.Mode.INSIDE);
		assertEquals(8, m2.width());
		float v = (float) Math.sqrt(8 / 3.0);
		for (int y = 0; y < 8; y++) {
			for (int x = 0; x < 8; x++) assertEquals(x < 3 ? v : 0, m2.values()[y * 8 + x], 1e-5, "at " + x + "," + y);
		}
		// The simple mode keeps all 5 columns the region covers.
		GuidanceMaps.Map2d simple = map(columns(16, 16, 10), 16, 16, "relu2_1", GuidanceMaps.Mode.SIMPLE);
		assertTrue(simple.values()[4] > 0 && simple.values()[5] == 0);
	}

	@Test
	void regionErodedAwayGivesAZeroMapAndMapsHaveUnitRms() {
		// A 4-column region vanishes at relu3_1 (field 24 px) inside a 32-px image.
		GuidanceMaps.Map2d gone = map(columns(32, 32, 4), 32, 32, "relu3_1", GuidanceMaps.Mode.INSIDE);
		for (float x : gone.values()) assertEquals(0, x, 0);
		float[] soft = new float[20 * 12];
		SplittableRandom r = new SplittableRandom(3);
		for (int i = 0; i < soft.length; i++) soft[i] = (float) r.nextDouble();
		Map<String, GuidanceMaps.Map2d> maps = GuidanceMaps.forLayers(soft, 20, 12, VggArchitecture.VGG19,
			List.of("relu1_1", "relu2_1", "relu3_1"), GuidanceMaps.Mode.SIMPLE);
		for (GuidanceMaps.Map2d m : maps.values()) {
			double sq = 0;
			for (float x : m.values()) sq += x * x;
			assertEquals(1, sq / m.values().length, 1e-5);
		}
		assertEquals(5, maps.get("relu3_1").width());
		assertEquals(3, maps.get("relu3_1").height());
	}

	@Test
	void badMasksAreRefusedWithTheFix() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> map(new float[10], 4, 4, "relu1_1", GuidanceMaps.Mode.SIMPLE));
		assertTrue(e.getMessage().contains("needs 16"), e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> map(new float[9], 3, 3, "relu3_1", GuidanceMaps.Mode.SIMPLE));
		assertTrue(e.getMessage().contains("too small"), e.getMessage());
	}

	@Test
	void labelImagesSplitIntoOneMaskPerLabel() {
		Map<Integer, float[]> m = RegionLabels.masks(new int[] { 0, 2, 2, 1, 0, 2 });
		assertEquals(List.of(0, 1, 2), List.copyOf(m.keySet()));
		assertArrayEquals(new float[] { 1, 0, 0, 0, 1, 0 }, m.get(0));
		assertArrayEquals(new float[] { 0, 0, 0, 1, 0, 0 }, m.get(1));
		assertArrayEquals(new float[] { 0, 1, 1, 0, 0, 1 }, m.get(2));
	}

	private static GuidanceMaps.Map2d map(float[] mask, int w, int h, String layer, GuidanceMaps.Mode mode) {
		return GuidanceMaps.forLayer(mask, w, h, LayerGeometry.of(VggArchitecture.VGG19, layer), mode);
	}

	/** A w × h mask whose {@code n} leftmost columns are 1. */
	private static float[] columns(int w, int h, int n) {
		float[] m = new float[w * h];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < n; x++) m[y * w + x] = 1;
		}
		return m;
	}
}
