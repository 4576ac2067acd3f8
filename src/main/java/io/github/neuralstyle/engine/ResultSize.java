package io.github.neuralstyle.engine;

/** The size of the returned image. */
public enum ResultSize {
	/** The working size the optimisation ran at. */
	WORKING,
	/** Resized back to the content image's size. */
	CONTENT
}
