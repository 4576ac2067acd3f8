package io.github.neuralstyle.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The convolutional part of a VGG network, cut after the deepest layer a run needs, that maps
 * an RGB image in [0,1] of shape (1, 3, H, W) to named feature maps.
 * <p>
 * The weights' {@link InputConvention} is applied first, so callers never see the network's
 * pixel scale. The weight arrays live in the manager given at construction and carry no
 * gradient: only the image is differentiated.
 */
public final class FeatureNetwork implements AutoCloseable {

	private static final Shape KERNEL_2 = new Shape(2, 2);
	private static final Shape STRIDE_1 = new Shape(1, 1);
	private static final Shape PAD_0 = new Shape(0, 0);
	private static final Shape PAD_1 = new Shape(1, 1);

	private final VggArchitecture architecture;
	private final Pooling pooling;
	private final NDManager manager;
	private final NDArray mean;
	private final NDArray std;
	private final boolean bgr;
	private final float scale;
	/** Per torchvision index: {weight, bias} for convolutions, null for ReLU and pooling. */
	private final List<NDArray[]> convs = new ArrayList<>();
	private final String[] nameByIndex;
	private final int depth;
	private final DataType dataType;

	/**
	 * Builds the network on {@code parent}'s device up to and including {@code deepestIndex}.
	 *
	 * @throws IllegalArgumentException if the weights lack a convolution the cut needs
	 */
	public FeatureNetwork(VggWeights weights, Pooling pooling, int deepestIndex, NDManager parent) {
		this(weights, pooling, deepestIndex, parent, DataType.FLOAT32);
	}

	/** As above in a chosen precision; float64 serves numerical checks, never production runs. */
	FeatureNetwork(VggWeights weights, Pooling pooling, int deepestIndex, NDManager parent, DataType dataType) {
		this.dataType = dataType;
		this.architecture = weights.architecture();
		this.pooling = pooling;
		this.depth = deepestIndex + 1;
		this.manager = parent.newSubManager();
		InputConvention c = weights.convention();
		this.mean = manager.create(c.mean(), new Shape(1, 3, 1, 1)).toType(dataType, false);
		this.std = manager.create(c.std(), new Shape(1, 3, 1, 1)).toType(dataType, false);
		this.bgr = c.bgr();
		this.scale = c.scale();
		List<String> names = architecture.layerNames();
		nameByIndex = names.subList(0, depth).toArray(new String[0]);
		for (int i = 0; i < depth; i++) {
			if (!nameByIndex[i].startsWith("conv")) {
				convs.add(null);
				continue;
			}
			FloatTensor w = weights.tensors().get(VggArchitecture.weightName(i));
			FloatTensor b = weights.tensors().get(VggArchitecture.biasName(i));
			if (w == null || b == null) {
				throw new IllegalArgumentException("The weights (" + weights.description() + ") end before layer "
					+ nameByIndex[i] + " (" + VggArchitecture.weightName(i) + "), which the chosen layers need; "
					+ "choose shallower layers or a complete weights file");
			}
			convs.add(new NDArray[] { manager.create(w.data(), new Shape(w.shape())).toType(dataType, false),
				manager.create(b.data(), new Shape(b.shape())).toType(dataType, false) });
		}
	}

	/** The architecture. */
	public VggArchitecture architecture() {
		return architecture;
	}

	/** The precision of weights and expected inputs. */
	public DataType dataType() {
		return dataType;
	}

	/** Copies an image onto this network's device and precision as a (1, 3, H, W) array owned by {@code manager}. */
	public NDArray toArray(RgbImage image, NDManager manager) {
		return manager.create(image.data(), new Shape(1, 3, image.height(), image.width())).toType(dataType, false);
	}

	/** Number of layers kept (the deepest index + 1). */
	public int depth() {
		return depth;
	}

	/**
	 * Runs the image through the network and returns the requested layers' outputs, each of
	 * shape (1, C, H', W'). The outputs belong to the image's manager.
	 */
	public Map<String, NDArray> features(NDArray image, Collection<String> layers) {
		Map<String, NDArray> out = new HashMap<>();
		int last = -1;
		for (String l : layers) last = Math.max(last, architecture.index(l));
		if (last >= depth) {
			throw new IllegalArgumentException("Layer " + nameByIndex.length + " … cut: " + layers + " needs index " + last
				+ " but the network was built up to " + (depth - 1));
		}
		NDArray x = bgr ? image.flip(1) : image;
		x = x.mul(scale).sub(mean).div(std);
		for (int i = 0; i <= last; i++) {
			String name = nameByIndex[i];
			if (name.startsWith("conv")) {
				NDArray[] wb = convs.get(i);
				x = Conv2d.conv2d(x, wb[0], wb[1], STRIDE_1, PAD_1, STRIDE_1, 1).singletonOrThrow();
			}
			else if (name.startsWith("relu")) {
				x = Activation.relu(x);
			}
			else if (pooling == Pooling.MAX) {
				x = Pool.maxPool2d(x, KERNEL_2, KERNEL_2, PAD_0, false);
			}
			else {
				x = Pool.avgPool2d(x, KERNEL_2, KERNEL_2, PAD_0, false, true);
			}
			if (layers.contains(name)) out.put(name, x);
		}
		return out;
	}

	/** Frees the weight arrays. */
	@Override
	public void close() {
		manager.close();
	}
}
