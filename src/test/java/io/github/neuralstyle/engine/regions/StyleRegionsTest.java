package io.github.neuralstyle.engine.regions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Label planes of a run: checked against their assignment, resized by nearest neighbour. */
class StyleRegionsTest {

	/** 4 × 2 by hand: left half 1, right half 2. */
	private static final int[] HALVES = { 1, 1, 2, 2, 1, 1, 2, 2 };

	@Test
	void labelsAreResizedByNearestNeighbourWithoutNewValues() {
		StyleRegions r = StyleRegions.of(4, 2, HALVES, Map.of(1, 0, 2, RegionAssignment.NONE));
		assertArrayEquals(new int[] { 1, 2 }, r.labelsAt(2, 1));
		assertArrayEquals(new int[] { 1, 1, 1, 1, 2, 2, 2, 2, 1, 1, 1, 1, 2, 2, 2, 2, 1, 1, 1, 1, 2, 2, 2, 2, 1, 1, 1, 1, 2, 2, 2, 2 },
			r.labelsAt(8, 4));
		assertEquals("1:0,2:none (simple)", r.describe());
		assertEquals(0, r.highestStyle());
		// The plane is copied: changing the caller's array changes nothing.
		int[] mine = HALVES.clone();
		StyleRegions copy = StyleRegions.of(4, 2, mine, Map.of(1, 0, 2, 0));
		mine[0] = 7;
		assertEquals(1, copy.labels()[0]);
	}

	@Test
	void unassignedAndMissingLabelsAreRefusedWithTheFix() {
		String m = assertThrows(IllegalArgumentException.class, () -> StyleRegions.of(4, 2, HALVES, Map.of(1, 0))).getMessage();
		assertTrue(m.contains("label 2 occurs in the label image but has no style: add 2:none"), m);
		m = assertThrows(IllegalArgumentException.class, () -> StyleRegions.of(4, 2, HALVES, Map.of(1, 0, 2, 0, 3, 1))).getMessage();
		assertTrue(m.contains("name label 3, which the label image does not contain (it has [1, 2])"), m);
		m = assertThrows(IllegalArgumentException.class, () -> StyleRegions.of(3, 2, HALVES, Map.of(1, 0, 2, 0))).getMessage();
		assertTrue(m.contains("one value per content pixel (3×2), got 8 values"), m);
		m = assertThrows(IllegalArgumentException.class, () -> StyleRegions.of(2, 1, new int[] { 0, -1 }, Map.of(0, 0))).getMessage();
		assertTrue(m.contains("must be ≥ 0"), m);
	}

	@Test
	void guidanceOfAHandMadeHalfMaskAtAStrideTwoLayer() {
		// relu2_1 (one pooling, stride 2) on an 8 × 4 mask whose left 3 columns are in the region.
		float[] mask = new float[32];
		for (int y = 0; y < 4; y++) for (int x = 0; x < 3; x++) mask[y * 8 + x] = 1;
		GuidanceMaps.Map2d g = GuidanceMaps.forLayer(mask, 8, 4,
			LayerGeometry.of(io.github.neuralstyle.engine.network.VggArchitecture.VGG19, "relu2_1"), GuidanceMaps.Mode.SIMPLE);
		// Stride cells of 2 columns: means 1, 0.5, 0, 0 per row; unit RMS divides by sqrt((1 + 0.25) / 4).
		double k = 1 / Math.sqrt(1.25 / 4);
		float[] want = new float[8];
		for (int y = 0; y < 2; y++) {
			want[y * 4] = (float) k;
			want[y * 4 + 1] = (float) (0.5 * k);
		}
		assertEquals(4, g.width());
		assertEquals(2, g.height());
		assertArrayEquals(want, g.values(), 1e-6f);
	}
}
