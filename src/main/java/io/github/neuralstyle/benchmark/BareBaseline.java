package io.github.neuralstyle.benchmark;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;

import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.losses.GramMatrix;
import io.github.neuralstyle.engine.losses.Losses;
import io.github.neuralstyle.engine.network.FeatureNetwork;
import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.engine.platform.Devices;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Bare libtorch passes to time our steps against, on the same image and network. Without
 * losses: the conv/ReLU/pool forward to the deepest layer the settings need and backward from
 * it, the floor no step goes below. With losses: the same forward, the content, style and TV
 * kernels on the settings' layers (targets made once), their sum and backward to the image:
 * a step's forward+backward work, with no optimiser, clamp, weighting, report or per-step
 * bookkeeping. Each pass runs in a sub-manager, as our steps do, so memory stays flat.
 */
final class BareBaseline implements AutoCloseable {

	private final NDManager manager;
	private final FeatureNetwork network;
	private final NDArray image;
	private final String layer;
	private final Map<String, NDArray> contentTargets = new HashMap<>();
	private final Map<String, NDArray> styleTargets = new HashMap<>();
	private final Set<String> lossLayers = new LinkedHashSet<>();

	/** Builds the network and the loss targets (from {@code style} and the image) and makes one untimed warm-up pass of each kind. */
	BareBaseline(VggWeights weights, StyleTransferSettings s, RgbImage image, RgbImage style, Device device) {
		int deepest = s.deepestLayerIndex(weights.architecture());
		this.layer = weights.architecture().layerNames().get(deepest);
		this.manager = NDManager.newBaseManager(device, Devices.ENGINE);
		this.network = new FeatureNetwork(weights, s.pooling(), deepest, manager);
		this.image = network.toArray(image, manager);
		lossLayers.addAll(s.contentLayers().keySet());
		lossLayers.addAll(s.styleLayers().keySet());
		contentTargets.putAll(network.features(this.image, s.contentLayers().keySet()));
		for (Map.Entry<String, NDArray> e : network.features(network.toArray(style, manager), s.styleLayers().keySet()).entrySet()) {
			styleTargets.put(e.getKey(), GramMatrix.of(e.getValue()));
		}
		pass();
		passWithLosses();
	}

	/** Milliseconds of one forward+backward pass with the losses. */
	double passWithLosses() {
		return timed(leaf -> {
			Map<String, NDArray> f = network.features(leaf, lossLayers);
			NDArray total = Losses.totalVariation(leaf);
			for (Map.Entry<String, NDArray> t : contentTargets.entrySet()) {
				total = total.add(Losses.content(f.get(t.getKey()), t.getValue()));
			}
			for (Map.Entry<String, NDArray> t : styleTargets.entrySet()) {
				total = total.add(Losses.style(f.get(t.getKey()), t.getValue()).surrogate());
			}
			return total;
		});
	}

	/** Milliseconds of one forward+backward pass without losses. */
	double pass() {
		return timed(leaf -> network.features(leaf, List.of(layer)).get(layer));
	}

	/** Times a pass that builds {@code root} from a fresh leaf copy of the image and differentiates it. */
	private double timed(UnaryOperator<NDArray> root) {
		long t0 = System.nanoTime();
		try (NDManager step = manager.newSubManager()) {
			image.tempAttach(step);
			NDArray leaf = image.duplicate();
			leaf.setRequiresGradient(true);
			try (GradientCollector c = Engine.getEngine(Devices.ENGINE).newGradientCollector()) {
				c.backward(root.apply(leaf));
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
