package io.github.neuralstyle.engine.video;

import java.util.List;

/**
 * The outcome of a sequence run (the images went to the {@link FrameSink}).
 *
 * @param frames        every frame's numbers, in order
 * @param temporalError the mean of the frames' temporal errors (each frame after the first counts
 *                      once; resumed frames count when their predecessor is known); NaN for one frame
 * @param elapsedMillis wall time of the whole run
 */
public record SequenceResult(List<FrameResult> frames, double temporalError, long elapsedMillis) {

	/** How many frames were styled in this run (not resumed). */
	public long styled() {
		return frames.stream().filter(f -> !f.resumed()).count();
	}
}
