package io.github.neuralstyle.weights;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How long to wait for another run that holds the cache: the clock restarts whenever
 * {@code progress} changes (the other run's partial download grows), so a slow download is
 * waited for and a stuck holder is given up on.
 */
final class Patience {

	private final long limitNanos;
	private final LongSupplier progress;
	private long last;
	private long deadline;

	/** Patience of {@code limit} without a change of {@code progress}. */
	Patience(Duration limit, LongSupplier progress) {
		this.limitNanos = limit.toNanos();
		this.progress = progress;
		start();
	}

	/** Starts the clock now. */
	void start() {
		last = progress.getAsLong();
		deadline = System.nanoTime() + limitNanos;
	}

	/** Whether the limit has passed without progress (restarting the clock if there was some). */
	boolean expired() {
		long now = progress.getAsLong();
		if (now != last) {
			last = now;
			deadline = System.nanoTime() + limitNanos;
		}
		return System.nanoTime() - deadline > 0;
	}

	/** The limit in whole seconds, for messages. */
	long seconds() {
		return Math.max(1, Math.round(limitNanos / 1e9));
	}
}
