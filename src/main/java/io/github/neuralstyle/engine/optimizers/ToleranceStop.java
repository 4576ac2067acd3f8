package io.github.neuralstyle.engine.optimizers;

/**
 * Stops a run early once the loss has settled: when the relative change between successive
 * losses, |f_k − f_{k−1}| / max(|f_k|, |f_{k−1}|, tiny), has stayed below the tolerance for
 * {@code patience} steps in a row. A single flat step (an L-BFGS restart, a clamp) does not
 * stop it; a rise counts as a change like any other.
 */
public final class ToleranceStop {

	private final double tolerance;
	private final int patience;
	private double previous = Double.NaN;
	private int calm;

	/** Off when {@code tolerance} is 0. */
	public ToleranceStop(double tolerance, int patience) {
		if (!Double.isFinite(tolerance) || tolerance < 0 || tolerance >= 1) {
			throw new IllegalArgumentException("tolerance must be in [0, 1) (0 = never stop early, e.g. 1e-5), got " + tolerance);
		}
		if (patience < 1) throw new IllegalArgumentException("patience must be at least 1 step, got " + patience);
		this.tolerance = tolerance;
		this.patience = patience;
	}

	/** Records the loss after a step; true when the run should stop now. */
	public boolean settled(double loss) {
		if (tolerance == 0 || !Double.isFinite(loss)) {
			previous = loss;
			return false;
		}
		if (!Double.isNaN(previous)) {
			double scale = Math.max(Math.max(Math.abs(loss), Math.abs(previous)), Double.MIN_NORMAL);
			calm = Math.abs(loss - previous) / scale < tolerance ? calm + 1 : 0;
		}
		previous = loss;
		return calm >= patience;
	}
}
