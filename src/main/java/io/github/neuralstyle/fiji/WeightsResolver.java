package io.github.neuralstyle.fiji;

import io.github.neuralstyle.engine.network.VggWeights;

import java.io.IOException;

/** Where the command gets VGG weights from; tests replace it with synthetic weights. */
@FunctionalInterface
public interface WeightsResolver {

	/**
	 * Weights for a model id ({@code vgg19-caffe}, {@code vgg16-caffe}, {@code vgg19-torchvision})
	 * or a local file path (.h5, .safetensors, .npz).
	 *
	 * @param spec     the model id or path
	 * @param progress receives download progress and status messages
	 */
	VggWeights resolve(String spec, Progress progress) throws IOException;

	/** Download progress of weights. */
	interface Progress {

		/** Ignores everything. */
		Progress NONE = new Progress() {};

		/** Bytes received so far of {@code total} (-1 if unknown). */
		default void bytes(long done, long total) {}

		/** A status message. */
		default void status(String message) {}
	}
}
