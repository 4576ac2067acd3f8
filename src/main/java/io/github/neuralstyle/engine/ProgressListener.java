package io.github.neuralstyle.engine;

/** Receives progress from a running style transfer; called on the running thread. */
public interface ProgressListener {

	/** A listener that ignores everything. */
	ProgressListener NONE = new ProgressListener() {};

	/** Called after each step with that step's report. */
	default void step(StepReport report) {}

	/** Called every {@code previewEvery} steps with the current image at working size. */
	default void preview(int iteration, RgbImage image) {}

	/** Called with a free-form status message (e.g. "computing style targets"). */
	default void status(String message) {}

	/**
	 * Called as each tile of a tiled evaluation finishes ({@code tile} of {@code tiles}, from 1),
	 * after {@code stepsDone} of {@code totalSteps} steps: progress within a long step.
	 */
	default void tile(int stepsDone, int totalSteps, int tile, int tiles) {}
}
