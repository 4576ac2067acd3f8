package io.github.neuralstyle.engine;

/**
 * An RGB image with float samples in [0,1], stored planar (channel, row, column): the red
 * plane, then green, then blue.
 */
public final class RgbImage {

	private final int width;
	private final int height;
	private final float[] chw;

	/** Wraps planar data of length 3·width·height (not copied). */
	public RgbImage(int width, int height, float[] chw) {
		if (width < 1 || height < 1) {
			throw new IllegalArgumentException("Image size must be at least 1×1, got " + width + "×" + height);
		}
		if (chw.length != 3L * width * height) {
			throw new IllegalArgumentException("RGB " + width + "×" + height + " needs " + 3L * width * height
				+ " samples, got " + chw.length);
		}
		this.width = width;
		this.height = height;
		this.chw = chw;
	}

	/** Width in pixels. */
	public int width() {
		return width;
	}

	/** Height in pixels. */
	public int height() {
		return height;
	}

	/** The planar samples; the live array. */
	public float[] data() {
		return chw;
	}

	/** Sample of channel {@code c} (0 red, 1 green, 2 blue) at column {@code x}, row {@code y}. */
	public float get(int c, int x, int y) {
		return chw[(c * height + y) * width + x];
	}
}
