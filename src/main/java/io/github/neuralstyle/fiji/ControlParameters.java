package io.github.neuralstyle.fiji;

import io.github.neuralstyle.engine.regions.RegionAssignment;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks of the control keys' text values (issue 15): the style blend weights and the region
 * styles. Like {@link ParameterChecks}, each message starts with the macro key and the value as
 * given, then says what is accepted.
 */
final class ControlParameters {

	/** The style keys in the order the blend weights and region styles count them. */
	static final List<String> STYLE_KEYS = List.of("style", "style2", "style3");

	/** The region-styles value that gives region n the n-th style (cycling) and the background none. */
	static final String AUTO = "auto";

	private ControlParameters() {}

	/** One weight ≥ 0 per style used (1 to 3, not all 0), as typed: {@code 3,7}. */
	static double[] blend(String text) {
		String[] parts = text == null ? new String[0] : text.trim().split("\\s*,\\s*");
		if (parts.length < 1 || parts.length > STYLE_KEYS.size() || parts[0].isEmpty()) throw badBlend(text);
		double[] w = new double[parts.length];
		double sum = 0;
		for (int i = 0; i < parts.length; i++) {
			try {
				w[i] = Double.parseDouble(parts[i]);
			}
			catch (NumberFormatException e) {
				throw badBlend(text);
			}
			if (!Double.isFinite(w[i]) || w[i] < 0) throw badBlend(text);
			sum += w[i];
		}
		if (!(sum > 0)) throw badBlend(text);
		return w;
	}

	private static IllegalArgumentException badBlend(String text) {
		return new IllegalArgumentException("styleblend=" + text + ": give one weight ≥ 0 per style used, 1 to 3 of them"
			+ " separated by commas and not all 0, in the order style, style2, style3: e.g. 1 (style alone) or 3,7");
	}

	/**
	 * Region label → style index (0 = style, 1 = style2, 2 = style3) or {@link RegionAssignment#NONE},
	 * for every label of the plane. {@code auto}: label n ≥ 1 takes style (n − 1) mod {@code styles},
	 * label 0 none. Otherwise {@code label:style} pairs such as {@code 1:style,2:style2,0:none};
	 * labels of the plane the text leaves out keep the content; a label it names that the plane
	 * lacks is an error (as on the command line: a typo must not leave a region unstyled).
	 *
	 * @param styles how many styles the run uses
	 */
	static Map<Integer, Integer> regionStyles(String text, int[] plane, int styles) {
		TreeSet<Integer> present = new TreeSet<>();
		for (int label : plane) present.add(label);
		Map<Integer, Integer> out = new TreeMap<>();
		String t = text == null ? "" : text.trim();
		if (t.equalsIgnoreCase(AUTO)) {
			for (int label : present) out.put(label, label == 0 ? RegionAssignment.NONE : (label - 1) % styles);
			return out;
		}
		Map<Integer, Integer> given = new TreeMap<>();
		for (String part : t.split(",")) {
			int[] ls = pair(text, part.trim(), styles);
			if (given.put(ls[0], ls[1]) != null) {
				throw new IllegalArgumentException("regionstyles=" + text + ": region " + ls[0] + " is given twice; give each region once");
			}
		}
		for (int label : given.keySet()) {
			if (!present.contains(label)) {
				throw new IllegalArgumentException("regionstyles=" + text + ": region " + label + " is not in the regions, which"
					+ " have " + present + " (0 = background); name only those");
			}
		}
		for (int label : present) out.put(label, given.getOrDefault(label, RegionAssignment.NONE));
		return out;
	}

	/** One {@code label:style} pair, checked: {label, style index}. */
	private static int[] pair(String text, String p, int styles) {
		int colon = p.indexOf(':');
		int label;
		try {
			label = colon < 0 ? -1 : Integer.parseInt(p.substring(0, colon).trim());
		}
		catch (NumberFormatException e) {
			label = -1;
		}
		String name = colon < 0 ? "" : p.substring(colon + 1).trim().toLowerCase(java.util.Locale.ROOT);
		int style = name.equals("none") ? RegionAssignment.NONE : STYLE_KEYS.indexOf(name);
		if (label < 0 || (style < 0 && !name.equals("none"))) {
			throw new IllegalArgumentException("regionstyles=" + text + ": '" + p + "' is not region:style; write pairs"
				+ " such as 1:style,2:style2,0:none (region = a label ≥ 0, style = style, style2, style3 or none), or auto");
		}
		if (style >= styles) {
			throw new IllegalArgumentException("regionstyles=" + text + ": '" + p + "' names " + name + ", but styleblend"
				+ " gives " + styles + " weight(s), so only " + String.join(", ", STYLE_KEYS.subList(0, styles))
				+ " are used; add a weight to styleblend (e.g. 1,1) or name a style in use");
		}
		return new int[] { label, style };
	}
}
