package io.github.neuralstyle.engine.optimizers;

import ai.djl.ndarray.NDArray;

/**
 * A function value and its gradient at a point; both arrays belong to the manager of the step
 * that computed them.
 *
 * @param loss     the scalar value
 * @param gradient the gradient, shaped like the point
 */
public record Evaluation(NDArray loss, NDArray gradient) {}
