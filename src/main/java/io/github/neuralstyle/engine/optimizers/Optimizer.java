package io.github.neuralstyle.engine.optimizers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Moves a point downhill on an {@link Objective}, one step at a time, updating it in place.
 * <p>
 * Each step runs with the point temporarily attached to {@code step}, a manager closed right
 * after the step: everything transient is created there, and only the optimiser's own state
 * outlives the step. Callers may change the point between steps (e.g. clamp it); the
 * optimiser takes the point as it finds it.
 */
public interface Optimizer extends AutoCloseable {

	/** Makes one step from {@code x} and returns the loss at the {@code x} it started from. */
	NDArray step(NDArray x, Objective f, NDManager step);

	/** Frees the optimiser's state. */
	@Override
	void close();
}
