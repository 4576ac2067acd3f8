package io.github.neuralstyle.engine.video;

import java.util.Locale;

/**
 * How a sequence is styled, beyond the per-image {@link io.github.neuralstyle.engine.StyleTransferSettings}:
 * the temporal weight (0 = every frame on its own), the iterations of the first and of later
 * frames, and the early stop. Immutable; build with {@link #builder()} and {@code opt…} setters.
 */
public final class SequenceSettings {

	/**
	 * Default temporal weight λ. The term is λ·mean(c ⊙ (x − ω)²) in [0,1] units, so λ = 10⁴
	 * weighs a mean squared deviation of 10⁻⁴ (1% of the range) like one unit of the other terms.
	 */
	public static final double DEFAULT_TEMPORAL_WEIGHT = 1e4;

	/** {@link #laterSteps()} value meaning half of the first frame's (Ruder et al.: 2000 then 1000). */
	public static final int HALF_OF_FIRST = 0;

	private final double temporalWeight;
	private final int firstSteps;
	private final int laterSteps;
	private final double stopTolerance;
	private final int stopWindow;

	private SequenceSettings(Builder b) {
		temporalWeight = b.temporalWeight;
		firstSteps = b.firstSteps;
		laterSteps = b.laterSteps;
		stopTolerance = b.stopTolerance;
		stopWindow = b.stopWindow;
	}

	/** A builder with the defaults: {@link #DEFAULT_TEMPORAL_WEIGHT}, the image settings' steps, later frames half, stop 10⁻⁴ over 50. */
	public static Builder builder() {
		return new Builder();
	}

	/** A builder holding a copy of these settings. */
	public Builder toBuilder() {
		return new Builder().optTemporalWeight(temporalWeight).optFirstSteps(firstSteps).optLaterSteps(laterSteps)
			.optEarlyStop(stopTolerance, stopWindow);
	}

	/** λ of the temporal term; 0 styles every frame on its own (independent frames). */
	public double temporalWeight() { return temporalWeight; }

	/** Whether frames after the first start from, and are held to, the warped previous result. */
	public boolean consistent() { return temporalWeight > 0; }

	/** Steps of the first frame (and of every frame when independent); 0 = the image settings' steps. */
	public int firstSteps() { return firstSteps; }

	/** Steps of each later frame of a consistent run; {@link #HALF_OF_FIRST} = half of the first frame's. */
	public int laterSteps() { return laterSteps; }

	/** Early stop: relative loss change below this over {@link #stopWindow()} steps; 0 = never stop early. */
	public double stopTolerance() { return stopTolerance; }

	/** Early stop's window in steps. */
	public int stopWindow() { return stopWindow; }

	/**
	 * The steps a frame gets, given the image settings' {@code imageSteps}: {@code later} for a
	 * frame that starts from the warped previous result (only in consistent runs).
	 */
	public int stepsOf(boolean later, int imageSteps) {
		int first = firstSteps > 0 ? firstSteps : imageSteps;
		if (!later || !consistent()) return first;
		return laterSteps > 0 ? laterSteps : Math.max(1, first / 2);
	}

	/** A one-line description, also the record a resumable folder keeps of how its frames were made. */
	@Override
	public String toString() {
		return String.format(Locale.ROOT, "temporal-weight=%s first-steps=%s later-steps=%s stop=%s/%d",
			number(temporalWeight), firstSteps == 0 ? "image" : Integer.toString(firstSteps),
			laterSteps == HALF_OF_FIRST ? "half" : Integer.toString(laterSteps), number(stopTolerance), stopWindow);
	}

	private static String number(double v) {
		return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof SequenceSettings && o.toString().equals(toString());
	}

	@Override
	public int hashCode() {
		return toString().hashCode();
	}

	/** Builds {@link SequenceSettings}; {@link #build()} validates and names the bad setting. */
	public static final class Builder {

		private double temporalWeight = DEFAULT_TEMPORAL_WEIGHT;
		private int firstSteps;
		private int laterSteps = HALF_OF_FIRST;
		private double stopTolerance = 1e-4;
		private int stopWindow = 50;

		private Builder() {}

		/** Sets λ, the temporal weight (0 = independent frames). */
		public Builder optTemporalWeight(double v) { temporalWeight = v; return this; }

		/** Sets the first frame's steps (0 = the image settings' steps). */
		public Builder optFirstSteps(int v) { firstSteps = v; return this; }

		/** Sets each later frame's steps ({@link #HALF_OF_FIRST} = half of the first frame's). */
		public Builder optLaterSteps(int v) { laterSteps = v; return this; }

		/** Sets the early stop: relative change below {@code tolerance} over {@code window} steps (tolerance 0 = off). */
		public Builder optEarlyStop(double tolerance, int window) { stopTolerance = tolerance; stopWindow = window; return this; }

		/** Validates and builds; throws naming the first bad setting and its accepted range. */
		public SequenceSettings build() {
			if (!(temporalWeight >= 0) || temporalWeight > 1e12) {
				throw new IllegalArgumentException("temporal weight must be a number in [0, 1e12] (0 = independent frames, default "
					+ number(DEFAULT_TEMPORAL_WEIGHT) + "), got " + temporalWeight);
			}
			if (firstSteps < 0 || firstSteps > 100_000) {
				throw new IllegalArgumentException("first-frame steps must be between 0 (= the run's steps) and 100000, got " + firstSteps);
			}
			if (laterSteps < 0 || laterSteps > 100_000) {
				throw new IllegalArgumentException("later-frame steps must be between 0 (= half the first frame's) and 100000, got "
					+ laterSteps);
			}
			if (!(stopTolerance >= 0) || stopTolerance >= 1) {
				throw new IllegalArgumentException("early-stop tolerance must be in [0, 1) (0 = never stop early, e.g. 1e-4), got "
					+ stopTolerance);
			}
			if (stopWindow < 1 || stopWindow > 100_000) {
				throw new IllegalArgumentException("early-stop window must be between 1 and 100000 steps, got " + stopWindow);
			}
			return new SequenceSettings(this);
		}
	}
}
