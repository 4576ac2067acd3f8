package io.github.neuralstyle.engine.tiling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A partition of a w×h image into tile cores on the pooling grid, each with its window (core plus
 * halo, clipped at the border). Every feature position of every layer up to the geometry's deepest
 * belongs to exactly one core, so sums over positions split exactly into sums over tiles.
 */
public final class TileGrid {

	private final int width, height, core;
	private final TileGeometry geometry;
	private final List<Tile> tiles;

	/**
	 * Cuts a {@code width}×{@code height} image into cores of at most {@code core} px (rounded up
	 * to the stride), spread evenly: n = ⌈side / core⌉ per side, all but the last of equal size.
	 */
	public TileGrid(int width, int height, int core, TileGeometry geometry) {
		if (core < 1) throw new IllegalArgumentException("tile: the core size must be positive, got " + core);
		this.width = width;
		this.height = height;
		this.geometry = geometry;
		int requested = TileGeometry.roundUp(core, geometry.stride());
		int[] xs = cuts(width, requested, geometry.stride());
		int[] ys = cuts(height, requested, geometry.stride());
		this.core = Math.max(xs[1], ys[1]);
		List<Tile> list = new ArrayList<>();
		int h = geometry.halo();
		for (int j = 0; j + 1 < ys.length; j++) {
			for (int i = 0; i + 1 < xs.length; i++) {
				list.add(new Tile(xs[i], xs[i + 1], ys[j], ys[j + 1], Math.max(0, xs[i] - h), Math.min(width, xs[i + 1] + h),
					Math.max(0, ys[j] - h), Math.min(height, ys[j + 1] + h)));
			}
		}
		this.tiles = Collections.unmodifiableList(list);
	}

	/** Core boundaries 0 = b0 &lt; b1 &lt; … &lt; bn = side, inner ones on multiples of {@code stride}. */
	private static int[] cuts(int side, int core, int stride) {
		int n = (side + core - 1) / core;
		// ≤ core, and (n − 1)·step < side because (n − 1)·core < side: every tile is non-empty.
		int step = TileGeometry.roundUp((side + n - 1) / n, stride);
		int[] b = new int[n + 1];
		for (int i = 1; i < n; i++) b[i] = i * step;
		b[n] = side;
		return b;
	}

	/** The tiles, row by row. */
	public List<Tile> tiles() {
		return tiles;
	}

	/** The largest core side in px: the requested size rounded up to the stride, or less where the cores are spread evenly. */
	public int core() {
		return core;
	}

	/** The geometry the grid respects. */
	public TileGeometry geometry() {
		return geometry;
	}

	/** The image width. */
	public int width() {
		return width;
	}

	/** The image height. */
	public int height() {
		return height;
	}

	/** The window of {@code tile} cut from an image of shape (1, C, height, width). */
	public NDArray window(NDArray image, Tile tile) {
		return image.get(new NDIndex(":, :, {}:{}, {}:{}", tile.wy0(), tile.wy1(), tile.wx0(), tile.wx1()));
	}

	/** The index of {@code tile}'s window in an image of shape (1, C, height, width). */
	public NDIndex windowIndex(Tile tile) {
		return new NDIndex(":, :, {}:{}, {}:{}", tile.wy0(), tile.wy1(), tile.wx0(), tile.wx1());
	}

	/**
	 * The core positions of a layer of pooling stride {@code stride} within features computed from
	 * {@code tile}'s window; null where the core holds no position at this layer (a thin last tile
	 * at a deep layer, whose positions the border's floor pooling dropped).
	 */
	public NDArray core(NDArray windowFeatures, Tile tile, int stride) {
		long mapH = windowFeatures.getShape().get(2);
		long mapW = windowFeatures.getShape().get(3);
		long top = (tile.y0() - tile.wy0()) / stride;
		long left = (tile.x0() - tile.wx0()) / stride;
		long bottom = tile.y1() == height ? mapH : (tile.y1() - tile.wy0()) / stride;
		long right = tile.x1() == width ? mapW : (tile.x1() - tile.wx0()) / stride;
		if (bottom <= top || right <= left) return null;
		if (top == 0 && left == 0 && bottom == mapH && right == mapW) return windowFeatures;
		return windowFeatures.get(new NDIndex(":, :, {}:{}, {}:{}", top, bottom, left, right));
	}

	@Override
	public String toString() {
		return tiles.size() + " tiles of core " + core + " px, halo " + geometry.halo() + " px";
	}
}
