package io.github.neuralstyle.engine.video;

import io.github.neuralstyle.engine.StepReport;

import java.util.Locale;

/** Receives progress from a running sequence, on the running thread. */
public interface SequenceListener {

	/** A listener that ignores everything. */
	SequenceListener NONE = new SequenceListener() {};

	/** Called when frame {@code index} (0-based) of {@code frames} starts. */
	default void frameStarted(int index, int frames) {}

	/** Called after each step of frame {@code index} (0-based) of {@code frames}. */
	default void step(int index, int frames, StepReport report) {}

	/** Called when a frame is done (styled and handed to the sink, or found from an earlier run). */
	default void frameDone(FrameResult result, int frames) {}

	/** A free-form status message. */
	default void status(String message) {}

	/** "frame 3/16, iteration 40/200" (1-based, as users count). */
	static String progress(int index, int frames, StepReport report) {
		return String.format(Locale.ROOT, "frame %d/%d, iteration %d/%d", index + 1, frames, report.iteration(),
			report.totalSteps());
	}
}
