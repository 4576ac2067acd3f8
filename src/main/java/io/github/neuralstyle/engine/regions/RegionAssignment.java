package io.github.neuralstyle.engine.regions;

import java.util.Map;
import java.util.TreeMap;

/**
 * Which style each label of a label image takes, written {@code label:style} pairs separated by
 * commas, the style being its 0-based index among the chosen styles or {@code none} (keep the
 * content there): e.g. {@code 1:0,2:1,0:none}.
 */
public final class RegionAssignment {

	/** The value {@link #parse} gives a label set to {@code none}. */
	public static final int NONE = -1;

	private RegionAssignment() {}

	/** Label → style index or {@link #NONE}; throws naming the bad pair and the fix. */
	public static Map<Integer, Integer> parse(String text, int styleCount) {
		Map<Integer, Integer> out = new TreeMap<>();
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("region styles are empty: write label:style pairs, e.g. 1:0,2:1,0:none");
		}
		for (String part : text.split(",")) {
			String p = part.trim();
			int colon = p.indexOf(':');
			if (colon < 0) throw bad(p, "has no ':'", styleCount);
			int label;
			try {
				label = Integer.parseInt(p.substring(0, colon).trim());
			}
			catch (NumberFormatException e) {
				throw bad(p, "does not start with a label number", styleCount);
			}
			if (label < 0) throw bad(p, "has a negative label", styleCount);
			String s = p.substring(colon + 1).trim();
			int style;
			if (s.equalsIgnoreCase("none")) style = NONE;
			else {
				try {
					style = Integer.parseInt(s);
				}
				catch (NumberFormatException e) {
					throw bad(p, "names no style index", styleCount);
				}
				if (style < 0 || style >= styleCount) throw bad(p, "names style " + style + " of " + styleCount, styleCount);
			}
			if (out.put(label, style) != null) throw bad(p, "repeats label " + label, styleCount);
		}
		return out;
	}

	private static IllegalArgumentException bad(String pair, String problem, int styleCount) {
		return new IllegalArgumentException("region styles: '" + pair + "' " + problem + "; write label:style with style 0 to "
			+ (styleCount - 1) + " (the order of the styles) or none, e.g. 1:0,2:1,0:none");
	}
}
