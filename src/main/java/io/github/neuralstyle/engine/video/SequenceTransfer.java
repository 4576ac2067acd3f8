package io.github.neuralstyle.engine.video;

import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.network.VggWeights;

import java.io.IOException;
import java.util.function.BooleanSupplier;

/** Styles a sequence of frames (a time-lapse, a z-stack, a video) one frame at a time. */
public interface SequenceTransfer {

	/**
	 * Styles every frame of {@code frames} in order, handing each result to {@code sink} as soon
	 * as it is done. Memory holds one frame's run plus the previous frame's content and result.
	 *
	 * @param settings  the per-image settings (working size, losses, optimiser, result size)
	 * @param sequence  the temporal weight, iterations per frame and early stop
	 * @param cancelled polled before every step; when true the run frees its memory and throws
	 *                  (frames already handed to the sink stay there)
	 * @throws java.util.concurrent.CancellationException when {@code cancelled} became true
	 * @throws IllegalArgumentException when the frames differ in size or the settings do not fit
	 * @throws IOException when a frame cannot be read or a result not taken
	 */
	SequenceResult run(FrameSource frames, RgbImage style, VggWeights weights, StyleTransferSettings settings,
		SequenceSettings sequence, FrameSink sink, SequenceListener listener, BooleanSupplier cancelled) throws IOException;
}
