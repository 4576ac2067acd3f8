package io.github.neuralstyle.fiji;

import io.github.neuralstyle.engine.VggWeights;

import java.io.IOException;

/** The weights source used in Fiji: the {@code weights} package (download, cache, local files). */
final class DefaultWeights {

	private DefaultWeights() {}

	/** Resolves a model id or file path. */
	static VggWeights resolve(String spec, WeightsResolver.Progress progress) throws IOException {
		// TODO(weights branch): delegate to io.github.neuralstyle.weights.WeightsProvider once merged.
		throw new IOException("model=" + spec + ": weights loading is not available in this build yet");
	}
}
