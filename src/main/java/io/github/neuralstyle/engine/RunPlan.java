package io.github.neuralstyle.engine;

import ai.djl.Device;

import java.lang.management.ManagementFactory;

/**
 * The sizes and step counts of a run's scales, and the checks that the run fits: layers that
 * exist in the weights, an image large enough for the deepest pooling, memory for the
 * activations.
 */
final class RunPlan {

	private final int[] widths, heights, steps;
	private final long activationBytes;

	RunPlan(StyleTransferSettings s, int contentWidth, int contentHeight, VggArchitecture arch) {
		int n = s.scales();
		widths = new int[n];
		heights = new int[n];
		steps = new int[n];
		int pools = poolsBefore(arch, s.deepestLayerIndex(arch));
		int minSide = 1 << pools;
		for (int k = 0; k < n; k++) {
			int[] wh = ImageResize.fitLongSide(contentWidth, contentHeight, s.size() >> (n - 1 - k));
			widths[k] = wh[0];
			heights[k] = wh[1];
			if (Math.min(wh[0], wh[1]) < minSide) {
				throw new IllegalArgumentException("size: at " + wh[0] + "×" + wh[1] + " px the image is too small for layer "
					+ "depth (" + pools + " poolings need at least " + minSide + " px on the short side); raise size, use "
					+ "fewer scales or shallower layers");
			}
			steps[k] = s.steps() / n + (k == n - 1 ? s.steps() % n : 0);
		}
		activationBytes = estimateBytes(arch, s.deepestLayerIndex(arch), widths[n - 1], heights[n - 1]);
	}

	/**
	 * Checks that the deepest layer exists in the weights' architecture and in the weights
	 * themselves; returns its index.
	 */
	static int checkCompatible(StyleTransferSettings s, VggWeights weights) {
		VggArchitecture arch = weights.architecture();
		int deepest = s.deepestLayerIndex(arch);
		int convsNeeded = 0;
		for (int c : arch.convIndices()) if (c < deepest + 1) convsNeeded++;
		if (convsNeeded > weights.convolutionsPresent()) {
			throw new IllegalArgumentException("The weights (" + weights.description() + ") hold " + weights.convolutionsPresent()
				+ " convolutions but layer " + arch.layerNames().get(deepest) + " needs " + convsNeeded
				+ ": choose shallower layers or a complete weights file");
		}
		return deepest;
	}

	int scales() { return widths.length; }

	int width(int k) { return widths[k]; }

	int height(int k) { return heights[k]; }

	int steps(int k) { return steps[k]; }

	/** Fails with a clear message when the activations cannot fit on {@code device}. */
	void checkMemory(Device device) {
		long available = device.isGpu() ? gpuMemory(device) : physicalMemory();
		if (available > 0 && activationBytes > available * 0.8) {
			throw new IllegalArgumentException(String.format(
				"size: a %d×%d px run needs about %.1f GB for its activations, more than the %.1f GB available on %s; "
					+ "lower size (the long side)", widths[widths.length - 1], heights[heights.length - 1], activationBytes / 1e9,
				available / 1e9, device));
		}
	}

	/** Bytes of forward activations, kept for backward, plus gradients: about 3× the sum of feature maps. */
	static long estimateBytes(VggArchitecture arch, int deepest, int w, int h) {
		long total = 0;
		long channels = 3;
		int block = 0;
		for (int i = 0; i <= deepest; i++) {
			String name = arch.layerNames().get(i);
			if (name.startsWith("conv")) channels = VggArchitecture.blockChannels(block);
			if (name.startsWith("pool")) {
				block++;
				w /= 2;
				h /= 2;
			}
			total += channels * w * (long) h * 4;
		}
		return 3 * total;
	}

	private static int poolsBefore(VggArchitecture arch, int index) {
		int pools = 0;
		for (int i = 0; i <= index; i++) if (arch.layerNames().get(i).startsWith("pool")) pools++;
		return pools;
	}

	private static long physicalMemory() {
		java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
		if (os instanceof com.sun.management.OperatingSystemMXBean) {
			return ((com.sun.management.OperatingSystemMXBean) os).getTotalMemorySize();
		}
		return -1;
	}

	private static long gpuMemory(Device device) {
		try {
			return ai.djl.util.cuda.CudaUtils.getGpuMemory(device).getMax();
		}
		catch (RuntimeException | LinkageError e) {
			return -1;
		}
	}
}
