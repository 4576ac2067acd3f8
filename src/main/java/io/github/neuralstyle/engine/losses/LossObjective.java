package io.github.neuralstyle.engine.losses;

import ai.djl.ndarray.NDArray;

import io.github.neuralstyle.engine.optimizers.Objective;

/**
 * The style-transfer loss as the run loop sees it, tiled or not: an {@link Objective} that also
 * reports its unweighted terms per step and owns its targets.
 */
public interface LossObjective extends Objective, AutoCloseable {

	/** Forgets the terms of earlier evaluations: the next evaluation's are the step's. */
	void beginStep();

	/**
	 * The unweighted content, style and TV terms at the point a step started from (its first
	 * evaluation; a line search makes more); null where a term is off.
	 */
	NDArray[] stepTerms();

	/** Frees the targets. */
	@Override
	void close();
}
