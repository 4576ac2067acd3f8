package io.github.neuralstyle.weights;

import io.github.neuralstyle.engine.network.VggWeights;

import java.io.IOException;

/** Gives the command line and the plugin VGG weights from a model id or a local file. Never random weights. */
public interface WeightsProvider {

	/**
	 * Weights for {@code spec}: a model id ({@code vgg19-caffe}, {@code vgg16-caffe},
	 * {@code vgg19-torchvision}; null or blank for {@link Model#DEFAULT}) is taken from the cache or
	 * downloaded into it; anything else is read as a local file (.h5, .safetensors, .npz).
	 *
	 * @throws WeightsUnavailableException if a model cannot be downloaded, naming URL, cache path and the local-file option
	 * @throws InvalidWeightsException if a local file is unusable (pickles included), or a file someone else put in
	 *         the cache under the model's name is (it is then left in place, and the message says what to do)
	 */
	VggWeights obtain(String spec, DownloadListener listener) throws IOException;

	/** Weights of {@code source} from the cache, verified, or downloaded, verified and cached. */
	VggWeights obtain(WeightsSource source, DownloadListener listener) throws IOException;

	/** The standard provider: the cache of {@link WeightsCache#standard()}, HTTPS downloads with default options. */
	static WeightsProvider standard() {
		return new DefaultWeightsProvider(WeightsCache.standard(), new Downloader());
	}
}
