package io.github.neuralstyle.engine.regions;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Content regions of a run and the style each one takes (Gatys et al. 2017 spatial control): a
 * label plane at the content image's size (0 = background, any int ≥ 0 a region), each label
 * mapped to the index of one of the run's styles (0 = the style passed to the run, 1… = the
 * extra styles of {@code StyleControls}) or {@link RegionAssignment#NONE} (no style term there:
 * the content is kept). Every label in the plane must be assigned and every assigned label must
 * occur, so a typo is an error rather than a silently unstyled region.
 *
 * @param width      the label plane's width: the content image's
 * @param height     its height
 * @param labels     row-major labels, {@code width·height} values ≥ 0 (copied)
 * @param styleOf    label → style index or {@link RegionAssignment#NONE}
 * @param mode       how masks become per-layer guidance maps
 * @param styleMasks label → a mask on that region's style image at the style's own size, where
 *                   only part of the style should be matched (e.g. ROIs on the style image);
 *                   labels without one use the whole style image
 */
public record StyleRegions(int width, int height, int[] labels, Map<Integer, Integer> styleOf, GuidanceMaps.Mode mode,
	Map<Integer, GuidanceMaps.Map2d> styleMasks)
{

	/** Validates; names the first problem and its fix. */
	public StyleRegions {
		if (width < 1 || height < 1 || labels == null || labels.length != (long) width * height) {
			throw new IllegalArgumentException("region labels must be one value per content pixel (" + width + "×" + height
				+ "), got " + (labels == null ? "none" : labels.length + " values") + "; give a label image of the content's size");
		}
		if (mode == null) throw new IllegalArgumentException("region guidance mode must be simple or inside");
		labels = labels.clone();
		styleOf = Collections.unmodifiableMap(new TreeMap<>(styleOf));
		styleMasks = styleMasks == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(styleMasks));
		java.util.Set<Integer> present = new java.util.TreeSet<>();
		for (int v : labels) {
			if (v < 0) throw new IllegalArgumentException("region labels must be ≥ 0 (0 = background), found " + v);
			present.add(v);
		}
		for (int label : present) {
			if (!styleOf.containsKey(label)) {
				throw new IllegalArgumentException("label " + label + " occurs in the label image but has no style: add "
					+ label + ":none (keep the content) or " + label + ":0 (the first style) to the region styles");
			}
		}
		for (Map.Entry<Integer, Integer> e : styleOf.entrySet()) {
			if (!present.contains(e.getKey())) {
				throw new IllegalArgumentException("region styles name label " + e.getKey() + ", which the label image does not "
					+ "contain (it has " + present + "); remove it or use another label image");
			}
			if (e.getValue() < RegionAssignment.NONE) {
				throw new IllegalArgumentException("label " + e.getKey() + " has style " + e.getValue()
					+ "; use a style index ≥ 0 or none");
			}
		}
		for (Map.Entry<Integer, GuidanceMaps.Map2d> e : styleMasks.entrySet()) {
			GuidanceMaps.Map2d m = e.getValue();
			if (m.values().length != m.width() * m.height()) {
				throw new IllegalArgumentException("style mask of label " + e.getKey() + " has " + m.values().length
					+ " values for " + m.width() + "×" + m.height() + "; give one value per style pixel");
			}
		}
	}

	/** Regions from a label plane and an assignment, guidance {@link GuidanceMaps.Mode#SIMPLE}, whole style images. */
	public static StyleRegions of(int width, int height, int[] labels, Map<Integer, Integer> styleOf) {
		return new StyleRegions(width, height, labels, styleOf, GuidanceMaps.Mode.SIMPLE, Map.of());
	}

	/** The highest style index any region uses, -1 when all are {@code none}. */
	public int highestStyle() {
		int max = RegionAssignment.NONE;
		for (int s : styleOf.values()) max = Math.max(max, s);
		return max;
	}

	/** The labels resized to {@code w × h} by nearest neighbour (pixel centres), as the run scales the content. */
	public int[] labelsAt(int w, int h) {
		if (w == width && h == height) return labels.clone();
		int[] out = new int[w * h];
		for (int y = 0; y < h; y++) {
			int sy = Math.min(height - 1, (int) ((y + 0.5) * height / h));
			for (int x = 0; x < w; x++) {
				int sx = Math.min(width - 1, (int) ((x + 0.5) * width / w));
				out[y * w + x] = labels[sy * width + sx];
			}
		}
		return out;
	}

	/** The labels (a copy). */
	@Override
	public int[] labels() {
		return labels.clone();
	}

	/** Short description for logs and the JSON summary, e.g. {@code 0:none,1:0,2:1 (simple)}. */
	public String describe() {
		StringBuilder sb = new StringBuilder();
		for (Map.Entry<Integer, Integer> e : styleOf.entrySet()) {
			if (sb.length() > 0) sb.append(',');
			sb.append(e.getKey()).append(':').append(e.getValue() == RegionAssignment.NONE ? "none" : e.getValue().toString());
		}
		return sb + " (" + mode.name().toLowerCase(java.util.Locale.ROOT) + ")";
	}
}
