package io.github.neuralstyle.fiji;

import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.weights.DownloadListener;
import io.github.neuralstyle.weights.WeightsProvider;

import java.io.IOException;

/** The weights source used in Fiji: the {@code weights} package (download once, cache, local files). */
final class DefaultWeights {

	private DefaultWeights() {}

	/** Resolves a model id or file path through {@link WeightsProvider#standard()}. */
	static VggWeights resolve(String spec, WeightsResolver.Progress progress) throws IOException {
		return WeightsProvider.standard().obtain(spec, new DownloadListener() {

			@Override
			public void progress(String url, long bytes, long total, double bytesPerSecond) {
				progress.bytes(bytes, total);
			}

			@Override
			public void status(String message) {
				progress.status(message);
			}
		});
	}
}
