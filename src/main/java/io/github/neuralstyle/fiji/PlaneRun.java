package io.github.neuralstyle.fiji;

import ij.ImagePlus;

import io.github.neuralstyle.engine.ProgressListener;
import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.RunExtension;
import io.github.neuralstyle.engine.StepReport;
import io.github.neuralstyle.engine.StyleTransfer;
import io.github.neuralstyle.engine.StyleTransferResult;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.engine.video.DefaultSequenceTransfer;
import io.github.neuralstyle.engine.video.FrameResult;
import io.github.neuralstyle.engine.video.FrameSource;
import io.github.neuralstyle.engine.video.SequenceListener;
import io.github.neuralstyle.engine.video.SequenceResult;
import io.github.neuralstyle.engine.video.SequenceSettings;
import io.github.neuralstyle.engine.video.TvL1Flow;
import io.github.neuralstyle.image.ConvertedImage;
import io.github.neuralstyle.image.PlaneSelection;
import io.github.neuralstyle.image.ResultType;
import io.github.neuralstyle.image.StackAssembly;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Styles the selected planes of a stack through the engine's sequence runner
 * ({@link DefaultSequenceTransfer}: each plane after the first of a sequence starts from, and is
 * held to, the previous result warped along the optical flow, unless the temporal weight is 0)
 * and assembles the result. One content plane is converted at a time; each result is added to
 * the stack as it comes.
 */
final class PlaneRun {

	/**
	 * What a run made.
	 *
	 * @param image    the styled stack
	 * @param result   one engine result standing for all planes: total steps and time, median
	 *                 step time, the last plane's losses and history
	 * @param content  the last content plane, with the selection as its position
	 * @param sequence every sequence's outcome, in order
	 */
	record Outcome(ImagePlus image, StyleTransferResult result, ConvertedImage content, List<SequenceResult> sequence) {

		/** The Info line of a stack run: the sequence settings, steps per plane, temporal error. */
		String info(SequenceSettings settings) {
			StringBuilder steps = new StringBuilder();
			for (SequenceResult r : sequence) {
				for (FrameResult f : r.frames()) steps.append(steps.length() == 0 ? "" : ",").append(f.steps());
			}
			return "Neural Style sequence: " + settings + ", steps per plane " + steps + ", temporal error "
				+ Progress.shortNumber(temporalError()) + "\n";
		}

		/** "; 16 planes, temporal error 1.2e-3" for the end-of-run Log line. */
		String summary() {
			return "; " + image.getStackSize() + " planes, temporal error " + Progress.shortNumber(temporalError());
		}

		/** The mean temporal error over every plane after the first of its sequence; NaN when there is none. */
		double temporalError() {
			double sum = 0;
			int n = 0;
			for (SequenceResult r : sequence) {
				for (FrameResult f : r.frames()) {
					if (Double.isNaN(f.temporalError())) continue;
					sum += f.temporalError();
					n++;
				}
			}
			return n == 0 ? Double.NaN : sum / n;
		}
	}

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
	 * @throws IOException never from ImageJ planes (the runner's frame source and sink may throw)
	 */
	Outcome style(PlaneSelection planes, ConvertedImage style, VggWeights weights, StyleTransferSettings settings,
		SequenceSettings sequence, String title) throws IOException
	{
		Planes state = new Planes(planes, style, title);
		DefaultSequenceTransfer runner = new DefaultSequenceTransfer(state.capturing(engine), TvL1Flow.defaults());
		List<SequenceResult> outcomes = new ArrayList<>();
		for (int[] seq : planes.sequences()) {
			try {
				outcomes.add(runner.run(state.source(seq), style.image(), weights, settings, sequence,
					(i, result, stats) -> state.stack.add(seq[i], result), state.listener(seq), cancelled));
			}
			catch (CancellationException e) {
				messages.accept("Neural Style: cancelled at " + planes.where(state.current) + " (" + state.done + " of "
					+ planes.count() + " planes were done; they are dropped)");
				throw e;
			}
		}
		if (state.nan > 0) {
			messages.accept("Neural Style: content '" + planes.image().getTitle() + "' has " + state.nan
				+ " NaN pixels in the styled planes, taken as the display minimum");
		}
		StyleTransferResult last = state.last;
		double[] medians = state.stepMillis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		long millis = outcomes.stream().mapToLong(SequenceResult::elapsedMillis).sum();
		StyleTransferResult all = new StyleTransferResult(last.image(), last.history(), last.device(), state.steps,
			medians[medians.length / 2], millis, last.scales(), last.tiling());
		ConvertedImage c = state.content;
		return new Outcome(state.stack.finish(), all, new ConvertedImage(c.image(), c.colour(), planes.describe(),
			state.nan), List.copyOf(outcomes));
	}

	/** What a run keeps between planes: the growing stack, the plane being styled, totals. */
	private final class Planes {
		final PlaneSelection planes;
		final ConvertedImage style;
		final String title;
		final List<Double> stepMillis = new ArrayList<>();
		StackAssembly stack;
		ConvertedImage content;
		StyleTransferResult last;
		int current, done, steps;
		long nan;

		Planes(PlaneSelection planes, ConvertedImage style, String title) {
			this.planes = planes;
			this.style = style;
			this.title = title;
		}

		/** The planes of one sequence, read one at a time as displayed. */
		FrameSource source(int[] seq) {
			return new FrameSource() {

				@Override
				public int size() {
					return seq.length;
				}

				@Override
				public RgbImage frame(int index) {
					content = planes.convert(seq[index], "content");
					nan += content.nanPixels();
					if (stack == null) stack = new StackAssembly(planes, ResultType.of(planes.image(), content, style), title);
					return content.image();
				}

				@Override
				public String name(int index) {
					return planes.where(seq[index]);
				}
			};
		}

		/** Progress of one sequence → the status bar, counted over all planes. */
		SequenceListener listener(int[] seq) {
			return new SequenceListener() {

				@Override
				public void frameStarted(int index, int frames) {
					current = seq[index];
					progress.plane(planes.where(current), done, planes.count());
				}

				@Override
				public void step(int index, int frames, StepReport report) {
					progress.step(report);
				}

				@Override
				public void frameDone(FrameResult result, int frames) {
					done++;
				}

				@Override
				public void status(String message) {
					progress.status(message);
				}
			};
		}

		/** {@code engine}, keeping each plane's full result (device, losses, history) for the summary. */
		StyleTransfer capturing(StyleTransfer engine) {
			return new StyleTransfer() {

				@Override
				public StyleTransferResult run(RgbImage c, RgbImage s, VggWeights w, StyleTransferSettings settings,
					ProgressListener listener, BooleanSupplier stop, RunExtension extension)
				{
					last = engine.run(c, s, w, settings, listener, stop, extension);
					steps += last.steps();
					stepMillis.add(last.medianStepMillis());
					return last;
				}
			};
		}
	}
}
