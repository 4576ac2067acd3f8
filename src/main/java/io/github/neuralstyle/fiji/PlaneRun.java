package io.github.neuralstyle.fiji;

import ij.ImagePlus;

import io.github.neuralstyle.engine.StyleTransfer;
import io.github.neuralstyle.engine.StyleTransferResult;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.image.ConvertedImage;
import io.github.neuralstyle.image.PlaneSelection;
import io.github.neuralstyle.image.ResultType;
import io.github.neuralstyle.image.StackAssembly;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Styles the selected planes of a stack and assembles the result: one content plane is
 * converted at a time, each result is added to the stack as it comes. A cancel stops within a
 * step and drops the planes done so far (see {@link #style}).
 */
final class PlaneRun {

	/** What a run made: the image and one result that stands for all planes (totals, the last plane's losses). */
	record Outcome(ImagePlus image, StyleTransferResult result, ConvertedImage content) {}

	private final StyleTransfer engine;
	private final Progress progress;
	private final BooleanSupplier cancelled;
	private final Consumer<String> messages;

	PlaneRun(StyleTransfer engine, Progress progress, BooleanSupplier cancelled, Consumer<String> messages) {
		this.engine = engine;
		this.progress = progress;
		this.cancelled = cancelled;
		this.messages = messages;
	}

	/**
	 * Styles every selected plane, sequence by sequence ({@link PlaneSelection#sequences()}).
	 * <p>
	 * A cancel leaves no image: as with ImageJ's commands that make a new image, a stopped run
	 * makes none, so a macro that tests whether a result appeared is not handed half a stack,
	 * and the planes' memory is freed at once. The Log says how far it got.
	 *
	 * @throws CancellationException when cancelled
	 */
	Outcome style(PlaneSelection planes, ConvertedImage style, VggWeights weights, StyleTransferSettings settings,
		String title)
	{
		int total = planes.count(), done = 0;
		StackAssembly stack = null;
		ConvertedImage c = null;
		long nan = 0, millis = 0;
		int steps = 0;
		double[] stepMillis = new double[total];
		StyleTransferResult last = null;
		for (int[] sequence : planes.sequences()) {
			for (int k : sequence) {
				c = planes.convert(k, "content"); // one content plane at a time
				nan += c.nanPixels();
				if (stack == null) {
					stack = new StackAssembly(planes, ResultType.of(planes.image(), c, style), title);
				}
				progress.plane(planes.where(k), done, total);
				try {
					last = engine.run(c.image(), style.image(), weights, settings, progress, cancelled);
				}
				catch (CancellationException e) {
					messages.accept("Neural Style: cancelled at " + planes.where(k) + " (" + done + " of " + total
						+ " planes were done; they are dropped)");
					throw e;
				}
				stack.add(k, last.image());
				stepMillis[done++] = last.medianStepMillis();
				steps += last.steps();
				millis += last.elapsedMillis();
			}
		}
		if (nan > 0) {
			messages.accept("Neural Style: content '" + planes.image().getTitle() + "' has " + nan
				+ " NaN pixels in the styled planes, taken as the display minimum");
		}
		Arrays.sort(stepMillis);
		StyleTransferResult all = new StyleTransferResult(last.image(), last.history(), last.device(), steps,
			stepMillis[total / 2], millis, last.scales(), last.tiling());
		return new Outcome(stack.finish(), all, new ConvertedImage(c.image(), c.colour(), planes.describe(), nan));
	}
}
