package io.github.neuralstyle.engine;

/**
 * What one optimisation step reports. Loss values are those of the image the step started
 * from; they are {@code NaN} on steps where losses were not read back from the device
 * (see {@link StyleTransferSettings#reportEvery()}).
 *
 * @param iteration   1-based step number over the whole run
 * @param totalSteps  steps the run will make
 * @param total       α·content + β·style + γ·TV
 * @param content     the unweighted content term Σ w_l·mean((F − P)²)
 * @param style       the unweighted style term Σ w_l·mean((G − A)²)
 * @param tv          the unweighted total-variation term
 * @param elapsedMillis wall time since the run started
 * @param width       working width of this step's image
 * @param height      working height of this step's image
 */
public record StepReport(int iteration, int totalSteps, double total, double content, double style, double tv,
	long elapsedMillis, int width, int height)
{

	/** Whether this report carries loss values. */
	public boolean hasLosses() {
		return !Double.isNaN(total);
	}
}
