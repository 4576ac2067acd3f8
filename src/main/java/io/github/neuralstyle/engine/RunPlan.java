package io.github.neuralstyle.engine;

import ai.djl.Device;

import io.github.neuralstyle.engine.network.VggArchitecture;
import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.engine.tiling.MemoryEstimate;
import io.github.neuralstyle.engine.tiling.TilingOptions;
import io.github.neuralstyle.engine.tiling.TilingPlan;


/**
 * The sizes and step counts of a run's scales, and the checks that the run fits: layers that
 * exist in the weights, an image large enough for the deepest pooling, memory for the
 * activations.
 */
final class RunPlan {

	private final int[] widths, heights, steps;
	private final StyleTransferSettings settings;
	private final VggArchitecture arch;

	/** Most scales the automatic choice uses: the coarsest is then a quarter of the target. */
	static final int AUTO_MAX_SCALES = 3;

	/** The automatic choice keeps the coarsest scale's short side at least this large, so coarse steps still see structure. */
	static final int AUTO_MIN_SHORT_SIDE = 32;

	RunPlan(StyleTransferSettings s, int contentWidth, int contentHeight, VggArchitecture arch) {
		this.settings = s;
		this.arch = arch;
		int pools = poolsBefore(arch, s.deepestLayerIndex(arch));
		int minSide = 1 << pools;
		int n = s.scales() == StyleTransferSettings.AUTO_SCALES
			? autoScales(s.size(), s.steps(), contentWidth, contentHeight, minSide) : s.scales();
		widths = new int[n];
		heights = new int[n];
		int[] explicit = s.scaleSteps();
		steps = explicit != null ? explicit : split(s.steps(), n);
		for (int k = 0; k < n; k++) {
			int[] wh = ImageResize.fitLongSide(contentWidth, contentHeight, s.size() >> (n - 1 - k));
			widths[k] = wh[0];
			heights[k] = wh[1];
			if (Math.min(wh[0], wh[1]) < minSide) {
				throw new IllegalArgumentException("size: at " + wh[0] + "×" + wh[1] + " px the image is too small for layer "
					+ "depth (" + pools + " poolings need at least " + minSide + " px on the short side); raise size, use "
					+ "fewer scales or shallower layers");
			}
		}
	}

	/**
	 * Up to {@link #AUTO_MAX_SCALES} scales, fewer where the coarsest short side would fall below
	 * {@link #AUTO_MIN_SHORT_SIDE} (or what the layers' poolings need), or where there are too
	 * few steps to give every scale some.
	 */
	static int autoScales(int size, int steps, int contentWidth, int contentHeight, int minSide) {
		for (int n = AUTO_MAX_SCALES; n > 1; n--) {
			int[] wh = ImageResize.fitLongSide(contentWidth, contentHeight, size >> (n - 1));
			if (Math.min(wh[0], wh[1]) >= Math.max(minSide, AUTO_MIN_SHORT_SIDE) && steps >= 4 * n) return n;
		}
		return 1;
	}

	/**
	 * The default split of {@code steps} over {@code n} scales, coarsest first: an equal share
	 * each, the remainder to the finest. A coarse step costs a quarter of the next scale's, so
	 * the coarse shares are cheap, and the better start they give pays off: at 256 px, 100 + 100
	 * coarse steps reached single-scale L-BFGS's 300-step loss in 0.18× its time, 50 + 50 in
	 * 0.57× (docs/performance.md).
	 */
	static int[] split(int steps, int n) {
		int[] out = new int[n];
		java.util.Arrays.fill(out, steps / n);
		out[n - 1] += steps % n;
		return out;
	}

	/**
	 * Fails with a clear message when the style image, scaled to the coarsest scale's long side
	 * as the run scales it, is too thin for the poolings before the deepest style layer (the
	 * network would fail with an output size of 0).
	 */
	void checkStyle(StyleTransferSettings s, int styleWidth, int styleHeight, VggArchitecture arch) {
		if (s.styleWeight() == 0) return;
		int deepest = 0;
		for (String l : s.styleLayers().keySet()) deepest = Math.max(deepest, arch.index(l));
		int pools = poolsBefore(arch, deepest);
		int minSide = 1 << pools;
		int[] wh = ImageResize.fitLongSide(styleWidth, styleHeight, Math.max(widths[0], heights[0]));
		if (Math.min(wh[0], wh[1]) < minSide) {
			throw new IllegalArgumentException("style: the " + styleWidth + "×" + styleHeight + " px style image becomes "
				+ wh[0] + "×" + wh[1] + " px at the " + (widths.length > 1 ? "coarsest scale" : "working size") + ", too thin for the "
				+ "style layers (" + pools + " poolings need at least " + minSide + " px on the short side); use a style "
				+ "image closer to square, raise size, use fewer scales or shallower style layers");
		}
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

	/**
	 * Each scale's tiling on {@code device}: untiled where the step fits the budget, else tiles
	 * that do; fails with a clear message when not even the smallest tiles fit.
	 */
	TilingPlan[] tilings(TilingOptions options, Device device) {
		long available = device.isGpu() ? freeGpuMemory(device) : MemoryEstimate.availableBytes();
		TilingPlan[] out = new TilingPlan[widths.length];
		int deepest = settings.deepestLayerIndex(arch);
		// Finest first: where no tiling fits, the refusal names the size the user asked for.
		for (int k = out.length - 1; k >= 0; k--) {
			out[k] = TilingPlan.choose(options, settings, arch, deepest, widths[k], heights[k], available);
		}
		return out;
	}

	private static int poolsBefore(VggArchitecture arch, int index) {
		int pools = 0;
		for (int i = 0; i <= index; i++) if (arch.layerNames().get(i).startsWith("pool")) pools++;
		return pools;
	}

	/** The GPU's memory not yet in use, -1 if unknown. */
	private static long freeGpuMemory(Device device) {
		try {
			java.lang.management.MemoryUsage m = ai.djl.util.cuda.CudaUtils.getGpuMemory(device);
			return m.getMax() - m.getCommitted();
		}
		catch (RuntimeException | LinkageError e) {
			return -1;
		}
	}
}
