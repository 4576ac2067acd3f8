package io.github.neuralstyle.weights;

import io.github.neuralstyle.engine.network.VggWeights;

import java.io.IOException;
import java.nio.file.Path;

/** Reads VGG convolution weights from one file format into torchvision naming and layout. */
public interface WeightsReader {

	/**
	 * Reads and validates the weights in {@code file}.
	 *
	 * @throws InvalidWeightsException if the file is not usable, with a message naming the problem
	 * @throws IOException if the file cannot be read
	 */
	VggWeights read(Path file) throws IOException;
}
