package io.github.neuralstyle.engine;

import io.github.neuralstyle.engine.tiling.TilingPlan;

import java.util.List;

/**
 * The outcome of a run.
 *
 * @param image           the styled image (working or content size, per settings)
 * @param history         every report that carried losses, in order
 * @param device          the device it ran on, e.g. "cpu()" or "gpu(0)"
 * @param steps           steps made
 * @param medianStepMillis median wall time of one step
 * @param elapsedMillis   wall time of the whole run
 * @param tiling          the finest scale's tiling, or null where unknown
 */
public record StyleTransferResult(RgbImage image, List<StepReport> history, String device, int steps,
	double medianStepMillis, long elapsedMillis, TilingPlan tiling)
{

	/** A result without a tiling report. */
	public StyleTransferResult(RgbImage image, List<StepReport> history, String device, int steps, double medianStepMillis,
		long elapsedMillis)
	{
		this(image, history, device, steps, medianStepMillis, elapsedMillis, null);
	}

	/** The first report with losses, or null. */
	public StepReport first() {
		return history.isEmpty() ? null : history.get(0);
	}

	/** The last report with losses, or null. */
	public StepReport last() {
		return history.isEmpty() ? null : history.get(history.size() - 1);
	}
}
