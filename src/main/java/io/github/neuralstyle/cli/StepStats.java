package io.github.neuralstyle.cli;

import io.github.neuralstyle.engine.ProgressListener;
import io.github.neuralstyle.engine.StepReport;

import java.util.ArrayList;
import java.util.List;

/** Per-step wall times pooled over benchmark rounds, with the first step of each round left out as warm-up. */
final class StepStats implements ProgressListener {

	private final List<Double> millis = new ArrayList<>();
	private long last = -1;

	/** Adds a round's times, skipping its first step. */
	void addAll(double[] ms) {
		for (int i = 1; i < ms.length; i++) millis.add(ms[i]);
	}

	/** Starts a new round of timing through {@link #step}. */
	void newRound() {
		last = -1;
	}

	/** The interval since the previous report; the first report of a round only starts the clock. */
	@Override
	public void step(StepReport r) {
		long now = System.nanoTime();
		if (last >= 0) millis.add((now - last) / 1e6);
		last = now;
	}

	double median() {
		List<Double> s = new ArrayList<>(millis);
		s.sort(null);
		return s.isEmpty() ? Double.NaN : s.get(s.size() / 2);
	}

	double min() {
		return millis.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
	}

	int count() {
		return millis.size();
	}
}
