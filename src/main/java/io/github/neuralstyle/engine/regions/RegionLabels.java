package io.github.neuralstyle.engine.regions;

import java.util.Map;
import java.util.TreeMap;

/** A label image (one integer per pixel, 0 = background) split into one binary mask per label. */
public final class RegionLabels {

	private RegionLabels() {}

	/** Label → mask (1 where the pixel has that label, else 0), labels in ascending order, background included. */
	public static Map<Integer, float[]> masks(int[] labels) {
		Map<Integer, float[]> out = new TreeMap<>();
		for (int i = 0; i < labels.length; i++) {
			out.computeIfAbsent(labels[i], k -> new float[labels.length])[i] = 1;
		}
		return out;
	}
}
