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
 * @param scales          the losses of each scale, coarsest first; the last scale's final
 *                        values are those of {@code image} at the working size
 * @param tiling          the finest scale's tiling, or null where unknown
 */
public record StyleTransferResult(RgbImage image, List<StepReport> history, String device, int steps,
	double medianStepMillis, long elapsedMillis, List<ScaleLosses> scales, TilingPlan tiling)
{

	/** A result without per-scale losses or a tiling report (engines that do not measure them). */
	public StyleTransferResult(RgbImage image, List<StepReport> history, String device, int steps, double medianStepMillis,
		long elapsedMillis)
	{
		this(image, history, device, steps, medianStepMillis, elapsedMillis, List.of(), null);
	}

	/**
	 * The losses of the returned image, measured after the last step at the finest scale; null
	 * where the engine did not measure them. Unlike {@link #last()}, which holds the losses of
	 * the image the last step started from.
	 */
	public ScaleLosses result() {
		return scales.isEmpty() ? null : scales.get(scales.size() - 1);
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
