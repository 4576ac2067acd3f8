package io.github.neuralstyle.engine.tiling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.network.VggArchitecture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Receptive fields, the partition into cores, and the choice of tiles from a memory budget. */
class TileGridTest {

	/**
	 * The receptive field by the textbook recurrence (field += (k − 1)·jump, jump ×= stride),
	 * independent of {@link TileGeometry}'s block view: radius = (field − stride) / 2.
	 */
	@ParameterizedTest
	@CsvSource({ "VGG19, relu5_1, 156, 16", "VGG19, relu4_2, 84, 8", "VGG16, relu5_1, 132, 16", "VGG19, conv3_1, 24, 4",
		"VGG19, relu1_1, 3, 1", "VGG19, pool2, 16, 4", "VGG19, conv5_4, 252, 16" })
	void radiusAndStrideMatchTheTextbookReceptiveField(VggArchitecture arch, String layer, int field, int stride) {
		int f = 1, jump = 1;
		for (int i = 0; i <= arch.index(layer); i++) {
			String name = arch.layerNames().get(i);
			if (name.startsWith("conv")) f += 2 * jump;
			else if (name.startsWith("pool")) {
				f += jump;
				jump *= 2;
			}
		}
		assertEquals(field, f);
		TileGeometry g = TileGeometry.of(arch, arch.index(layer));
		assertEquals(stride, g.stride());
		assertEquals((field - stride) / 2, g.radius());
		assertTrue(g.halo() >= g.radius() && g.halo() % stride == 0 && g.halo() < g.radius() + stride);
	}

	@Test
	void coresPartitionTheImageOnTheStrideAndWindowsAddTheClippedHalo() {
		TileGeometry g = TileGeometry.of(VggArchitecture.VGG19, VggArchitecture.VGG19.index("relu5_1"));
		TileGrid grid = new TileGrid(1000, 517, 200, g);
		int[] owners = new int[1000 * 517];
		for (Tile t : grid.tiles()) {
			for (int y = t.y0(); y < t.y1(); y++) for (int x = t.x0(); x < t.x1(); x++) owners[y * 1000 + x]++;
			assertTrue(t.x0() % 16 == 0 && t.y0() % 16 == 0 && (t.x1() % 16 == 0 || t.x1() == 1000) && (t.y1() % 16 == 0 || t.y1() == 517));
			assertTrue(t.x1() - t.x0() <= 208 && t.y1() - t.y0() <= 208, t::toString);
			assertEquals(Math.max(0, t.x0() - 80), t.wx0());
			assertEquals(Math.min(1000, t.x1() + 80), t.wx1());
			assertEquals(Math.max(0, t.y0() - 80), t.wy0());
			assertEquals(Math.min(517, t.y1() + 80), t.wy1());
		}
		for (int o : owners) assertEquals(1, o);
		assertEquals(5 * 3, grid.tiles().size());
	}

	@Test
	void automaticTilingOnlyWhereTheUntiledStepExceedsTheBudget() {
		StyleTransferSettings s = StyleTransferSettings.builder().build();
		VggArchitecture arch = VggArchitecture.VGG19;
		int deepest = s.deepestLayerIndex(arch);
		long untiled = MemoryEstimate.untiled(s, arch, deepest, 1024, 768);
		TilingOptions auto = new TilingOptions(TilingOptions.AUTO, untiled);
		assertTrue(!TilingPlan.choose(auto, s, arch, deepest, 1024, 768, -1).tiled());
		TilingPlan tight = TilingPlan.choose(new TilingOptions(0, untiled / 3), s, arch, deepest, 1024, 768, -1);
		assertTrue(tight.tiled() && tight.tiles() > 1, tight::describe);
		assertTrue(tight.estimatedBytes() <= untiled / 3);
		// The largest core that fits: one stride more would not.
		TileGrid larger = new TileGrid(1024, 768, tight.grid().core() + 16, tight.grid().geometry());
		assertTrue(larger.tiles().size() == tight.tiles() || MemoryEstimate.tiled(s, arch, deepest, larger) > untiled / 3);
		// Automatic budget: 80% of the device's memory.
		assertTrue(TilingPlan.choose(TilingOptions.automatic(), s, arch, deepest, 1024, 768, untiled * 2).budgetBytes() == (long) (untiled * 1.6));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> TilingPlan.choose(new TilingOptions(0, 1 << 20), s, arch, deepest, 1024, 768, -1));
		assertTrue(e.getMessage().contains("1024×768") && e.getMessage().contains("memory budget"), e::getMessage);
	}

	@Test
	void memorySizesParse() {
		assertEquals(6L << 30, TilingOptions.parseBytes("--memory-budget", "6g"));
		assertEquals(512L << 20, TilingOptions.parseBytes("--memory-budget", "512M"));
		assertEquals((long) (1.5 * (1L << 30)), TilingOptions.parseBytes("--memory-budget", "1.5GB"));
		assertEquals(1000, TilingOptions.parseBytes("--memory-budget", "1000"));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TilingOptions.parseBytes("--memory-budget", "lots"));
		assertTrue(e.getMessage().contains("6g"), e::getMessage);
	}
}
