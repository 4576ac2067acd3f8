package io.github.neuralstyle.engine.video;

import io.github.neuralstyle.engine.RgbImage;

import java.io.IOException;

/**
 * Where a sequence's results go, one frame at a time, as soon as each is styled. A sink that
 * keeps results (a folder) can also hand earlier ones back, so that a rerun resumes.
 */
public interface FrameSink {

	/**
	 * The result frame {@code index} already has from an earlier run with the same settings, or
	 * null when it must be styled; a resumed run starts the next frame from it.
	 */
	default RgbImage existing(int index) throws IOException {
		return null;
	}

	/** Takes the result of frame {@code index} (0-based) with its numbers. */
	void accept(int index, RgbImage result, FrameResult stats) throws IOException;
}
