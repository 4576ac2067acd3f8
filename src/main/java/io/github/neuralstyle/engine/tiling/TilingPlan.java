package io.github.neuralstyle.engine.tiling;

import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.network.VggArchitecture;

import java.util.Locale;

/**
 * The tiling of one scale: none where the untiled step fits the budget (or is asked for), else
 * the largest core whose step fits.
 *
 * @param grid           the tiles, or null for an untiled step
 * @param estimatedBytes the estimated memory of a step as planned
 * @param budgetBytes    the budget it was planned for
 */
public record TilingPlan(TileGrid grid, long estimatedBytes, long budgetBytes) {

	/** A GB in messages: 2^30 bytes, as in {@code --memory-budget 6g}. */
	private static final double GB = 1L << 30;

	/** Whether the step is tiled. */
	public boolean tiled() {
		return grid != null;
	}

	/** Number of tiles (1 when untiled). */
	public int tiles() {
		return grid == null ? 1 : grid.tiles().size();
	}

	/**
	 * Plans a w×h step; {@code deviceBytes} is the device's memory (≤ 0 if unknown), used when the
	 * options leave the budget automatic.
	 *
	 * @throws IllegalArgumentException naming the size and budget when not even the smallest tiles fit
	 */
	public static TilingPlan choose(TilingOptions o, StyleTransferSettings s, VggArchitecture arch, int deepest, int w, int h,
		long deviceBytes)
	{
		long budget = o.budgetBytes() > 0 ? o.budgetBytes() : deviceBytes > 0 ? (long) (deviceBytes * 0.8) : Long.MAX_VALUE;
		TileGeometry g = TileGeometry.of(arch, deepest);
		if (o.core() > 0) {
			TileGrid grid = new TileGrid(w, h, o.core(), g);
			if (grid.tiles().size() == 1) return new TilingPlan(null, MemoryEstimate.untiled(s, arch, deepest, w, h), budget);
			return new TilingPlan(grid, MemoryEstimate.tiled(s, arch, deepest, grid), budget);
		}
		long untiled = MemoryEstimate.untiled(s, arch, deepest, w, h);
		if (untiled <= budget) return new TilingPlan(null, untiled, budget);
		int longSide = Math.max(w, h);
		long smallest = Long.MAX_VALUE;
		for (int core = TileGeometry.roundUp(longSide, g.stride()) - g.stride(); core >= g.stride(); core -= g.stride()) {
			TileGrid grid = new TileGrid(w, h, core, g);
			long bytes = MemoryEstimate.tiled(s, arch, deepest, grid);
			if (bytes <= budget) return new TilingPlan(grid, bytes, budget);
			smallest = bytes;
		}
		throw new IllegalArgumentException(String.format(Locale.ROOT,
			"size: a %d×%d px run needs about %.1f GB even in the smallest tiles (%.1f GB untiled), more than the budget of %.1f GB; "
				+ "lower size or raise the memory budget", w, h, smallest / GB, untiled / GB, budget / GB));
	}

	/** "untiled" or "16 tiles of core 512 px, halo 80 px". */
	public String describe() {
		return grid == null ? "untiled" : grid.toString();
	}
}
