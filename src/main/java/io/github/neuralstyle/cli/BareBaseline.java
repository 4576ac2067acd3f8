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
 * no optimiser, no clamp. Steps run in sub-managers, as ours do, so memory stays flat.
 */
final class BareBaseline {

	private BareBaseline() {}

	/** Milliseconds of each of {@code steps} forward+backward passes on {@code image}. */
	static double[] time(VggWeights weights, StyleTransferSettings s, RgbImage image, Device device, int steps) {
		int deepest = s.deepestLayerIndex(weights.architecture());
		String layer = weights.architecture().layerNames().get(deepest);
		double[] ms = new double[steps];
		try (NDManager m = NDManager.newBaseManager(device, Devices.ENGINE);
			FeatureNetwork net = new FeatureNetwork(weights, s.pooling(), deepest, m))
		{
			NDArray x = net.toArray(image, m);
			for (int i = 0; i < steps; i++) {
				long t0 = System.nanoTime();
				try (NDManager step = m.newSubManager()) {
					x.tempAttach(step);
					NDArray leaf = x.duplicate();
					leaf.setRequiresGradient(true);
					try (GradientCollector c = Engine.getEngine(Devices.ENGINE).newGradientCollector()) {
						c.backward(net.features(leaf, List.of(layer)).get(layer));
					}
					// One scalar read per step, as ours makes when it reports: waits for a GPU to finish.
					try (NDArray g = leaf.getGradient()) {
						g.sum().getFloat();
					}
				}
				ms[i] = (System.nanoTime() - t0) / 1e6;
			}
		}
		return ms;
	}
}
