package io.github.neuralstyle.engine.network;

/** The 2×2, stride 2 pooling between VGG blocks. */
public enum Pooling {
	/** Max pooling, as VGG was trained. */
	MAX,
	/** Average pooling, which Gatys et al. found gives smoother results. */
	AVG
}
