package io.github.neuralstyle.engine.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;

import io.github.neuralstyle.engine.RgbImage;

import java.nio.ByteBuffer;
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

	/** Floats per band of a large upload: 16 MB of direct buffer, whatever the image's size. */
	static final int BAND_FLOATS = 1 << 22;


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
	public FeatureNetwork(VggWeights weights, Pooling pooling, int deepestIndex, NDManager parent, DataType dataType) {
		this.dataType = dataType;
		this.architecture = weights.architecture();
		this.pooling = pooling;
		this.depth = deepestIndex + 1;
		this.manager = parent.newSubManager();
		InputConvention c = weights.convention();
		// (scale·x − mean) / std = (x − mean/scale) / (std/scale): no scaling op per forward pass.
		this.mean = upload(manager, perScale(c.mean(), c.scale()), new Shape(1, 3, 1, 1), dataType);
		this.std = upload(manager, perScale(c.std(), c.scale()), new Shape(1, 3, 1, 1), dataType);
		ByteBuffer scratch = manager.allocateDirect(largestTensor(weights, depth) * Float.BYTES);
		this.bgr = c.bgr();
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
			convs.add(new NDArray[] { upload(manager, w.data(), new Shape(w.shape()), dataType, scratch),
				upload(manager, b.data(), new Shape(b.shape()), dataType, scratch) });
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
		return upload(manager, image.data(), new Shape(1, 3, image.height(), image.width()), dataType);
	}

	/**
	 * Copies Java data into an array whose memory the engine owns. DJL's CPU arrays made from
	 * Java data wrap a direct buffer that the Java GC frees; an owned copy cannot be freed under
	 * a tensor that still uses it.
	 */
	public static NDArray upload(NDManager manager, float[] data, Shape shape, DataType dataType) {
		if (data.length <= BAND_FLOATS) return upload(manager, data, shape, dataType, null);
		// Large data go in bands through one small buffer: staged whole, a 4096² image would leave
		// a 201 MB direct buffer that only a GC frees, and a native-bound run rarely collects.
		ByteBuffer band = manager.allocateDirect(BAND_FLOATS * Float.BYTES);
		try (NDArray flat = manager.create(new Shape(data.length), DataType.FLOAT32)) {
			for (int from = 0; from < data.length; from += BAND_FLOATS) {
				int n = Math.min(BAND_FLOATS, data.length - from);
				band.clear();
				band.asFloatBuffer().put(data, from, n);
				band.limit(n * Float.BYTES);
				try (NDArray part = manager.create(band, new Shape(n), DataType.FLOAT32)) {
					flat.set(new NDIndex("{}:{}", from, from + n), part);
				}
			}
			NDArray shaped = flat.reshape(shape);
			if (dataType == DataType.FLOAT32) return shaped;
			try (shaped) {
				return shaped.toType(dataType, true);
			}
		}
	}

	/**
	 * As above, staging the data in {@code scratch} (native order, large enough) when given:
	 * without it every call leaves a direct buffer of the data's size that only a GC frees, about
	 * 50–80 MB of resident memory for a network's weights.
	 */
	private static NDArray upload(NDManager manager, float[] data, Shape shape, DataType dataType, ByteBuffer scratch) {
		ByteBuffer staged = scratch != null ? scratch.clear() : manager.allocateDirect(data.length * Float.BYTES);
		staged.asFloatBuffer().put(data);
		staged.limit(data.length * Float.BYTES);
		try (NDArray wrapped = manager.create(staged, shape, DataType.FLOAT32)) {
			// toType to the same type returns the same tensor, so copy explicitly.
			return dataType == DataType.FLOAT32 ? wrapped.duplicate() : wrapped.toType(dataType, true);
		}
	}

	/** Elements of the largest weight or bias among the first {@code depth} layers. */
	private static int largestTensor(VggWeights weights, int depth) {
		int largest = 1;
		for (int i = 0; i < depth; i++) {
			for (String name : new String[] { VggArchitecture.weightName(i), VggArchitecture.biasName(i) }) {
				FloatTensor t = weights.tensors().get(name);
				if (t != null) largest = Math.max(largest, t.data().length);
			}
		}
		return largest;
	}

	private static float[] perScale(float[] values, float scale) {
		float[] out = new float[values.length];
		for (int i = 0; i < values.length; i++) out[i] = values[i] / scale;
		return out;
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
			throw new IllegalArgumentException("Layers " + layers + " reach " + architecture.layerNames().get(last)
				+ ", but this network was cut after " + nameByIndex[depth - 1]);
		}
		// Intermediates are closed as soon as the next layer has consumed them: autograd keeps its
		// own reference to what backward needs (ReLU outputs, pooling inputs), and everything else
		// (convolution outputs, the normalised input) would otherwise live until the step's manager
		// closes: about 0.3 GB at 512².
		NDArray x = bgr ? image.flip(1) : image;
		x = replace(x, x.sub(mean), image, out);
		x = replace(x, x.div(std), image, out);
		for (int i = 0; i <= last; i++) {
			String name = nameByIndex[i];
			NDArray next;
			if (name.startsWith("conv")) {
				NDArray[] wb = convs.get(i);
				next = Conv2d.conv2d(x, wb[0], wb[1], STRIDE_1, PAD_1, STRIDE_1, 1).singletonOrThrow();
			}
			else if (name.startsWith("relu")) {
				next = Activation.relu(x);
			}
			else if (pooling == Pooling.MAX) {
				next = Pool.maxPool2d(x, KERNEL_2, KERNEL_2, PAD_0, false);
			}
			else {
				next = Pool.avgPool2d(x, KERNEL_2, KERNEL_2, PAD_0, false, true);
			}
			x = replace(x, next, image, out);
			if (layers.contains(name)) out.put(name, x);
		}
		return out;
	}

	/** Returns {@code next}, closing {@code previous} unless it is the caller's image or a returned output. */
	private static NDArray replace(NDArray previous, NDArray next, NDArray image, Map<String, NDArray> out) {
		if (previous == image) return next;
		for (NDArray kept : out.values()) {
			if (kept == previous) return next;
		}
		previous.close();
		return next;
	}

	/** Frees the weight arrays. */
	@Override
	public void close() {
		manager.close();
	}
}
