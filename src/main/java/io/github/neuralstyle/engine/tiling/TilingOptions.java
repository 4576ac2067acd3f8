package io.github.neuralstyle.engine.tiling;

/**
 * How a run may tile: a fixed core size or automatic, and the memory it may use.
 *
 * @param core         core size in px ({@link #AUTO}: chosen from the budget, tiling only where
 *                     the untiled step would not fit)
 * @param budgetBytes  memory a step may use ({@link #AUTO}: 80% of the device's memory)
 */
public record TilingOptions(int core, long budgetBytes) {

	/** The value of either field that lets the run choose. */
	public static final int AUTO = 0;

	/** Checks the values. */
	public TilingOptions {
		if (core < 0) throw new IllegalArgumentException("tile must be 0 (automatic) or a core size in px, got " + core);
		if (budgetBytes < 0) throw new IllegalArgumentException("memory budget must be positive (or 0 for automatic), got " + budgetBytes);
	}

	/** Automatic core size within 80% of the device's memory. */
	public static TilingOptions automatic() {
		return new TilingOptions(AUTO, AUTO);
	}

	/**
	 * Parses a memory size such as {@code 6g}, {@code 512m}, {@code 4096k} or a byte count;
	 * {@code what} names the setting in the error.
	 */
	public static long parseBytes(String what, String text) {
		String t = text.trim().toLowerCase(java.util.Locale.ROOT);
		long unit = 1;
		if (t.endsWith("b")) t = t.substring(0, t.length() - 1);
		if (t.endsWith("k")) unit = 1L << 10;
		else if (t.endsWith("m")) unit = 1L << 20;
		else if (t.endsWith("g")) unit = 1L << 30;
		else if (t.endsWith("t")) unit = 1L << 40;
		if (unit > 1) t = t.substring(0, t.length() - 1);
		try {
			double v = Double.parseDouble(t);
			if (!(v > 0) || Double.isInfinite(v)) throw new NumberFormatException();
			return (long) (v * unit);
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException(what + " must be a size such as 6g, 512m or 4096k, got '" + text + "'");
		}
	}
}
