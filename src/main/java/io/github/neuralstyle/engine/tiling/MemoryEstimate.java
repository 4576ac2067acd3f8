package io.github.neuralstyle.engine.tiling;

import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.network.VggArchitecture;
import io.github.neuralstyle.engine.optimizers.OptimizerKind;

/**
 * Rough memory of a step, untiled or tiled, from full-width VGG channel counts: what the
 * automatic tiling compares with the budget. Deliberately on the high side.
 */
public final class MemoryEstimate {

	private MemoryEstimate() {}

	/**
	 * Bytes of forward activations kept for backward, plus gradients: 1.5× the sum of the feature
	 * maps. Measured: a 512² Adam step's peak RSS is ~1030 MiB of which ~0.6 GB are activations,
	 * against 0.64 GB of feature maps (docs/performance.md), so 1.5× leaves room for backward's
	 * transient gradients and allocator slack.
	 */
	public static long activationBytes(VggArchitecture arch, int deepest, int w, int h) {
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
		return total * 3 / 2;
	}

	/**
	 * Bytes of the image-sized arrays a step holds whatever the tiling: the point, its gradient,
	 * Adam's two moments and two temporaries, and the Java copies of content, style and result
	 * (about 10 arrays of 12 bytes per pixel with Adam; L-BFGS adds 2 per pair and its direction).
	 */
	public static long imageBytes(StyleTransferSettings s, int w, int h) {
		int arrays = 10 + (s.optimizer() == OptimizerKind.LBFGS ? 2 * s.historySize() + 4 : 0);
		return arrays * 12L * w * h;
	}

	/** Bytes of the content layers' target features over the whole image. */
	public static long contentTargetBytes(StyleTransferSettings s, VggArchitecture arch, int w, int h) {
		if (s.contentWeight() <= 0) return 0;
		long total = 0;
		for (String layer : s.contentLayers().keySet()) {
			int index = arch.index(layer);
			int stride = TileGeometry.strideAt(arch, index);
			int block = Integer.numberOfTrailingZeros(stride);
			long channels = arch.layerNames().get(index).startsWith("pool") ? VggArchitecture.blockChannels(block - 1)
				: VggArchitecture.blockChannels(block);
			total += channels * (h / stride) * (long) (w / stride) * 4;
		}
		return total;
	}

	/** An untiled step at w×h. */
	public static long untiled(StyleTransferSettings s, VggArchitecture arch, int deepest, int w, int h) {
		return activationBytes(arch, deepest, w, h) + imageBytes(s, w, h) + contentTargetBytes(s, arch, w, h);
	}

	/** A tiled step: one window's activations at a time beside the image-sized arrays. */
	public static long tiled(StyleTransferSettings s, VggArchitecture arch, int deepest, TileGrid grid) {
		int ww = 0, wh = 0;
		for (Tile t : grid.tiles()) {
			ww = Math.max(ww, t.windowWidth());
			wh = Math.max(wh, t.windowHeight());
		}
		return activationBytes(arch, deepest, ww, wh) + imageBytes(s, grid.width(), grid.height())
			+ contentTargetBytes(s, arch, grid.width(), grid.height());
	}

	/** MemAvailable of /proc/meminfo (free plus reclaimable cache), else the physical memory; -1 if unknown. */
	public static long availableBytes() {
		try {
			for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/meminfo"))) {
				if (line.startsWith("MemAvailable:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
			}
		}
		catch (java.io.IOException | NumberFormatException e) {
			// not Linux: fall back to the physical memory
		}
		java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
		if (os instanceof com.sun.management.OperatingSystemMXBean) {
			return ((com.sun.management.OperatingSystemMXBean) os).getTotalMemorySize();
		}
		return -1;
	}
}
