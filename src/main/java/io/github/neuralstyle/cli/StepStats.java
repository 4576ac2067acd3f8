package io.github.neuralstyle.cli;

import java.util.ArrayList;
import java.util.List;

/** Per-step wall times of our steps and of the bare passes paired with them. */
final class StepStats {

	private final List<Double> ours = new ArrayList<>();
	private final List<Double> bare = new ArrayList<>();
	private final List<Double> ratios = new ArrayList<>();

	/** Adds one of our steps, and the bare pass run right after it ({@code NaN} without a baseline). */
	void add(double oursMillis, double bareMillis) {
		ours.add(oursMillis);
		if (Double.isNaN(bareMillis)) return;
		bare.add(bareMillis);
		ratios.add(oursMillis / bareMillis);
	}

	double oursMedian() { return median(ours); }

	double oursMin() { return min(ours); }

	double bareMedian() { return median(bare); }

	double bareMin() { return min(bare); }

	/**
	 * The median over pairs of ours / bare − 1. Each pair ran back to back, so load that drifts
	 * over seconds cancels, which it does not between medians of separate blocks.
	 */
	double pairedOverhead() { return median(ratios) - 1; }

	private static double median(List<Double> values) {
		List<Double> s = new ArrayList<>(values);
		s.sort(null);
		return s.isEmpty() ? Double.NaN : s.get(s.size() / 2);
	}

	private static double min(List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
	}
}
