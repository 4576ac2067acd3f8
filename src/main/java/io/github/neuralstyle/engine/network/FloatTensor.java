package io.github.neuralstyle.engine.network;

import java.util.Arrays;

/**
 * An immutable dense float32 tensor in row-major (C) order, free of any engine.
 * <p>
 * Weights readers produce these so that file formats stay independent of DJL.
 */
public final class FloatTensor {

	private final long[] shape;
	private final float[] data;

	/** Wraps {@code data} (not copied: callers hand over ownership) with the given shape. */
	public FloatTensor(long[] shape, float[] data) {
		long n = 1;
		for (long d : shape) {
			if (d < 0) throw new IllegalArgumentException("Negative dimension in shape " + Arrays.toString(shape));
			n *= d;
		}
		if (n != data.length) {
			throw new IllegalArgumentException("Shape " + Arrays.toString(shape) + " needs " + n
				+ " values but " + data.length + " were given");
		}
		this.shape = shape.clone();
		this.data = data;
	}

	/** The shape; a copy. */
	public long[] shape() {
		return shape.clone();
	}

	/** The values in row-major order; the live array, not to be modified. */
	public float[] data() {
		return data;
	}

	/** Number of values. */
	public int size() {
		return data.length;
	}

	@Override
	public String toString() {
		return "FloatTensor" + Arrays.toString(shape);
	}
}
