package io.github.neuralstyle.image;

import ij.ImagePlus;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code range} key: "first-last", "first-" (to the end), one number, or blank for all;
 * 1-based and inclusive. One contiguous run, so that the result's z spacing and frame interval
 * stay those of the content (the command line's {@code --planes} also takes lists).
 */
final class PlaneRange {

	private static final Pattern SPAN = Pattern.compile("\\s*(\\d{1,9})\\s*(?:(-)\\s*(\\d{1,9})?\\s*)?");

	private PlaneRange() {}

	/**
	 * Reads a range.
	 *
	 * @return {first, last}, last {@link Integer#MAX_VALUE} for "first-"; null for a blank range (all)
	 * @throws IllegalArgumentException when it is not a range
	 */
	static int[] parse(String range) {
		if (range == null || range.isBlank()) return null;
		Matcher m = SPAN.matcher(range);
		if (!m.matches()) {
			throw new IllegalArgumentException("range=" + range + ": give first-last, e.g. range=3-10, first- (to the"
				+ " end), one number, or leave it empty for all");
		}
		int first = Integer.parseInt(m.group(1));
		int last = m.group(2) == null ? first : m.group(3) == null ? Integer.MAX_VALUE : Integer.parseInt(m.group(3));
		if (first < 1 || last < first) {
			throw new IllegalArgumentException("range=" + range + ": the first must be at least 1 and not after the"
				+ " last, e.g. range=3-10");
		}
		return new int[] { first, last };
	}

	/** The numbers of a parsed range (all of 1..n when null), checked against the image's n planes along {@code axis}. */
	static int[] select(int[] span, int n, String axis, ImagePlus imp) {
		if (span == null) return all(n);
		if (span[1] == Integer.MAX_VALUE && span[0] <= n) span = new int[] { span[0], n };
		if (span[1] > n) {
			String given = span[0] + "-" + (span[1] == Integer.MAX_VALUE ? "" : Integer.toString(span[1]));
			throw new IllegalArgumentException("range=" + given + ": '" + imp.getTitle() + "' has "
				+ n + " " + axis + "s; give a range within 1-" + n);
		}
		int[] out = new int[span[1] - span[0] + 1];
		for (int i = 0; i < out.length; i++) out[i] = span[0] + i;
		return out;
	}

	/** 1..n. */
	static int[] all(int n) {
		int[] out = new int[n];
		for (int i = 0; i < n; i++) out[i] = i + 1;
		return out;
	}
}
