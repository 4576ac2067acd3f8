package io.github.neuralstyle.engine.video;

import ai.djl.ndarray.NDArray;

import io.github.neuralstyle.engine.optimizers.Evaluation;
import io.github.neuralstyle.engine.optimizers.Objective;

/**
 * An objective plus a {@link TemporalLoss}: value and gradient are the sums. The temporal term
 * has a closed-form gradient, so it adds no backward pass to the base objective's.
 */
public final class TemporalObjective implements Objective {

	private final Objective base;
	private final TemporalLoss temporal;

	/** Adds {@code temporal} (owned by the caller) to {@code base}. */
	public TemporalObjective(Objective base, TemporalLoss temporal) {
		this.base = base;
		this.temporal = temporal;
	}

	@Override
	public Evaluation evaluate(NDArray x) {
		Evaluation b = base.evaluate(x);
		Evaluation t = temporal.evaluate(x);
		return new Evaluation(b.loss().add(t.loss()), b.gradient().add(t.gradient()));
	}
}
