package io.github.neuralstyle.benchmark;

import java.util.ArrayList;
import java.util.List;

/** Per-step wall times of our steps and of the bare passes of each kind paired with them. */
final class StepStats {

	private final List<Double> ours = new ArrayList<>();
	private final List<List<Double>> bare = List.of(new ArrayList<>(), new ArrayList<>());
	private final List<List<Double>> ratios = List.of(new ArrayList<>(), new ArrayList<>());
	private double[] previousBare;

	/**
	 * Adds one of our steps and the bare passes (same work, conv only) run right after it; none
	 * without a baseline. Each of our steps is paired with the bare passes after it and, from the
	 * second on, with those before it: both orders count equally, so an effect of running first
	 * or second cancels.
	 */
	void add(double oursMillis, double... bareMillis) {
		ours.add(oursMillis);
		for (int k = 0; k < bareMillis.length; k++) {
			bare.get(k).add(bareMillis[k]);
			ratios.get(k).add(oursMillis / bareMillis[k]);
			if (previousBare != null) ratios.get(k).add(oursMillis / previousBare[k]);
		}
		previousBare = bareMillis.length == 0 ? null : bareMillis.clone();
	}

	/** Forgets the last bare passes: the next step is not preceded by them (a new round). */
	void newRound() {
		previousBare = null;
	}

	double oursMedian() { return median(ours); }

	double oursMin() { return min(ours); }

	/** Median of bare passes of kind {@code k} (0: same work, 1: conv only). */
	double bareMedian(int k) { return median(bare.get(k)); }

	/**
	 * The median over pairs of ours / bare − 1 for bare passes of kind {@code k}. Each pair ran
	 * back to back, so load that drifts over seconds cancels, which it does not between medians
	 * of separate blocks; pairs in both orders cancel what running first or second does.
	 */
	double pairedOverhead(int k) { return median(ratios.get(k)) - 1; }

	private static double median(List<Double> values) {
		List<Double> s = new ArrayList<>(values);
		s.sort(null);
		return s.isEmpty() ? Double.NaN : s.get(s.size() / 2);
	}

	private static double min(List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
	}
}
