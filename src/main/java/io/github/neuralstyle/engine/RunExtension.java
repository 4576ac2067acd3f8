package io.github.neuralstyle.engine;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

import io.github.neuralstyle.engine.losses.LossObjective;

/**
 * What a caller adds to one run of {@link DefaultStyleTransfer}: extra loss terms and an early
 * stop. A sequence adds the temporal term and Ruder et al.'s stopping rule this way; a single
 * image uses {@link #NONE} and runs exactly as without it.
 */
public interface RunExtension {

	/** Adds nothing and never stops early. */
	RunExtension NONE = new RunExtension() {};

	/**
	 * The objective scale {@code scale} (0-based, of {@code scales}; the last is the finest)
	 * optimises: {@code base} itself, or an objective that adds terms to it and closes it when
	 * closed. Terms upload into {@code manager} (freed when the scale ends) in {@code dataType}.
	 */
	default LossObjective objective(LossObjective base, int scale, int scales, NDManager manager, DataType dataType) {
		return base;
	}

	/**
	 * Told each step's report at scale {@code scale} of {@code scales}; true ends that scale after
	 * this step (its final losses are still measured).
	 */
	default boolean stop(int scale, int scales, StepReport report) {
		return false;
	}
}
