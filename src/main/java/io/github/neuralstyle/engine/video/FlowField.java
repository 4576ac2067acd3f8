package io.github.neuralstyle.engine.video;

import java.util.Arrays;

/**
 * A dense displacement field on a width × height grid: pixel (x, y) of the first frame moves to
 * (x + u, y + v) in the second, in pixels, row-major.
 */
public final class FlowField {

	private final int width;
	private final int height;
	private final float[] u;
	private final float[] v;

	/** Wraps the horizontal and vertical components (not copied), each of length width·height. */
	public FlowField(int width, int height, float[] u, float[] v) {
		if (width < 1 || height < 1) {
			throw new IllegalArgumentException("Flow size must be at least 1×1, got " + width + "×" + height);
		}
		if (u.length != width * height || v.length != width * height) {
			throw new IllegalArgumentException("Flow " + width + "×" + height + " needs " + width * height
				+ " samples per component, got " + u.length + " and " + v.length);
		}
		this.width = width;
		this.height = height;
		this.u = u;
		this.v = v;
	}

	/** A field of constant displacement (u, v). */
	public static FlowField constant(int width, int height, float u, float v) {
		float[] fu = new float[width * height];
		float[] fv = new float[width * height];
		Arrays.fill(fu, u);
		Arrays.fill(fv, v);
		return new FlowField(width, height, fu, fv);
	}

	/** Width in pixels. */
	public int width() {
		return width;
	}

	/** Height in pixels. */
	public int height() {
		return height;
	}

	/** Horizontal displacements, row-major; the live array. */
	public float[] u() {
		return u;
	}

	/** Vertical displacements, row-major; the live array. */
	public float[] v() {
		return v;
	}

	/** Horizontal displacement at column x, row y. */
	public float u(int x, int y) {
		return u[y * width + x];
	}

	/** Vertical displacement at column x, row y. */
	public float v(int x, int y) {
		return v[y * width + x];
	}
}
