package io.github.neuralstyle.engine.platform;

/** Where the optimisation runs. */
public enum DeviceChoice {
	/** The first GPU if the engine sees one, else the CPU. */
	AUTO,
	/** The CPU. */
	CPU,
	/** A GPU; fails with a clear message if none is visible. */
	GPU
}
