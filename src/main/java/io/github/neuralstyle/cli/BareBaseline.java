package io.github.neuralstyle.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;

import io.github.neuralstyle.engine.Devices;
import io.github.neuralstyle.engine.FeatureNetwork;
import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.VggWeights;

import java.util.List;

/**
 * The floor a style-transfer step cannot go below: the same conv/ReLU/pool forward to the
 * deepest layer the settings need, and backward to the image, with nothing else: no losses,
 * no optimiser, no clamp. Each pass runs in a sub-manager, as our steps do, so memory stays flat.
 */
final class BareBaseline implements AutoCloseable {

	private final NDManager manager;
	private final FeatureNetwork network;
	private final NDArray image;
	private final String layer;

	/** Builds the network and makes one untimed warm-up pass. */
	BareBaseline(VggWeights weights, StyleTransferSettings s, RgbImage image, Device device) {
		int deepest = s.deepestLayerIndex(weights.architecture());
		this.layer = weights.architecture().layerNames().get(deepest);
		this.manager = NDManager.newBaseManager(device, Devices.ENGINE);
		this.network = new FeatureNetwork(weights, s.pooling(), deepest, manager);
		this.image = network.toArray(image, manager);
		pass();
	}

	/** Milliseconds of one forward+backward pass. */
	double pass() {
		long t0 = System.nanoTime();
		try (NDManager step = manager.newSubManager()) {
			image.tempAttach(step);
			NDArray leaf = image.duplicate();
			leaf.setRequiresGradient(true);
			try (GradientCollector c = Engine.getEngine(Devices.ENGINE).newGradientCollector()) {
				c.backward(network.features(leaf, List.of(layer)).get(layer));
			}
			// One scalar read per pass, as ours makes when it reports: waits for a GPU to finish.
			try (NDArray g = leaf.getGradient()) {
				g.sum().getFloat();
			}
		}
		return (System.nanoTime() - t0) / 1e6;
	}

	@Override
	public void close() {
		network.close();
		manager.close();
	}
}
