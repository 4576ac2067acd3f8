package io.github.neuralstyle.fiji;

import ij.ImagePlus;

import io.github.neuralstyle.engine.ImageResize;
import io.github.neuralstyle.engine.RunTiling;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.engine.optimizers.OptimizerKind;
import io.github.neuralstyle.engine.tiling.MemoryEstimate;
import io.github.neuralstyle.engine.tiling.TilingOptions;
import io.github.neuralstyle.engine.tiling.TilingPlan;

import java.util.Locale;

/**
 * Full resolution in Fiji: {@code resultsize=full} optimises at the content's own size, tiled
 * where an untiled step would not fit {@code memorybudget}. The tiling is planned before the run
 * (the engine's own planning, {@link RunTiling}), logged when the run is tiled, and a run that
 * fits in no tiling is refused with the macro keys that change that.
 */
final class FullResolution {

	/** The {@code resultsize} choice that optimises at the content's size. */
	static final String FULL = "full";

	/** The {@code memorybudget} value that leaves the budget to the run: 80% of the free memory. */
	static final String AUTO = "auto";

	private FullResolution() {}

	/** Whether the command asks for full resolution. */
	static boolean asked(StyleTransferCommand p) {
		return p.resultsize != null && p.resultsize.trim().equalsIgnoreCase(FULL);
	}

	/**
	 * The working size of a full-resolution run: the content's long side.
	 *
	 * @throws IllegalArgumentException when the content is outside the sizes the engine optimises at
	 */
	static int size(ImagePlus content) {
		// No content: any valid size; the command then reports the missing image.
		if (content == null || content.getWidth() == 0) return StyleTransferSettings.MIN_SIZE;
		int w = content.getWidth(), h = content.getHeight(), longSide = Math.max(w, h);
		if (longSide > StyleTransferSettings.MAX_SIZE) {
			throw new IllegalArgumentException("resultsize=full: content '" + content.getTitle() + "' is " + w + "×" + h
				+ " px, more than the " + StyleTransferSettings.MAX_SIZE + " px on the long side the engine optimises at; use "
				+ "resultsize=content size=" + StyleTransferSettings.MAX_SIZE + " (optimised at that size, then resized), or "
				+ "crop the content");
		}
		if (longSide < StyleTransferSettings.MIN_SIZE) {
			throw new IllegalArgumentException("resultsize=full: content '" + content.getTitle() + "' is " + w + "×" + h
				+ " px, less than the " + StyleTransferSettings.MIN_SIZE + " px the network needs; use resultsize=content "
				+ "with a larger size");
		}
		return longSide;
	}

	/** The tiling options {@code memorybudget} asks for: {@link #AUTO} or a size such as 6g or 512m. */
	static TilingOptions tiling(String memorybudget) {
		if (memorybudget == null || memorybudget.isBlank() || memorybudget.trim().equalsIgnoreCase(AUTO)) {
			return TilingOptions.automatic();
		}
		try {
			return new TilingOptions(TilingOptions.AUTO, TilingOptions.parseBytes("memorybudget", memorybudget));
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("memorybudget=" + memorybudget + ": must be " + AUTO
				+ " or a size such as 6g, 512m or 4096k", e);
		}
	}

	/**
	 * The finest scale's tiling of the run.
	 *
	 * @throws IllegalArgumentException when no tiling fits the budget: the size, the estimate and
	 *                                  the budget, and which keys change them
	 */
	static TilingPlan plan(StyleTransferSettings s, VggWeights w, int contentWidth, int contentHeight, TilingOptions o,
		boolean full)
	{
		try {
			return RunTiling.finest(s, w, contentWidth, contentHeight, o);
		}
		catch (IllegalArgumentException e) {
			String m = e.getMessage();
			if (m == null || !m.endsWith("raise the memory budget")) throw e;
			String fix = (full ? "raise memorybudget" : "lower size or raise memorybudget") + lbfgsHint(s, contentWidth, contentHeight)
				+ (full ? ", or use resultsize=content with a smaller size" : "");
			throw new IllegalArgumentException((full ? "resultsize=full: " : "size=" + s.size() + ": ")
				+ m.substring(m.indexOf(':') + 2, m.lastIndexOf("; ")).replace("the budget", "the memory budget")
				+ " (" + budgetNote(o) + "); " + fix, e);
		}
	}

	/** With L-BFGS, ", or optimizer=adam (…)": its history of image-sized arrays is most of a large run's memory. */
	private static String lbfgsHint(StyleTransferSettings s, int contentWidth, int contentHeight) {
		if (s.optimizer() != OptimizerKind.LBFGS) return "";
		int[] wh = ImageResize.fitLongSide(contentWidth, contentHeight, s.size());
		long saved = MemoryEstimate.imageBytes(s, wh[0], wh[1])
			- MemoryEstimate.imageBytes(s.toBuilder().optOptimizer(OptimizerKind.ADAM).build(), wh[0], wh[1]);
		return ", use optimizer=adam (L-BFGS's history needs " + bytes(saved) + " more here)";
	}

	/** "512×512 px in 4 tiles of core 256 px, halo 80 px; estimated 0.4 GB of a 1.2 GB memory budget (…)". */
	static String describe(TilingPlan plan, TilingOptions o) {
		String size = plan.tiled() ? plan.grid().width() + "×" + plan.grid().height() + " px in " : "";
		String budget = plan.budgetBytes() == Long.MAX_VALUE ? "no known memory budget"
			: "a " + bytes(plan.budgetBytes()) + " memory budget (" + budgetNote(o) + ")";
		return size + plan.describe() + "; estimated " + bytes(plan.estimatedBytes()) + " of " + budget;
	}

	private static String budgetNote(TilingOptions o) {
		return o.budgetBytes() == TilingOptions.AUTO ? "memorybudget=auto: 80% of the free memory" : "as given by memorybudget";
	}

	/** Bytes as "1.2 GB" or "350 MB", in units of 2^30 and 2^20 as {@code memorybudget=6g} and the engine's messages. */
	static String bytes(long b) {
		return b >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GB", b / (double) (1L << 30))
			: String.format(Locale.ROOT, "%d MB", Math.round(b / (double) (1L << 20)));
	}
}
