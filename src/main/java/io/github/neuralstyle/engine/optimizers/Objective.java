package io.github.neuralstyle.engine.optimizers;

import ai.djl.ndarray.NDArray;

/** A differentiable scalar function of an array, as optimisers see it. */
@FunctionalInterface
public interface Objective {

	/** Evaluates at {@code x} (left unchanged); results belong to {@code x}'s manager. */
	Evaluation evaluate(NDArray x);
}
