package io.github.neuralstyle.engine.video;

import io.github.neuralstyle.engine.DefaultStyleTransfer;
import io.github.neuralstyle.engine.ImageResize;
import io.github.neuralstyle.engine.ProgressListener;
import io.github.neuralstyle.engine.ResultSize;
import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.StepReport;
import io.github.neuralstyle.engine.StyleTransfer;
import io.github.neuralstyle.engine.StyleTransferResult;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.network.VggWeights;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Ruder, Dosovitskiy &amp; Brox 2016 over a {@link StyleTransfer}: the first frame is styled as a
 * single image; each later frame, in a consistent run, starts from the previous result warped
 * along the optical flow ({@link TemporalGuide}), adds the {@link TemporalLoss} and gets
 * {@link SequenceSettings#stepsOf fewer steps}, at one scale. With temporal weight 0 every frame
 * is styled on its own. Every frame stops early by {@link RelativeChangeStop} when set, and every
 * frame after the first is measured by {@link TemporalError}, consistent or not.
 */
public final class DefaultSequenceTransfer implements SequenceTransfer {

	private final StyleTransfer engine;
	private final TvL1Flow flow;

	/** Over a {@link DefaultStyleTransfer} with the default tiling and {@link TvL1Flow#defaults()}. */
	public DefaultSequenceTransfer() {
		this(new DefaultStyleTransfer(), TvL1Flow.defaults());
	}

	/** Over {@code engine} (which must take a {@link io.github.neuralstyle.engine.RunExtension}) and {@code flow}. */
	public DefaultSequenceTransfer(StyleTransfer engine, TvL1Flow flow) {
		this.engine = engine;
		this.flow = flow;
	}

	@Override
	public SequenceResult run(FrameSource frames, RgbImage style, VggWeights weights, StyleTransferSettings settings,
		SequenceSettings sequence, FrameSink sink, SequenceListener listener, BooleanSupplier cancelled) throws IOException
	{
		int n = frames.size();
		if (n < 1) throw new IllegalArgumentException("The sequence has no frames: give at least one image");
		long start = System.nanoTime();
		TemporalError error = new TemporalError();
		List<FrameResult> results = new ArrayList<>(n);
		RgbImage previousContent = null, previousResult = null;
		int width = 0, height = 0;
		for (int i = 0; i < n; i++) {
			if (cancelled.getAsBoolean()) throw new CancellationException("Sequence cancelled before frame " + (i + 1) + "/" + n);
			long t0 = System.nanoTime();
			RgbImage content = frames.frame(i);
			if (i == 0) {
				width = content.width();
				height = content.height();
			}
			requireSameSize(frames, i, width, height, content);
			int[] wh = ImageResize.fitLongSide(content.width(), content.height(), settings.size());
			RgbImage c = ImageResize.resize(content, wh[0], wh[1]);
			TemporalGuide guide = previousResult == null ? null : TemporalGuide.between(previousContent, c, previousResult, flow);
			RgbImage existing = sink.existing(i);
			RgbImage result;
			FrameResult stats;
			if (existing != null) {
				result = ImageResize.resize(existing, wh[0], wh[1]);
				double e = guide == null ? Double.NaN : error.add(result, guide.warpedPrevious(), guide.mask());
				stats = new FrameResult(i, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, e,
					guide == null ? Double.NaN : guide.keptFraction(), (System.nanoTime() - t0) / 1_000_000, true);
			}
			else {
				listener.frameStarted(i, n);
				boolean later = guide != null && sequence.consistent();
				StyleTransferSettings frame = frameSettings(settings, sequence, later ? guide : null);
				RelativeChangeStop stop = sequence.stopTolerance() > 0
					? new RelativeChangeStop(sequence.stopTolerance(), sequence.stopWindow()) : null;
				StyleTransferResult r = engine.run(content, style, weights, frame, progress(listener, i, n), cancelled,
					new TemporalExtension(later ? guide : null, sequence.temporalWeight(), stop));
				result = r.image();
				double e = guide == null ? Double.NaN : error.add(result, guide.warpedPrevious(), guide.mask());
				RgbImage out = settings.resultSize() == ResultSize.CONTENT
					? ImageResize.resize(result, content.width(), content.height()) : result;
				StepReport firstReport = r.first();
				stats = new FrameResult(i, r.steps(), frame.steps(), firstReport == null ? Double.NaN : firstReport.total(),
					r.result() == null ? Double.NaN : r.result().total(), r.result() == null ? Double.NaN : r.result().style(),
					r.result() == null ? Double.NaN : r.result().content(), e, guide == null ? Double.NaN : guide.keptFraction(),
					(System.nanoTime() - t0) / 1_000_000, false);
				sink.accept(i, out, stats);
			}
			results.add(stats);
			listener.frameDone(stats, n);
			previousContent = c;
			previousResult = result;
		}
		return new SequenceResult(List.copyOf(results), error.mean(), (System.nanoTime() - start) / 1_000_000);
	}

	/**
	 * The image settings of one frame: results at the working size (the next frame's flow and warp
	 * work there), no previews, losses read every step for the early stop; a later frame of a
	 * consistent run starts from the warped previous result at one scale with its own steps.
	 */
	static StyleTransferSettings frameSettings(StyleTransferSettings s, SequenceSettings q, TemporalGuide later) {
		StyleTransferSettings.Builder b = s.toBuilder().optResultSize(ResultSize.WORKING).optPreviewEvery(0);
		if (q.stopTolerance() > 0) b.optReportEvery(1);
		if (later != null) {
			b.optScales(1).optSteps(q.stepsOf(true, s.steps())).optInitImage(later.warpedPrevious());
		}
		else if (q.firstSteps() > 0) {
			b.optSteps(q.firstSteps());
		}
		return b.build();
	}

	private static ProgressListener progress(SequenceListener listener, int index, int frames) {
		return new ProgressListener() {
			@Override
			public void step(StepReport report) {
				listener.step(index, frames, report);
			}

			@Override
			public void status(String message) {
				listener.status(message);
			}
		};
	}

	private static void requireSameSize(FrameSource frames, int i, int width, int height, RgbImage frame) {
		if (frame.width() != width || frame.height() != height) {
			throw new IllegalArgumentException(frames.name(i) + " is " + frame.width() + "×" + frame.height() + " px but "
				+ frames.name(0) + " is " + width + "×" + height
				+ " px: every frame of a sequence must have one size; resize them to one size first");
		}
	}
}
