package io.github.neuralstyle.engine.control;

import ai.djl.ndarray.NDManager;

import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.StyleControls;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.color.ColourMatch;
import io.github.neuralstyle.engine.color.ColourMode;
import io.github.neuralstyle.engine.color.LuminanceTransfer;
import io.github.neuralstyle.engine.color.Yuv;
import io.github.neuralstyle.engine.losses.LossObjective;
import io.github.neuralstyle.engine.losses.StyleScale;
import io.github.neuralstyle.engine.network.FeatureNetwork;
import io.github.neuralstyle.engine.network.VggArchitecture;
import io.github.neuralstyle.engine.optimizers.ToleranceStop;
import io.github.neuralstyle.engine.regions.LayerGeometry;
import io.github.neuralstyle.engine.tiling.TilingPlan;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@link StyleControls} change in a run, in the order the run needs it: the images the
 * network sees (grey for luminance-only transfer, colour-matched styles for histogram matching),
 * the objective when the controls change it, the early stop, and the colours of the result.
 */
public final class ControlledRun {

	private final StyleControls controls;
	private final RgbImage original;
	private final RgbImage content;
	private final List<RgbImage> styles;

	private ControlledRun(StyleControls controls, RgbImage original, RgbImage content, List<RgbImage> styles) {
		this.controls = controls;
		this.original = original;
		this.content = content;
		this.styles = styles;
	}

	/** Prepares the inputs of a run with {@code settings}' controls; the images given are not modified. */
	public static ControlledRun prepare(RgbImage content, RgbImage style, StyleTransferSettings settings) {
		StyleControls c = settings.controls();
		if (c.regions() != null && (c.regions().width() != content.width() || c.regions().height() != content.height())) {
			throw new IllegalArgumentException("the region labels are " + c.regions().width() + "×" + c.regions().height()
				+ " but the content is " + content.width() + "×" + content.height() + ": give a label image of the content's size");
		}
		List<RgbImage> given = new ArrayList<>();
		given.add(style);
		given.addAll(c.extraStyles());
		List<RgbImage> styles = new ArrayList<>();
		RgbImage seen = content;
		for (RgbImage s : given) {
			if (c.colourMode() == ColourMode.LUMINANCE) {
				LuminanceTransfer.Inputs in = LuminanceTransfer.prepare(content, s);
				seen = in.content();
				styles.add(in.style());
			}
			else if (c.colourMode() == ColourMode.HISTOGRAM) {
				styles.add(ColourMatch.matchStyleToContent(s, content, c.colourMatch(), true));
			}
			else {
				styles.add(s);
			}
		}
		return new ControlledRun(c, content, seen, List.copyOf(styles));
	}

	/** The content the network sees (grey in luminance-only transfer). */
	public RgbImage content() { return content; }

	/** Style 0 as the network sees it. */
	public RgbImage style() { return styles.get(0); }

	/** Whether the run needs {@link #objective} instead of the plain one. */
	public boolean changesObjective() { return controls.changesObjective(); }

	/**
	 * Refuses, before anything is loaded, controls the tiled objective cannot compute yet: extra
	 * styles, a style scale, regions and the summed or power loss forms (colours, the start and
	 * the tolerance work tiled).
	 */
	public static void checkTiling(StyleTransferSettings settings, TilingPlan[] tilings) {
		if (!settings.controls().changesObjective()) return;
		for (TilingPlan t : tilings) {
			if (t.tiled()) {
				throw new IllegalArgumentException("this run needs tiling (" + t.describe() + ") but several styles, the style "
					+ "scale, regions, a tv power and summed content terms (presets gatys-2016, keras-vgg16, jcjohnson) are not "
					+ "supported tiled yet: lower the size, raise the memory budget, or leave those controls out");
			}
		}
	}

	/**
	 * Fails with a clear message when a style, at the style scale and the coarsest working size,
	 * is too small for the poolings before the deepest style layer.
	 */
	public void checkStyles(StyleTransferSettings settings, VggArchitecture arch, int coarsestWidth, int coarsestHeight) {
		if (settings.styleWeight() == 0 || !changesObjective()) return;
		int minSide = 1;
		for (String l : settings.styleLayers().keySet()) minSide = Math.max(minSide, LayerGeometry.of(arch, l).jump());
		for (int i = 0; i < styles.size(); i++) {
			RgbImage s = styles.get(i);
			int[] wh = StyleScale.styleSize(s.width(), s.height(), Math.max(coarsestWidth, coarsestHeight), controls.styleScale());
			if (Math.min(wh[0], wh[1]) < minSide) {
				throw new IllegalArgumentException("style " + i + " becomes " + wh[0] + "×" + wh[1] + " px at style scale "
					+ controls.styleScale() + " and the coarsest working size, too small for the style layers (they need "
					+ minSide + " px on the short side); raise the style scale or the size, or use fewer scales");
			}
		}
	}

	/** The objective of one scale for the content {@code c} at its working size. */
	public LossObjective objective(FeatureNetwork network, StyleTransferSettings settings, RgbImage c, NDManager scale) {
		return new ControlledObjective(network, settings, c, styles, scale);
	}

	/** The start image as the network should see it: grey in luminance-only transfer. */
	public RgbImage start(RgbImage image) {
		if (controls.colourMode() != ColourMode.LUMINANCE) return image;
		return Yuv.grey(Yuv.luminance(image), image.width(), image.height());
	}

	/** Whether the loss must be read every step (for the tolerance). */
	public boolean readsEveryStep() { return controls.tolerance() > 0; }

	/** A fresh early stop for one scale. */
	public ToleranceStop newStop() {
		return new ToleranceStop(controls.tolerance(), StyleControls.TOLERANCE_PATIENCE);
	}

	/** The result with the content's colours as the mode asks (luminance, yuv); else unchanged. */
	public RgbImage finish(RgbImage result) {
		if (controls.colourMode() == ColourMode.LUMINANCE) return LuminanceTransfer.finish(result, original);
		if (controls.colourMode() == ColourMode.YUV) return Yuv.withChroma(result, original, true);
		return result;
	}
}
