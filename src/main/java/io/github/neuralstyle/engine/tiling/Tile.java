package io.github.neuralstyle.engine.tiling;

/**
 * One tile in pixels: the core it owns, {@code [x0, x1) × [y0, y1)}, and the window it is computed
 * from, {@code [wx0, wx1) × [wy0, wy1)}: the core plus the halo, clipped at the image's border
 * (where the untiled network also sees its zero padding).
 */
public record Tile(int x0, int x1, int y0, int y1, int wx0, int wx1, int wy0, int wy1) {

	/** Window width in pixels. */
	public int windowWidth() {
		return wx1 - wx0;
	}

	/** Window height in pixels. */
	public int windowHeight() {
		return wy1 - wy0;
	}
}
