package io.github.neuralstyle.fiji;

import static io.github.neuralstyle.fiji.ParameterChecks.choice;
import static io.github.neuralstyle.fiji.ParameterChecks.number;

import ij.ImagePlus;

import io.github.neuralstyle.engine.Preset;
import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.StyleControls;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.color.ColourMode;
import io.github.neuralstyle.engine.losses.Reduction;
import io.github.neuralstyle.engine.losses.StyleScale;
import io.github.neuralstyle.engine.regions.GuidanceMaps;
import io.github.neuralstyle.engine.regions.RegionAssignment;
import io.github.neuralstyle.engine.regions.StyleRegions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The command's control keys (issue 15: start image, original colours, several styles, style
 * scale, regions, TV exponent, tolerance) → the settings' {@link StyleControls}. Kept out of
 * {@link CommandSettings} so that the recipe keys and these stay small files.
 */
final class ControlSettings {

	/** Largest accepted tolerance: a relative loss change of half per step is no convergence. */
	static final double MAX_TOLERANCE = 0.5;

	private ControlSettings() {}

	/**
	 * Checks the control keys of {@code p} and sets them on {@code b}, converting the images they
	 * name (checked at the working size {@code size}).
	 *
	 * @throws IllegalArgumentException naming the macro key, the value and what is accepted
	 */
	static void apply(StyleTransferCommand p, Preset preset, StyleTransferSettings.Builder b, int size) {
		if (p.init != null && p.init.trim().equalsIgnoreCase("image")) {
			b.optInitImage(p.convert("initimage", p.initimage, size).image());
		}
		ColourMode colours = ColourMode.fromId(choice("originalcolors", p.originalcolors,
			Arrays.stream(ColourMode.values()).map(ColourMode::id).toArray(String[]::new)));
		double[] blend = ControlParameters.blend(p.styleblend);
		List<RgbImage> extra = new ArrayList<>();
		for (int i = 1; i < blend.length; i++) {
			String key = ControlParameters.STYLE_KEYS.get(i);
			extra.add(p.convert(key, styleImage(p, i), size).image());
		}
		double scale = number("stylescale", p.stylescale, 0, StyleScale.MAX, true);
		StyleRegions regions = regions(p, blend.length);
		double tvPower = number("tvpower", p.tvpower, 0, StyleControls.MAX_TV_POWER, true);
		double tolerance = number("tolerance", p.tolerance, 0, MAX_TOLERANCE, false);
		// A TV exponent set here keeps the preset's TV form (a sum for the recipes written on sums).
		Reduction tvForm = StyleTransferSettings.builder(preset).build().controls().tvReduction();
		b.optControls(c -> {
			c.colourMode(colours).extraStyles(extra).blendWeights(blend).regions(regions);
			if (!Double.isNaN(scale)) c.styleScale(scale);
			if (!Double.isNaN(tvPower)) c.tvPower(tvPower, tvForm);
			if (!Double.isNaN(tolerance)) c.tolerance(tolerance);
			return c;
		});
	}

	/**
	 * Adds the controls to the result's Info (after the settings line), with the extra styles' and
	 * the label image's titles; nothing when the run used none.
	 */
	static void describe(ImagePlus out, StyleTransferCommand p, StyleTransferSettings settings) {
		StyleControls c = settings.controls();
		if (c.isNone()) return;
		StringBuilder sb = new StringBuilder("Neural Style controls: ").append(c);
		for (int i = 1; i < c.styleCount(); i++) {
			sb.append(' ').append(ControlParameters.STYLE_KEYS.get(i)).append('=').append(styleImage(p, i).getTitle());
		}
		if (c.regions() != null) sb.append(" regions_from=").append(p.regions.trim().toLowerCase(Locale.ROOT));
		if (c.regions() != null && p.labels != null && p.regions.trim().equalsIgnoreCase("labels")) {
			sb.append(" labels=").append(p.labels.getTitle());
		}
		String info = out.getInfoProperty();
		out.setProperty("Info", (info == null ? "" : info) + sb + "\n");
	}

	/** Style {@code i}: 0 = style, 1 = style2, 2 = style3. */
	private static ImagePlus styleImage(StyleTransferCommand p, int i) {
		return i == 0 ? p.style : i == 1 ? p.style2 : p.style3;
	}

	/** The regions of the {@code regions}, {@code labels}, {@code regionstyles} and {@code styleregions} keys, or null. */
	private static StyleRegions regions(StyleTransferCommand p, int styles) {
		RegionSources source = RegionSources.valueOf(choice("regions", p.regions, RegionSources.ids()).toUpperCase(Locale.ROOT));
		String styleSource = choice("styleregions", p.styleregions, "none", "selection", "overlay");
		if (source == RegionSources.NONE) {
			if (!styleSource.equals("none")) {
				throw new IllegalArgumentException("styleregions=" + styleSource + ": needs content regions; choose regions"
					+ " (e.g. regions=selection, with Edit › Selection › Select All for the whole image) or styleregions=none");
			}
			return null;
		}
		if (source == RegionSources.LABELS && p.unparsed.containsKey("labels")) {
			throw new IllegalArgumentException("labels=" + p.unparsed.get("labels") + ": no open image has this title; open"
				+ " the label image first, or give the title of an open one, e.g. labels=[cells-labels.tif]");
		}
		if (p.content == null) return null; // reported when the content is converted
		int[] plane = source.plane(p.content, p.labels, "regions");
		Map<Integer, Integer> styleOf = ControlParameters.regionStyles(p.regionstyles, plane, styles);
		Map<Integer, GuidanceMaps.Map2d> masks = new TreeMap<>();
		if (!styleSource.equals("none")) {
			for (Map.Entry<Integer, Integer> e : styleOf.entrySet()) {
				if (e.getValue() == RegionAssignment.NONE) continue;
				ImagePlus s = styleImage(p, e.getValue());
				if (s == null) continue; // reported when the style is converted
				masks.put(e.getKey(), styleMask(s, e.getKey(), styleSource));
			}
		}
		return new StyleRegions(p.content.getWidth(), p.content.getHeight(), plane, styleOf, GuidanceMaps.Mode.SIMPLE, masks);
	}

	/** Where on {@code style} region {@code label} takes its style: the selection, or ROI {@code label} of the overlay. */
	private static GuidanceMaps.Map2d styleMask(ImagePlus style, int label, String source) {
		boolean selection = source.equals("selection");
		RegionSources from = selection ? RegionSources.SELECTION : RegionSources.OVERLAY;
		int[] plane = from.plane(style, null, "styleregions");
		int wanted = selection ? 1 : label;
		float[] mask = new float[plane.length];
		boolean any = false;
		for (int i = 0; i < plane.length; i++) {
			if (plane[i] == wanted) {
				mask[i] = 1;
				any = true;
			}
		}
		if (!any) {
			throw new IllegalArgumentException("styleregions=" + source + ": region " + label + " takes its style from "
				+ (selection ? "the selection" : label == 0 ? "outside the ROIs" : "ROI " + label) + " of the overlay of '"
				+ style.getTitle() + "', which covers no pixel; add one ROI per region to that overlay, in the regions' order");
		}
		return new GuidanceMaps.Map2d(style.getWidth(), style.getHeight(), mask);
	}
}
