package io.github.neuralstyle.shard;

import java.util.Locale;

/**
 * Shard {@code index} of {@code count} (0 ≤ index &lt; count), as {@code --shard index/count}
 * writes it: the numbering of {@code sbatch --array=0-(count-1)}.
 *
 * @param index this shard, from 0
 * @param count how many shards the run is split into
 */
public record Shard(int index, int count) {

	/** The whole run as one shard. */
	public static final Shard ALL = new Shard(0, 1);

	/** Checks the range; the message says what a valid shard looks like. */
	public Shard {
		if (count < 1) {
			throw new IllegalArgumentException("a run is split into at least 1 shard, got " + count + " (write i/n with n ≥ 1)");
		}
		if (index < 0 || index >= count) {
			throw new IllegalArgumentException("shard " + index + " of " + count + " does not exist: shards are numbered 0 to "
				+ (count - 1) + " (like sbatch --array=0-" + (count - 1) + ")");
		}
	}

	/** Parses {@code i/n}; {@code what} names the source in errors (e.g. "--shard", or "shard=" for a macro key). */
	public static Shard parse(String what, String text) {
		String t = text == null ? "" : text.trim();
		int slash = t.indexOf('/');
		if (slash < 0) {
			throw new IllegalArgumentException(head(what, t) + " must be written i/n (shard i of n, i from 0 to n-1, e.g. 0/4), got '"
				+ text + "'");
		}
		int index = number(what, text, t.substring(0, slash));
		int count = number(what, text, t.substring(slash + 1));
		try {
			return new Shard(index, count);
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException(ShardChoice.written(what, t) + ": " + e.getMessage());
		}
	}

	private static int number(String what, String text, String part) {
		try {
			return Integer.parseInt(part.trim());
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException(head(what, text.trim()) + " must be two whole numbers i/n (e.g. 0/4), got '" + text + "'");
		}
	}

	/** "--shard" as is, a macro key with its value: "shard=x:". */
	private static String head(String what, String text) {
		return what.endsWith("=") ? what + text + ":" : what;
	}

	/** Whether this is the whole run. */
	public boolean isWhole() {
		return count == 1;
	}

	/** "2/8", as {@link #parse} reads it. */
	@Override
	public String toString() {
		return String.format(Locale.ROOT, "%d/%d", index, count);
	}
}
