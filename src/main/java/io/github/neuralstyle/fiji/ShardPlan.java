package io.github.neuralstyle.fiji;

import io.github.neuralstyle.image.PlaneSelection;
import io.github.neuralstyle.shard.Chunk;
import io.github.neuralstyle.shard.Shard;
import io.github.neuralstyle.shard.ShardChoice;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The command's {@code shard} key and which planes a shard styles. The selected planes are
 * numbered as one list, sequence after sequence ({@link PlaneSelection#sequences()}: the frames
 * of slice 1, then of slice 2 …), and split into contiguous chunks by {@link Chunk}, as the
 * command line splits a folder's frames, so that a temporally consistent shard can start a few
 * frames early within its sequence.
 *
 * @param planes the selected planes
 * @param shard  this shard
 * @param chunk  its chunk of the list
 */
record ShardPlan(PlaneSelection planes, Shard shard, Chunk chunk) {

	/** The key's value that styles every selected plane in this process. */
	static final String NONE = "none";

	/** The key's value that reads SLURM's array variables. */
	static final String AUTO = "auto";

	/** The key as a macro writes it, for messages. */
	static final String KEY = "shard=";

	/**
	 * The shard {@code value} names: null for none (or blank), SLURM's task for auto, else {@code i/n}.
	 * A note for the user (an i/n overriding a different SLURM task) goes to {@code notes}.
	 *
	 * @throws IllegalArgumentException naming the key, the variables or the form, and the fix
	 */
	static Shard parse(String value, Function<String, String> env, java.util.function.Consumer<String> notes) {
		String v = value == null ? "" : value.trim();
		if (v.isEmpty() || v.equalsIgnoreCase(NONE)) return null;
		if (v.equalsIgnoreCase(AUTO)) {
			if (!ShardChoice.inArray(env)) {
				throw new IllegalArgumentException(KEY + AUTO + ": " + ShardChoice.TASK_ID + " and " + ShardChoice.TASK_COUNT
					+ " are not set, so this is not a SLURM array task: submit with sbatch --array=0-(n-1), or give the shard"
					+ " yourself as " + KEY + "i/n (e.g. " + KEY + "0/4), or " + KEY + NONE + " for every plane");
			}
			return ShardChoice.resolve(KEY, null, env).shard();
		}
		if (v.indexOf('/') < 0) {
			throw new IllegalArgumentException(KEY + value + ": must be " + NONE + ", " + AUTO + " (SLURM's array task) or i/n"
				+ " (shard i of n, i from 0 to n-1, e.g. " + KEY + "0/4)");
		}
		ShardChoice c = ShardChoice.resolve(KEY, v, env);
		if (c.note() != null) notes.accept("Neural Style: " + c.note());
		return c.shard();
	}

	/** The plan of {@code shard} over {@code planes}, chunks starting {@code leadIn} planes early within their sequence. */
	static ShardPlan of(PlaneSelection planes, Shard shard, int leadIn) {
		return new ShardPlan(planes, shard, Chunk.of(planes.count(), shard, leadIn));
	}

	/** The planes (stack-order indices of the selection) as one list, sequence after sequence. */
	List<Integer> order() {
		List<Integer> all = new ArrayList<>(planes.count());
		for (int[] seq : planes.sequences()) {
			for (int k : seq) all.add(k);
		}
		return all;
	}

	/** The part of the chunk in each sequence, numbered within it (see {@link Chunk#within}). */
	List<Chunk> perSequence() {
		List<Chunk> out = new ArrayList<>();
		int from = 0;
		for (int[] seq : planes.sequences()) {
			out.add(chunk.within(from, seq.length));
			from += seq.length;
		}
		return out;
	}

	/** The planes this shard writes, in list order. */
	List<Integer> owned() {
		return order().subList(chunk.first(), chunk.end());
	}

	/** "shard 1/4: planes 5-8 of 16 (frame 5/16 to frame 8/16)", or why it has none. */
	String describe() {
		String head = shard.isWhole() ? "all planes" : "shard " + shard;
		if (chunk.owned() == 0) return head + ": no planes (" + planes.count() + " planes in " + shard.count() + " shards)";
		List<Integer> order = order();
		String first = planes.where(order.get(chunk.first())), last = planes.where(order.get(chunk.end() - 1));
		String which = chunk.owned() == 1 ? "plane " + chunk.end() + " (" + first + ")"
			: "planes " + (chunk.first() + 1) + "-" + chunk.end() + " (" + first + " to " + last + ")";
		int leadIn = 0;
		for (Chunk c : perSequence()) leadIn += c.first() - c.computeFrom();
		return head + ": " + which + " of " + planes.count() + (leadIn > 0 ? ", starting " + leadIn
			+ " plane(s) early for temporal consistency" : "");
	}
}
