package io.github.neuralstyle.shard;

/**
 * The items one shard handles, as item numbers of the whole run: it writes {@code [first, end)}
 * (the items it owns) and computes {@code [computeFrom, end)}. The items before {@code first}
 * are a lead-in for temporally consistent sequences: they are computed again from the previous
 * chunk's content so that the chunk's first owned frame starts from a warped styled frame, as
 * it would in one long run, but only their owner writes them.
 *
 * @param first       first item this shard writes
 * @param end         one past the last item this shard writes and computes
 * @param computeFrom first item this shard computes ({@code first} minus the lead-in)
 */
public record Chunk(int first, int end, int computeFrom) {

	/** Checks {@code 0 ≤ computeFrom ≤ first ≤ end}. */
	public Chunk {
		if (computeFrom < 0 || computeFrom > first || first > end) {
			throw new IllegalArgumentException("not a chunk: computes from " + computeFrom + ", writes " + first + " to " + end);
		}
	}

	/**
	 * The contiguous chunk of {@code shard} among {@code items} items: chunk sizes differ by at
	 * most one, and chunks start {@code leadIn} items early
	 * (never before item 0).
	 *
	 * @param items  how many items the whole run has
	 * @param shard  which shard
	 * @param leadIn items computed before the chunk's first, for temporal consistency (0 for none)
	 */
	public static Chunk of(int items, Shard shard, int leadIn) {
		if (items < 0) throw new IllegalArgumentException("a run has no negative number of items: " + items);
		if (leadIn < 0) throw new IllegalArgumentException("the overlap between chunks is 0 or more frames, got " + leadIn);
		int first = start(items, shard.count(), shard.index());
		int end = start(items, shard.count(), shard.index() + 1);
		return new Chunk(first, end, first == end ? first : Math.max(0, first - leadIn));
	}

	/** Start of chunk {@code k} of {@code n}: floor(items·k/n), so sizes differ by at most one. */
	private static int start(int items, int n, int k) {
		return (int) ((long) items * k / n);
	}

	/** How many items this shard writes. */
	public int owned() {
		return end - first;
	}

	/** Whether this shard writes item {@code i}. */
	public boolean owns(int i) {
		return i >= first && i < end;
	}

	/** How many items this shard computes, lead-in included. */
	public int computed() {
		return end - computeFrom;
	}

	/**
	 * The part of this chunk among items {@code [from, from + size)}, numbered from {@code from}:
	 * for runs made of several sequences (the slices of a time-lapse hyperstack) chunked as one
	 * list. Its lead-in never reaches before the sequence's first item, and a chunk that began in
	 * an earlier sequence needs none here.
	 */
	public Chunk within(int from, int size) {
		int f = clamp(first - from, size), e = clamp(end - from, size);
		if (f >= e) return new Chunk(0, 0, 0);
		return new Chunk(f, e, clamp(computeFrom - from, f));
	}

	private static int clamp(int v, int max) {
		return Math.max(0, Math.min(max, v));
	}
}
