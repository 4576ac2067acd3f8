package io.github.neuralstyle.engine.video;

import ai.djl.ndarray.NDArray;

import io.github.neuralstyle.engine.losses.LossObjective;
import io.github.neuralstyle.engine.optimizers.Evaluation;

/**
 * A run's {@link LossObjective} plus a {@link TemporalLoss}: values and gradients are summed (the
 * step reports' totals include the temporal term), the terms reported per step are the base's,
 * and closing it closes both.
 */
final class TemporalLossObjective implements LossObjective {

	private final LossObjective base;
	private final TemporalLoss temporal;

	/** Adds {@code temporal} to {@code base}; takes ownership of both. */
	TemporalLossObjective(LossObjective base, TemporalLoss temporal) {
		this.base = base;
		this.temporal = temporal;
	}

	@Override
	public Evaluation evaluate(NDArray x) {
		Evaluation b = base.evaluate(x);
		Evaluation t = temporal.evaluate(x);
		return new Evaluation(b.loss().add(t.loss()), b.gradient().add(t.gradient()));
	}

	@Override
	public void beginStep() {
		base.beginStep();
	}

	@Override
	public NDArray[] stepTerms() {
		return base.stepTerms();
	}

	@Override
	public void close() {
		try {
			base.close();
		}
		finally {
			temporal.close();
		}
	}
}
