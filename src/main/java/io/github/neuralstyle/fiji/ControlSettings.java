package io.github.neuralstyle.fiji;

import static io.github.neuralstyle.fiji.ParameterChecks.choice;
import static io.github.neuralstyle.fiji.ParameterChecks.number;

import ij.ImagePlus;

import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.color.ColourMode;
import io.github.neuralstyle.engine.losses.StyleScale;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command's control keys (issue 15: start image, original colours, several styles, style
 * scale, regions, TV exponent, tolerance) → the settings builder. Kept out of
 * {@link CommandSettings} so that the recipe keys and these stay small files.
 */
final class ControlSettings {

	private ControlSettings() {}

	/**
	 * Checks the control keys of {@code p} and sets them on {@code b}, converting the images they
	 * name (at the builder's working size).
	 *
	 * @throws IllegalArgumentException naming the macro key, the value and what is accepted
	 */
	static void apply(StyleTransferCommand p, StyleTransferSettings.Builder b, int workingSize) {
		if (p.init != null && p.init.trim().equalsIgnoreCase("image")) {
			b.optInitImage(p.convert("initimage", p.initimage, workingSize).image());
		}
		ColourMode colours = ColourMode.fromId(choice("originalcolors", p.originalcolors,
			java.util.Arrays.stream(ColourMode.values()).map(ColourMode::id).toArray(String[]::new)));
		double[] blend = ControlParameters.blend(p.styleblend);
		List<RgbImage> styles = extraStyles(p, blend.length, workingSize);
		double scale = number("stylescale", p.stylescale, 0, StyleScale.MAX, true);
		if (Double.isNaN(scale)) scale = 1;
		RegionSources source = RegionSources.valueOf(choice("regions", p.regions, RegionSources.ids()).toUpperCase(java.util.Locale.ROOT));
		if (source == RegionSources.LABELS && p.unparsed.containsKey("labels")) {
			throw new IllegalArgumentException("labels=" + p.unparsed.get("labels") + ": no open image has this title; open"
				+ " the label image first, or give the title of an open one, e.g. labels=[cells-labels.tif]");
		}
		int[] plane = p.content == null ? null : source.plane(p.content, p.labels, "regions");
		Map<Integer, Integer> regionStyles = plane == null ? null : ControlParameters.regionStyles(p.regionstyles, plane, blend.length);
		double tvPower = number("tvpower", p.tvpower, 0, 16, true);
		double tolerance = number("tolerance", p.tolerance, 0, 0.999, false);
	}

	/** The images of style2 and style3 that the blend weights use (none for one weight). */
	private static List<RgbImage> extraStyles(StyleTransferCommand p, int used, int workingSize) {
		List<RgbImage> out = new ArrayList<>();
		ImagePlus[] extra = { p.style2, p.style3 };
		for (int i = 1; i < used; i++) {
			String key = ControlParameters.STYLE_KEYS.get(i);
			out.add(p.convert(key, extra[i - 1], workingSize).image());
		}
		return out;
	}
}
