package io.github.neuralstyle.engine.video;

/**
 * Early stopping: stop once the loss changed by less than a relative tolerance over the last
 * {@code window} iterations, |L_k − L_{k−window}| &lt; tolerance·|L_{k−window}|. Ruder et al.
 * 2016 use 10⁻⁴ over 50 iterations for the frames of a video.
 */
public final class RelativeChangeStop {

	private final double tolerance;
	private final double[] ring;
	private long count;

	/** Stops on a relative change below {@code tolerance} over {@code window} ≥ 1 iterations. */
	public RelativeChangeStop(double tolerance, int window) {
		if (!(tolerance >= 0) || window < 1) {
			throw new IllegalArgumentException("Early stopping needs a tolerance ≥ 0 and a window ≥ 1 iterations, got "
				+ tolerance + " and " + window);
		}
		this.tolerance = tolerance;
		this.ring = new double[window + 1];
	}

	/** Ruder et al.'s setting: 10⁻⁴ over 50 iterations. */
	public static RelativeChangeStop ruder() {
		return new RelativeChangeStop(1e-4, 50);
	}

	/** Records the loss after one more iteration; true when the run should stop. A non-finite loss never stops it. */
	public boolean record(double loss) {
		int window = ring.length - 1;
		ring[(int) (count % ring.length)] = loss;
		count++;
		if (count <= window) return false;
		double earlier = ring[(int) ((count - 1 - window) % ring.length)];
		double change = Math.abs(loss - earlier);
		return Double.isFinite(change) && change < tolerance * Math.abs(earlier);
	}

	/** Forgets the recorded losses (a new frame, or a new scale). */
	public void reset() {
		count = 0;
	}
}
