package io.github.neuralstyle.testsupport;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import io.github.neuralstyle.engine.network.FloatTensor;
import io.github.neuralstyle.engine.network.InputConvention;
import io.github.neuralstyle.engine.network.VggArchitecture;
import io.github.neuralstyle.engine.network.VggWeights;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;

import java.io.ByteArrayOutputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Weight files in the real formats, written by us (safetensors, Keras HDF5 via jhdf) or read from test resources. */
public final class WeightsFixtures {

	private WeightsFixtures() {}

	/** A file under src/test/resources/weights (written by make_keras_fixture.py). */
	public static Path resource(String name) {
		try {
			return Paths.get(WeightsFixtures.class.getResource("/weights/" + name).toURI());
		}
		catch (URISyntaxException | NullPointerException e) {
			throw new IllegalStateException("Missing test resource weights/" + name, e);
		}
	}

	/**
	 * The weights make_keras_fixture.py writes: channels divided by 32, for the k-th convolution
	 * {@code kernel[o,i,h,w] = ((7k + 5o + 3i + 2h + w) % 23 - 11) / 8}, {@code bias[o] = ((k + o) % 5 - 2) / 4}.
	 */
	public static VggWeights formula(VggArchitecture arch) {
		Map<String, FloatTensor> tensors = new LinkedHashMap<>();
		int[] perBlock = arch.convsPerBlock();
		int[] indices = arch.convIndices();
		int in = 3;
		int k = 0;
		for (int b = 0; b < perBlock.length; b++) {
			int out = VggArchitecture.blockChannels(b) / 32;
			for (int c = 0; c < perBlock[b]; c++, k++) {
				float[] w = new float[out * in * 9];
				int j = 0;
				for (int o = 0; o < out; o++)
					for (int i = 0; i < in; i++)
						for (int h = 0; h < 3; h++)
							for (int x = 0; x < 3; x++) w[j++] = ((7 * k + 5 * o + 3 * i + 2 * h + x) % 23 - 11) / 8f;
				float[] bias = new float[out];
				for (int o = 0; o < out; o++) bias[o] = ((k + o) % 5 - 2) / 4f;
				tensors.put(VggArchitecture.weightName(indices[k]), new FloatTensor(new long[] { out, in, 3, 3 }, w));
				tensors.put(VggArchitecture.biasName(indices[k]), new FloatTensor(new long[] { out }, bias));
				in = out;
			}
		}
		return new VggWeights(arch, InputConvention.CAFFE, tensors, "formula " + arch);
	}

	/**
	 * A safetensors file of {@code weights} plus {@code extra} tensors (e.g. a classifier), laid out
	 * as the safetensors writer does: features first, unless {@code extraFirst}.
	 */
	public static byte[] safetensors(VggWeights weights, Map<String, FloatTensor> extra, boolean extraFirst) {
		Map<String, FloatTensor> all = new LinkedHashMap<>();
		if (extraFirst) all.putAll(extra);
		all.putAll(weights.tensors());
		if (!extraFirst) all.putAll(extra);
		JsonObject header = new JsonObject();
		JsonObject meta = new JsonObject();
		meta.addProperty("format", "pt");
		header.add("__metadata__", meta);
		ByteArrayOutputStream data = new ByteArrayOutputStream();
		for (Map.Entry<String, FloatTensor> e : all.entrySet()) {
			FloatTensor t = e.getValue();
			ByteBuffer b = ByteBuffer.allocate(t.size() * 4).order(ByteOrder.LITTLE_ENDIAN);
			b.asFloatBuffer().put(t.data());
			JsonObject entry = new JsonObject();
			entry.addProperty("dtype", "F32");
			JsonArray shape = new JsonArray();
			for (long d : t.shape()) shape.add(d);
			entry.add("shape", shape);
			JsonArray offsets = new JsonArray();
			offsets.add(data.size());
			offsets.add(data.size() + b.capacity());
			entry.add("data_offsets", offsets);
			header.add(e.getKey(), entry);
			data.write(b.array(), 0, b.capacity());
		}
		return concat(header(header.toString()), data.toByteArray());
	}

	/** A classifier-like tail to make a safetensors file longer than its features block. */
	public static Map<String, FloatTensor> head(int values) {
		Map<String, FloatTensor> extra = new LinkedHashMap<>();
		float[] v = new float[values];
		for (int i = 0; i < values; i++) v[i] = i % 7;
		extra.put("pre_logits.fc1.weight", new FloatTensor(new long[] { values }, v));
		extra.put("head.fc.bias", new FloatTensor(new long[] { 10 }, new float[10]));
		return extra;
	}

	/** The 8-byte little-endian length prefix followed by the JSON text. */
	public static byte[] header(String json) {
		byte[] j = json.getBytes(StandardCharsets.UTF_8);
		return concat(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(j.length).array(), j);
	}

	/** Writes {@code weights} in the Keras 2.0 HDF5 layout (HWIO kernels, {@code block1_conv1_W_1:0} names). */
	public static void writeKeras(VggWeights weights, Path file) {
		writeKeras(weights, file, null, false);
	}

	/**
	 * As {@link #writeKeras(VggWeights, Path)} but without the group of layer {@code omit}
	 * (e.g. {@code block2_conv1}), still listed in {@code layer_names} if {@code listOmitted}.
	 */
	public static void writeKeras(VggWeights weights, Path file, String omit, boolean listOmitted) {
		VggArchitecture arch = weights.architecture();
		int[] perBlock = arch.convsPerBlock();
		int[] indices = arch.convIndices();
		List<String> layers = new ArrayList<>();
		layers.add("input_1");
		try (WritableHdfFile hdf = HdfFile.write(file)) {
			int k = 0;
			for (int b = 0; b < perBlock.length; b++) {
				for (int c = 0; c < perBlock[b]; c++, k++) {
					FloatTensor w = weights.tensors().get(VggArchitecture.weightName(indices[k]));
					if (w == null) break;
					String name = "block" + (b + 1) + "_conv" + (c + 1);
					if (name.equals(omit)) {
						if (listOmitted) layers.add(name);
						continue;
					}
					layers.add(name);
					WritableGroup g = hdf.putGroup(name);
					g.putAttribute("weight_names", new String[] { name + "_W_1:0", name + "_b_1:0" });
					g.putDataset(name + "_W_1:0", hwio(w));
					g.putDataset(name + "_b_1:0", weights.tensors().get(VggArchitecture.biasName(indices[k])).data().clone());
				}
				layers.add("block" + (b + 1) + "_pool");
				hdf.putGroup("block" + (b + 1) + "_pool");
			}
			hdf.putGroup("input_1");
			hdf.putAttribute("layer_names", layers.toArray(new String[0]));
		}
	}

	/** OIHW → HWIO as a Java 4-D array, which jhdf writes as a 4-D dataset. */
	private static float[][][][] hwio(FloatTensor w) {
		long[] s = w.shape();
		int out = (int) s[0];
		int in = (int) s[1];
		float[][][][] a = new float[3][3][in][out];
		float[] d = w.data();
		for (int o = 0; o < out; o++)
			for (int i = 0; i < in; i++)
				for (int h = 0; h < 3; h++)
					for (int x = 0; x < 3; x++) a[h][x][i][o] = d[((o * in + i) * 3 + h) * 3 + x];
		return a;
	}

	/** A NumPy .npz archive (deflated, as {@code numpy.savez_compressed} writes it) of {@code weights} as little-endian float32 arrays. */
	public static byte[] npz(VggWeights weights) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
			for (Map.Entry<String, FloatTensor> e : weights.tensors().entrySet()) {
				StringBuilder shape = new StringBuilder();
				for (long d : e.getValue().shape()) shape.append(d).append(", ");
				StringBuilder h = new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': (" + shape + "), }");
				while ((10 + h.length() + 1) % 64 != 0) h.append(' ');
				h.append('\n');
				zip.putNextEntry(new java.util.zip.ZipEntry(e.getKey() + ".npy"));
				zip.write(new byte[] { (byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) h.length(), (byte) (h.length() >> 8) });
				zip.write(h.toString().getBytes(StandardCharsets.ISO_8859_1));
				ByteBuffer b = ByteBuffer.allocate(e.getValue().size() * 4).order(ByteOrder.LITTLE_ENDIAN);
				b.asFloatBuffer().put(e.getValue().data());
				zip.write(b.array());
				zip.closeEntry();
			}
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
		return bytes.toByteArray();
	}

	/** {@code weights} with one value of {@code tensor} replaced by {@code value} (NaN, infinity). */
	public static VggWeights withValue(VggWeights weights, String tensor, int position, float value) {
		Map<String, FloatTensor> t = new LinkedHashMap<>(weights.tensors());
		float[] d = t.get(tensor).data().clone();
		d[position] = value;
		t.put(tensor, new FloatTensor(t.get(tensor).shape(), d));
		return new VggWeights(weights.architecture(), weights.convention(), t, weights.description());
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] out = new byte[a.length + b.length];
		System.arraycopy(a, 0, out, 0, a.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}
}
