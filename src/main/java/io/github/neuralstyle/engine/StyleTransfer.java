package io.github.neuralstyle.engine;

import io.github.neuralstyle.engine.network.VggWeights;

import java.util.function.BooleanSupplier;

/** Repaints a content image in the style of another by optimising its pixels. */
public interface StyleTransfer {

	/**
	 * Runs the optimisation.
	 *
	 * @param content   the content image
	 * @param style     the style image: style 0; further styles, their blend weights, the style
	 *                  scale, regions and colour modes come in {@link StyleTransferSettings#controls()}
	 * @param weights   VGG weights; validated against the settings' layers
	 * @param settings  validated settings
	 * @param listener  progress receiver
	 * @param cancelled polled before every step; when true the run frees its memory and throws
	 * @param extension extra loss terms and an early stop ({@link RunExtension#NONE}: none)
	 * @return the result
	 * @throws java.util.concurrent.CancellationException when {@code cancelled} became true
	 * @throws IllegalArgumentException when the settings do not fit the weights or images
	 */
	StyleTransferResult run(RgbImage content, RgbImage style, VggWeights weights, StyleTransferSettings settings,
		ProgressListener listener, BooleanSupplier cancelled, RunExtension extension);

	/** Runs without a {@link RunExtension}: a single image as it is. */
	default StyleTransferResult run(RgbImage content, RgbImage style, VggWeights weights, StyleTransferSettings settings,
		ProgressListener listener, BooleanSupplier cancelled)
	{
		return run(content, style, weights, settings, listener, cancelled, RunExtension.NONE);
	}
}
