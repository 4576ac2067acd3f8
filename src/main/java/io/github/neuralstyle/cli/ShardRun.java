package io.github.neuralstyle.cli;

import io.github.neuralstyle.engine.video.FrameSink;
import io.github.neuralstyle.engine.video.FrameSource;
import io.github.neuralstyle.engine.video.SequenceListener;
import io.github.neuralstyle.engine.video.SequenceResult;
import io.github.neuralstyle.engine.video.SequenceSettings;
import io.github.neuralstyle.shard.Chunk;
import io.github.neuralstyle.shard.Shard;
import io.github.neuralstyle.shard.ShardChoice;
import io.github.neuralstyle.shard.ShardFrames;

import java.io.IOException;
import java.io.PrintStream;
import java.util.function.Function;

/**
 * {@code --shard i/n} (or SLURM's array variables) for a sequence run: which frames this process
 * styles and writes ({@link Chunk}), with {@code --shard-overlap} lead-in frames for temporal
 * consistency (default {@value #DEFAULT_OVERLAP} when the temporal weight is above 0).
 */
final class ShardRun {

	/** Lead-in frames of a temporally consistent chunk unless {@code --shard-overlap} says otherwise. */
	static final int DEFAULT_OVERLAP = ShardFrames.DEFAULT_OVERLAP;

	private final Shard shard;
	private final String source;
	private Chunk chunk;

	private ShardRun(Shard shard, String source) {
		this.shard = shard;
		this.source = source;
	}

	/** The shard the options and {@code env} name, checked before anything is read; notes on {@code err}. */
	static ShardRun choose(CliOptions o, boolean toFolder, Function<String, String> env, PrintStream err) {
		ShardChoice c;
		try {
			c = ShardChoice.resolve(o.has("shard") ? o.get("shard") : null, env);
		}
		catch (IllegalArgumentException e) {
			throw new CliOptions.UsageException(e.getMessage());
		}
		if (o.has("shard-overlap") && o.integer("shard-overlap") < 0) {
			throw new CliOptions.UsageException("--shard-overlap must be 0 or more frames, got " + o.get("shard-overlap"));
		}
		if (c.note() != null) err.println("neural-style: " + c.note());
		String source = o.has("shard") ? "--shard" : ShardChoice.TASK_ID + "=" + env.apply(ShardChoice.TASK_ID) + ", "
			+ ShardChoice.TASK_COUNT + "=" + env.apply(ShardChoice.TASK_COUNT);
		if (!c.shard().isWhole() && !toFolder && !o.flag("missing")) {
			throw new CliOptions.UsageException("shard " + c.shard() + " (from " + source + ") writes only its own frames: give a"
				+ " folder as --out (one file per frame, shared by all shards), not one TIFF" + (o.has("shard") ? ""
				: "; or give --shard 0/1 to style the whole sequence in this task"));
		}
		return new ShardRun(c.shard(), source);
	}

	/** The shard, for the whole run {@link Shard#ALL}. */
	Shard shard() {
		return shard;
	}

	/** Settles the chunk of {@code input} (no lead-in if its first frame is written already); says which on {@code err}. */
	Chunk chunk(FrameSource input, FrameSink sink, SequenceSettings sequence, CliOptions o, PrintStream err)
		throws IOException
	{
		int overlap = o.has("shard-overlap") ? o.integer("shard-overlap") : sequence.consistent() ? DEFAULT_OVERLAP : 0;
		chunk = ShardFrames.chunk(input, sink, shard, overlap);
		if (!shard.isWhole()) err.println("neural-style: shard " + shard + " (" + source + "): " + frames(input.size()));
		return chunk;
	}

	/** "frames 9-12 of 16, starting 2 frame(s) early for temporal consistency", or why there are none. */
	private String frames(int total) {
		if (chunk.owned() == 0) return "no frames (" + total + " frames in " + shard.count() + " shards)";
		String owned = chunk.owned() == 1 ? "frame " + chunk.end() : "frames " + (chunk.first() + 1) + "-" + chunk.end();
		int leadIn = chunk.first() - chunk.computeFrom();
		return owned + " of " + total + (leadIn > 0 ? ", starting " + leadIn + " frame(s) early for temporal consistency" : "");
	}

	/** The frames this shard computes. */
	FrameSource source(FrameSource input) {
		return ShardFrames.source(input, chunk);
	}

	/** Where this shard's owned frames go. */
	FrameSink sink(FrameSink sink) {
		return ShardFrames.sink(sink, chunk);
	}

	/** {@code listener} told frame numbers of the whole sequence of {@code frames} frames. */
	SequenceListener listener(SequenceListener listener, int frames) {
		return ShardFrames.listener(listener, chunk, frames);
	}

	/** {@code r} with the owned frames only, numbered in the whole run: what the summary reports. */
	SequenceResult owned(SequenceResult r) {
		return ShardFrames.owned(r, chunk);
	}
}
