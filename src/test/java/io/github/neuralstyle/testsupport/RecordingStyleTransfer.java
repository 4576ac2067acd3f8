package io.github.neuralstyle.testsupport;

import io.github.neuralstyle.engine.ProgressListener;
import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.RunExtension;
import io.github.neuralstyle.engine.StepReport;
import io.github.neuralstyle.engine.StyleTransfer;
import io.github.neuralstyle.engine.StyleTransferResult;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.network.VggWeights;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Wraps an engine and records what it was called with, counts calls and steps, and opens a
 * latch after the first step (for cancelling from another thread).
 */
public final class RecordingStyleTransfer implements StyleTransfer {

	private final StyleTransfer delegate;
	private final AtomicInteger calls = new AtomicInteger();
	private final AtomicInteger steps = new AtomicInteger();
	private volatile CountDownLatch firstStep = new CountDownLatch(1);
	private volatile StyleTransferSettings lastSettings;
	private volatile RgbImage lastContent, lastStyle;

	/** Wraps {@code delegate}. */
	public RecordingStyleTransfer(StyleTransfer delegate) {
		this.delegate = delegate;
	}

	@Override
	public StyleTransferResult run(RgbImage content, RgbImage style, VggWeights weights, StyleTransferSettings settings,
		ProgressListener listener, BooleanSupplier cancelled, RunExtension extension)
	{
		calls.incrementAndGet();
		lastSettings = settings;
		lastContent = content;
		lastStyle = style;
		ProgressListener counting = new ProgressListener() {

			@Override
			public void step(StepReport report) {
				listener.step(report);
				steps.incrementAndGet();
				firstStep.countDown();
			}

			@Override
			public void preview(int iteration, RgbImage image) {
				listener.preview(iteration, image);
			}

			@Override
			public void status(String message) {
				listener.status(message);
			}

			@Override
			public void tile(int stepsDone, int totalSteps, int tile, int tiles) {
				listener.tile(stepsDone, totalSteps, tile, tiles);
			}
		};
		return delegate.run(content, style, weights, settings, counting, cancelled, extension);
	}

	/** How often {@link #run} was called. */
	public int calls() { return calls.get(); }

	/** Steps reported over all calls. */
	public int steps() { return steps.get(); }

	/** A fresh latch that opens after the next reported step. */
	public CountDownLatch armFirstStep() {
		firstStep = new CountDownLatch(1);
		return firstStep;
	}

	/** The settings of the last call. */
	public StyleTransferSettings lastSettings() { return lastSettings; }

	/** The content of the last call. */
	public RgbImage lastContent() { return lastContent; }

	/** The style of the last call. */
	public RgbImage lastStyle() { return lastStyle; }
}
