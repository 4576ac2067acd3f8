package io.github.neuralstyle.weights;

import io.github.neuralstyle.engine.network.FloatTensor;
import io.github.neuralstyle.engine.network.InputConvention;
import io.github.neuralstyle.engine.network.VggArchitecture;
import io.github.neuralstyle.engine.network.VggWeights;
import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Keras HDF5 weight files of VGG16/VGG19 (the keras-applications {@code *_notop.h5}).
 * <p>
 * Datasets are found through the file's own {@code layer_names} and per-layer
 * {@code weight_names} attributes, because Keras versions named them differently
 * ({@code block1_conv1_W_1:0} or {@code block1_conv1/kernel:0}). Kernels are HWIO and are
 * transposed to OIHW; the values are kept as they are, so the weights stay in the Caffe
 * convention (BGR, 0–255, mean subtracted) that the engine applies.
 */
public class KerasH5Reader implements WeightsReader {

	private static final Pattern CONV_NAME = Pattern.compile("block(\\d+)_conv(\\d+)");

	@Override
	public VggWeights read(Path file) throws IOException {
		return ReadGuard.read(file, "Keras HDF5", () -> readUnchecked(file));
	}

	private static VggWeights readUnchecked(Path file) throws IOException {
		String name = file.toString();
		try (HdfFile hdf = new HdfFile(file)) {
			Group root = hdf;
			// A whole-model save keeps the weights one level down.
			if (hdf.getAttribute("layer_names") == null && hdf.getChild("model_weights") instanceof Group) {
				root = (Group) hdf.getChild("model_weights");
			}
			List<String> layers = strings(name, root.getAttribute("layer_names"), "layer_names");
			if (layers.isEmpty()) {
				throw new InvalidWeightsException(name + " has no 'layer_names' attribute: not a Keras weights file");
			}
			List<String> convLayers = new ArrayList<>();
			List<Dataset[]> convData = new ArrayList<>();
			for (String layer : layers) {
				Dataset[] kernelBias = kernelAndBias(name, root, layer);
				if (kernelBias != null) {
					convLayers.add(layer);
					convData.add(kernelBias);
				}
			}
			VggArchitecture arch = architecture(name, convLayers);
			return new VggWeights(arch, InputConvention.CAFFE, tensors(name, arch, convLayers, convData), name);
		}
	}

	/** The rank-4 kernel and rank-1 bias of a layer, or null for a layer without weights (input, pooling). */
	private static Dataset[] kernelAndBias(String file, Group root, String layer) throws InvalidWeightsException {
		Node node = root.getChild(layer);
		if (!(node instanceof Group)) {
			throw new InvalidWeightsException(file + ": layer " + layer + " is listed in layer_names but has no group");
		}
		Group group = (Group) node;
		List<String> weightNames = strings(file, group.getAttribute("weight_names"), layer + "/weight_names");
		if (weightNames.isEmpty()) return null;
		Dataset kernel = null;
		Dataset bias = null;
		for (String w : weightNames) {
			Node d = group.getByPath(w);
			if (!(d instanceof Dataset)) {
				throw new InvalidWeightsException(file + ": weight " + w + " of layer " + layer + " is listed but missing");
			}
			Dataset ds = (Dataset) d;
			if (ds.getDimensions().length == 4) kernel = ds;
			else if (ds.getDimensions().length == 1) bias = ds;
		}
		if (kernel == null || bias == null) {
			throw new InvalidWeightsException(file + ": layer " + layer + " has weights " + weightNames
				+ " but not a 4-D kernel and a 1-D bias");
		}
		return new Dataset[] { kernel, bias };
	}

	/** VGG16 or VGG19 from the convolution layers, checking they are block1_conv1… in order. */
	private static VggArchitecture architecture(String file, List<String> convLayers) throws InvalidWeightsException {
		VggArchitecture arch;
		if (convLayers.size() == 16) arch = VggArchitecture.VGG19;
		else if (convLayers.size() == 13) arch = VggArchitecture.VGG16;
		else if (convLayers.contains("block3_conv4")) arch = VggArchitecture.VGG19;
		else if (convLayers.contains("block3_conv3") && convLayers.contains("block4_conv1")) arch = VggArchitecture.VGG16;
		else {
			throw new InvalidWeightsException(file + " holds " + convLayers.size() + " convolution layers " + convLayers
				+ ": expected the 13 of VGG16 or the 16 of VGG19");
		}
		List<String> expected = new ArrayList<>();
		int[] perBlock = arch.convsPerBlock();
		for (int b = 0; b < perBlock.length; b++) {
			for (int i = 1; i <= perBlock[b]; i++) expected.add("block" + (b + 1) + "_conv" + i);
		}
		for (int k = 0; k < convLayers.size(); k++) {
			Matcher m = CONV_NAME.matcher(convLayers.get(k));
			// Layers named otherwise (renamed models) are taken in file order.
			if (m.matches() && !convLayers.get(k).equals(expected.get(k))) {
				throw new InvalidWeightsException(file + ": missing layer " + expected.get(k) + " for " + arch
					+ " (found " + convLayers.get(k) + " in its place)");
			}
		}
		return arch;
	}

	/** Reads and transposes the kernels (HWIO → OIHW) and biases. */
	private static Map<String, FloatTensor> tensors(String file, VggArchitecture arch, List<String> layers,
		List<Dataset[]> data) throws InvalidWeightsException
	{
		Map<String, FloatTensor> out = new LinkedHashMap<>();
		int[] convIndices = arch.convIndices();
		long total = 0;
		for (int k = 0; k < layers.size(); k++) {
			Dataset kernel = data.get(k)[0];
			Dataset bias = data.get(k)[1];
			int[] d = kernel.getDimensions();
			if (d[0] != 3 || d[1] != 3) {
				throw new InvalidWeightsException(file + ": kernel of " + layers.get(k) + " has shape " + Arrays.toString(d)
					+ ", expected [3, 3, in, out] (TensorFlow dim ordering)");
			}
			int in = d[2];
			int outCh = d[3];
			total = Limits.checkValues(file, layers.get(k), (long) 9 * in * outCh, total);
			if (bias.getDimensions()[0] != outCh) {
				throw new InvalidWeightsException(file + ": bias of " + layers.get(k) + " has shape "
					+ Arrays.toString(bias.getDimensions()) + ", expected [" + outCh + "]");
			}
			float[] hwio = floats(file, layers.get(k), kernel);
			float[] oihw = new float[hwio.length];
			for (int h = 0; h < 3; h++) {
				for (int w = 0; w < 3; w++) {
					for (int i = 0; i < in; i++) {
						int src = ((h * 3 + w) * in + i) * outCh;
						for (int o = 0; o < outCh; o++) oihw[((o * in + i) * 3 + h) * 3 + w] = hwio[src + o];
					}
				}
			}
			out.put(VggArchitecture.weightName(convIndices[k]), new FloatTensor(new long[] { outCh, in, 3, 3 }, oihw));
			out.put(VggArchitecture.biasName(convIndices[k]), new FloatTensor(new long[] { outCh }, floats(file, layers.get(k), bias)));
		}
		return out;
	}

	private static float[] floats(String file, String layer, Dataset ds) throws InvalidWeightsException {
		if (ds.getJavaType() != float.class) {
			throw new InvalidWeightsException(file + ": weights of " + layer + " are " + ds.getJavaType() + ", expected float32");
		}
		return (float[]) ds.getDataFlat();
	}

	/** The strings of a string-array attribute; Keras writes an empty float array for layers without weights. */
	private static List<String> strings(String file, Attribute attribute, String what) throws InvalidWeightsException {
		List<String> out = new ArrayList<>();
		if (attribute == null || attribute.isEmpty()) return out;
		Object data = attribute.getData();
		if (data instanceof String) {
			out.add((String) data);
		}
		else if (data != null && data.getClass().isArray()) {
			for (int i = 0; i < Array.getLength(data); i++) {
				Object v = Array.get(data, i);
				if (!(v instanceof String)) {
					throw new InvalidWeightsException(file + ": attribute " + what + " is not a list of names");
				}
				out.add((String) v);
			}
		}
		return out;
	}
}
