package io.github.neuralstyle.engine.optimizers;

/** Which optimiser moves the pixels. */
public enum OptimizerKind {
	/** Adam: first-order, low memory, one forward+backward per step. */
	ADAM,
	/** L-BFGS: quasi-Newton with a short history; converges in fewer steps. */
	LBFGS
}
