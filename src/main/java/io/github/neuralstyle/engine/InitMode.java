package io.github.neuralstyle.engine;

/** What the optimised image starts from. */
public enum InitMode {
	/** The content image. */
	CONTENT,
	/** Seeded uniform noise in [0,1]. */
	NOISE,
	/** The style image resized to the content's working size. */
	STYLE,
	/** A given image resized to the content's working size. */
	IMAGE
}
