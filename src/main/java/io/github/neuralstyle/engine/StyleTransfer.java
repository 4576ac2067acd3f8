package io.github.neuralstyle.engine;

import io.github.neuralstyle.engine.network.VggWeights;

import java.util.function.BooleanSupplier;

/** Repaints a content image in the style of another by optimising its pixels. */
public interface StyleTransfer {

	/**
	 * Runs the optimisation.
	 *
	 * @param content   the content image
	 * @param style     the style image
	 * @param weights   VGG weights; validated against the settings' layers
	 * @param settings  validated settings
	 * @param listener  progress receiver
	 * @param cancelled polled before every step; when true the run frees its memory and throws
	 * @return the result
	 * @throws java.util.concurrent.CancellationException when {@code cancelled} became true
	 * @throws IllegalArgumentException when the settings do not fit the weights or images
	 */
	StyleTransferResult run(RgbImage content, RgbImage style, VggWeights weights, StyleTransferSettings settings,
		ProgressListener listener, BooleanSupplier cancelled);

	/**
	 * Runs with an {@link RunExtension} (extra loss terms, early stop); engines that cannot take
	 * one refuse every extension but {@link RunExtension#NONE}.
	 */
	default StyleTransferResult run(RgbImage content, RgbImage style, VggWeights weights, StyleTransferSettings settings,
		ProgressListener listener, BooleanSupplier cancelled, RunExtension extension)
	{
		if (extension != RunExtension.NONE) {
			throw new UnsupportedOperationException(getClass().getSimpleName() + " takes no run extension: use DefaultStyleTransfer");
		}
		return run(content, style, weights, settings, listener, cancelled);
	}
}
