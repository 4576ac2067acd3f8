package io.github.neuralstyle.engine.losses;

/** Whether a loss term averages or sums over its elements (see {@link Losses} and {@link SumLosses}). */
public enum Reduction {
	/** The mean: our default, so that weights mean the same at every image size. */
	MEAN,
	/** The sum: how some recipes write the term; their weights then carry over at every size. */
	SUM
}
