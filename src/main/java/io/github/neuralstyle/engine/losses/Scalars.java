package io.github.neuralstyle.engine.losses;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Scalar constants for use inside a recorded graph.
 * <p>
 * Why: DJL's {@code array.mul(Number)} (and add, div, …) wraps the number in a tensor over a
 * Java direct buffer and closes that wrapper right after the op. Autograd keeps the tensor for
 * the backward pass, but the buffer is then only reachable from native code, so the Java GC
 * frees it: backward reads freed memory (seen here as NaN losses, stalled runs and heap
 * corruption at 128 px and above). A scalar made by the engine owns its memory.
 */
final class Scalars {

	private Scalars() {}

	/** A 0-d array holding {@code value}, of {@code like}'s type, on its device, owned by its manager. */
	static NDArray of(NDArray like, double value) {
		return like.getManager().full(new Shape(), (float) value, like.getDataType());
	}
}
