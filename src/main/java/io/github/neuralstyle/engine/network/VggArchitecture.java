package io.github.neuralstyle.engine.network;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The convolutional part of VGG16 and VGG19, with torchvision's {@code features} indices.
 * <p>
 * Each convolution is 3×3, padding 1, followed by a ReLU at the next index; each block ends
 * in a 2×2 pooling of stride 2. Layers are named {@code convB_I}, {@code reluB_I} and
 * {@code poolB} (B the block from 1, I the convolution within it from 1).
 */
public enum VggArchitecture {

	/** VGG16: blocks of 2, 2, 3, 3, 3 convolutions. */
	VGG16(2, 2, 3, 3, 3),

	/** VGG19: blocks of 2, 2, 4, 4, 4 convolutions. */
	VGG19(2, 2, 4, 4, 4);

	/** Output channels of each block's convolutions at full width. */
	private static final int[] BLOCK_CHANNELS = { 64, 128, 256, 512, 512 };

	private final int[] convsPerBlock;
	private final Map<String, Integer> indexByName;
	private final List<String> names;

	VggArchitecture(int... convsPerBlock) {
		this.convsPerBlock = convsPerBlock;
		Map<String, Integer> map = new LinkedHashMap<>();
		int index = 0;
		for (int b = 0; b < convsPerBlock.length; b++) {
			for (int i = 1; i <= convsPerBlock[b]; i++) {
				map.put("conv" + (b + 1) + "_" + i, index++);
				map.put("relu" + (b + 1) + "_" + i, index++);
			}
			map.put("pool" + (b + 1), index++);
		}
		this.indexByName = Collections.unmodifiableMap(map);
		this.names = Collections.unmodifiableList(new ArrayList<>(map.keySet()));
	}

	/** All layer names in network order. */
	public List<String> layerNames() {
		return names;
	}

	/** Whether {@code name} is a layer of this architecture. */
	public boolean hasLayer(String name) {
		return indexByName.containsKey(name);
	}

	/** The torchvision {@code features} index of a layer; throws naming the valid layers if unknown. */
	public int index(String name) {
		Integer i = indexByName.get(name);
		if (i == null) {
			throw new IllegalArgumentException("Unknown layer '" + name + "' for " + this
				+ ": use one of conv1_1 … pool5, e.g. " + names);
		}
		return i;
	}

	/** The indices of the convolutions, in order (0, 2, 5, 7, …). */
	public int[] convIndices() {
		int[] out = new int[convCount()];
		int k = 0;
		for (Map.Entry<String, Integer> e : indexByName.entrySet()) {
			if (e.getKey().startsWith("conv")) out[k++] = e.getValue();
		}
		return out;
	}

	/** Number of convolutions (13 or 16). */
	public int convCount() {
		int n = 0;
		for (int c : convsPerBlock) n += c;
		return n;
	}

	/** Convolutions per block. */
	public int[] convsPerBlock() {
		return convsPerBlock.clone();
	}

	/** Output channels of block {@code b} (0-based) at full width. */
	public static int blockChannels(int b) {
		return BLOCK_CHANNELS[b];
	}

	/** The torchvision weight tensor name of the convolution at {@code index}. */
	public static String weightName(int index) {
		return "features." + index + ".weight";
	}

	/** The torchvision bias tensor name of the convolution at {@code index}. */
	public static String biasName(int index) {
		return "features." + index + ".bias";
	}
}
