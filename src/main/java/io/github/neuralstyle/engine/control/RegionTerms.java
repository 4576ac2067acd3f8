package io.github.neuralstyle.engine.control;

import ai.djl.ndarray.NDManager;

import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.StyleControls;
import io.github.neuralstyle.engine.losses.StyleScale;
import io.github.neuralstyle.engine.network.FeatureNetwork;
import io.github.neuralstyle.engine.regions.GuidanceMaps;
import io.github.neuralstyle.engine.regions.RegionAssignment;
import io.github.neuralstyle.engine.regions.RegionStyle;
import io.github.neuralstyle.engine.regions.StyleRegions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The region terms of one scale: the label plane resized to the working size, one mask per label
 * that has a style, and each region matched to its style (at the style scale), guided by the
 * region's style-side mask where one is given. Labels set to {@code none} get no term.
 */
final class RegionTerms {

	private RegionTerms() {}

	static List<RegionStyle> of(FeatureNetwork network, Collection<String> layers, StyleControls controls,
		List<RgbImage> styles, int w, int h, NDManager manager)
	{
		StyleRegions regions = controls.regions();
		int[] labels = regions.labelsAt(w, h);
		List<RegionStyle> out = new ArrayList<>();
		for (Map.Entry<Integer, Integer> e : regions.styleOf().entrySet()) {
			if (e.getValue() == RegionAssignment.NONE) continue;
			float[] mask = new float[labels.length];
			boolean any = false;
			for (int i = 0; i < labels.length; i++) {
				if (labels[i] == e.getKey()) {
					mask[i] = 1;
					any = true;
				}
			}
			// A region smaller than one pixel at a coarse scale has nothing to style there.
			if (!any) continue;
			RgbImage style = StyleScale.resize(styles.get(e.getValue()), w, h, controls.styleScale());
			GuidanceMaps.Map2d given = regions.styleMasks().get(e.getKey());
			float[] styleMask = given == null ? null : nearest(given, style.width(), style.height());
			out.add(RegionStyle.of(network, layers, mask, w, h, style, styleMask, regions.mode(), manager));
		}
		return out;
	}

	/** {@code mask} resized to {@code w × h} by nearest neighbour. */
	static float[] nearest(GuidanceMaps.Map2d mask, int w, int h) {
		float[] out = new float[w * h];
		for (int y = 0; y < h; y++) {
			int sy = Math.min(mask.height() - 1, (int) ((y + 0.5) * mask.height() / h));
			for (int x = 0; x < w; x++) {
				int sx = Math.min(mask.width() - 1, (int) ((x + 0.5) * mask.width() / w));
				out[y * w + x] = mask.values()[sy * mask.width() + sx];
			}
		}
		return out;
	}
}
