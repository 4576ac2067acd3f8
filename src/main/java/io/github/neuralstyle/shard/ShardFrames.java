package io.github.neuralstyle.shard;

import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.StepReport;
import io.github.neuralstyle.engine.video.FrameResult;
import io.github.neuralstyle.engine.video.FrameSink;
import io.github.neuralstyle.engine.video.FrameSource;
import io.github.neuralstyle.engine.video.SequenceListener;
import io.github.neuralstyle.engine.video.SequenceResult;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One shard's part of a sequence, as a sequence of its own for the sequence runner: frame
 * {@code k} of the part is frame {@code computeFrom + k} of the whole. Results reach the whole
 * run's sink under their own frame numbers, and only for the frames the shard owns; lead-in
 * frames are always computed again (never taken from the neighbour's results, which may or may
 * not exist yet), so a shard's output does not depend on which shards ran first.
 */
public final class ShardFrames {

	/** Lead-in frames of a temporally consistent chunk unless the user says otherwise. */
	public static final int DEFAULT_OVERLAP = 2;

	private ShardFrames() {}

	/**
	 * The chunk {@code shard} computes: {@link Chunk#of} with {@code leadIn}, except that no lead-in
	 * is needed when the chunk's first frame is already written (a resumed shard starts from it).
	 */
	public static Chunk chunk(FrameSource all, FrameSink sink, Shard shard, int leadIn) throws IOException {
		return resumed(Chunk.of(all.size(), shard, leadIn), sink);
	}

	/** {@code c} without its lead-in when {@code sink} holds its first frame already (a resumed shard starts from it). */
	public static Chunk resumed(Chunk c, FrameSink sink) throws IOException {
		if (c.computeFrom() < c.first() && sink.existing(c.first()) != null) return new Chunk(c.first(), c.end(), c.first());
		return c;
	}

	/** The frames {@code chunk} computes, lead-in first. */
	public static FrameSource source(FrameSource all, Chunk chunk) {
		return new FrameSource() {
			@Override
			public int size() {
				return chunk.computed();
			}

			@Override
			public RgbImage frame(int index) throws IOException {
				return all.frame(chunk.computeFrom() + index);
			}

			@Override
			public String name(int index) {
				return all.name(chunk.computeFrom() + index);
			}
		};
	}

	/** {@code all}, taking only the frames {@code chunk} owns, renumbered to the whole run. */
	public static FrameSink sink(FrameSink all, Chunk chunk) {
		return new FrameSink() {
			@Override
			public RgbImage existing(int index) throws IOException {
				int frame = chunk.computeFrom() + index;
				return chunk.owns(frame) ? all.existing(frame) : null;
			}

			@Override
			public void accept(int index, RgbImage result, FrameResult s) throws IOException {
				int frame = chunk.computeFrom() + index;
				if (!chunk.owns(frame)) return;
				all.accept(frame, result, numbered(s, frame));
			}
		};
	}

	/** {@code all}, told frame numbers of the whole run of {@code frames} frames (lead-in frames included). */
	public static SequenceListener listener(SequenceListener all, Chunk chunk, int frames) {
		return new SequenceListener() {
			@Override
			public void frameStarted(int index, int n) {
				all.frameStarted(chunk.computeFrom() + index, frames);
			}

			@Override
			public void step(int index, int n, StepReport report) {
				all.step(chunk.computeFrom() + index, frames, report);
			}

			@Override
			public void frameDone(FrameResult result, int n) {
				all.frameDone(numbered(result, chunk.computeFrom() + result.index()), frames);
			}

			@Override
			public void status(String message) {
				all.status(message);
			}
		};
	}

	/** The run's result for the frames {@code chunk} owns, numbered in the whole run (what a shard reports). */
	public static SequenceResult owned(SequenceResult r, Chunk chunk) {
		List<FrameResult> frames = new ArrayList<>();
		double sum = 0;
		int n = 0;
		for (FrameResult f : r.frames()) {
			int frame = chunk.computeFrom() + f.index();
			if (!chunk.owns(frame)) continue;
			frames.add(numbered(f, frame));
			if (!Double.isNaN(f.temporalError())) {
				sum += f.temporalError();
				n++;
			}
		}
		return new SequenceResult(List.copyOf(frames), n == 0 ? Double.NaN : sum / n, r.elapsedMillis());
	}

	private static FrameResult numbered(FrameResult s, int frame) {
		return new FrameResult(frame, s.steps(), s.plannedSteps(), s.firstLoss(), s.finalLoss(), s.styleLoss(), s.contentLoss(),
			s.temporalError(), s.keptFraction(), s.millis(), s.resumed());
	}
}
