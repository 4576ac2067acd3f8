package io.github.neuralstyle.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code --planes}: which planes of a stack or files of a folder form the sequence. Ranges of
 * 1-based numbers separated by commas ({@code 3-10}, {@code 1-5,8}, {@code 12-} to the end), and
 * for a hyperstack with both slices and frames, which one dimension to run along:
 * {@code slice=3} (the frames of slice 3) or {@code frame=2} (the slices of frame 2), optionally
 * followed by ranges ({@code slice=3:1-8}).
 *
 * @param fixed  "slice", "frame" or null: the dimension held fixed
 * @param at     the 1-based position of the fixed dimension (0 when none)
 * @param ranges the range text, or null for all
 */
public record PlaneSelection(String fixed, int at, String ranges) {

	/** Every plane, along the only dimension that has more than one. */
	public static final PlaneSelection ALL = new PlaneSelection(null, 0, null);

	/** Parses an option value; the message names the option and shows the accepted forms. */
	public static PlaneSelection parse(String text) {
		String t = text.trim().toLowerCase(java.util.Locale.ROOT);
		if (t.isEmpty() || t.equals("all")) return ALL;
		for (String dim : List.of("slice", "frame")) {
			if (t.startsWith(dim + "=")) {
				String rest = t.substring(dim.length() + 1);
				int colon = rest.indexOf(':');
				String number = colon < 0 ? rest : rest.substring(0, colon);
				int at;
				try {
					at = Integer.parseInt(number.trim());
				}
				catch (NumberFormatException e) {
					throw usage(text);
				}
				if (at < 1) throw usage(text);
				String ranges = colon < 0 ? null : rest.substring(colon + 1);
				if (ranges != null) indices(ranges, Integer.MAX_VALUE, text);
				return new PlaneSelection(dim, at, ranges);
			}
		}
		indices(t, Integer.MAX_VALUE, text);
		return new PlaneSelection(null, 0, t);
	}

	/** The chosen 0-based positions among {@code count}, in order; fails naming the range that does not fit. */
	public List<Integer> choose(int count) {
		if (ranges == null) {
			List<Integer> all = new ArrayList<>(count);
			for (int i = 0; i < count; i++) all.add(i);
			return all;
		}
		return indices(ranges, count, ranges);
	}

	/**
	 * The 0-based positions {@code ranges} names among {@code count} planes; with {@code count}
	 * unknown ({@link Integer#MAX_VALUE}) only the syntax is checked and null returned.
	 */
	private static List<Integer> indices(String ranges, int count, String shown) {
		boolean check = count == Integer.MAX_VALUE;
		List<Integer> out = new ArrayList<>();
		boolean[] taken = check ? null : new boolean[count];
		for (String part : ranges.split(",")) {
			String p = part.trim();
			int dash = p.indexOf('-');
			int from, to;
			try {
				from = Integer.parseInt((dash < 0 ? p : p.substring(0, dash)).trim());
				to = dash < 0 ? from : dash == p.length() - 1 ? Math.max(from, count)
					: Integer.parseInt(p.substring(dash + 1).trim());
			}
			catch (NumberFormatException e) {
				throw usage(shown);
			}
			if (from < 1 || to < from) throw usage(shown);
			if (check) continue;
			if (to > count) {
				throw new CliOptions.UsageException("--planes " + shown + ": " + p + " goes beyond the " + count
					+ " planes there are; use numbers from 1 to " + count);
			}
			for (int i = from; i <= to; i++) {
				if (taken[i - 1]) throw new CliOptions.UsageException("--planes " + shown + " names plane " + i + " twice");
				taken[i - 1] = true;
				out.add(i - 1);
			}
		}
		return check ? null : out;
	}

	private static CliOptions.UsageException usage(String text) {
		return new CliOptions.UsageException("--planes must be ranges of plane numbers from 1 such as 3-10 or 1-5,8 or 12-, "
			+ "optionally after slice=N or frame=N for a hyperstack (e.g. slice=3 or frame=2:1-8), got '" + text + "'");
	}
}
