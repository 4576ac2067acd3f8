package io.github.neuralstyle.engine.video;

import io.github.neuralstyle.engine.RgbImage;

import java.io.IOException;
import java.util.List;

/**
 * The content frames of a sequence, read one at a time on demand, so that a long sequence is
 * never held in memory whole. Frames are numbered 0 … size−1 in playing order; all have one size.
 */
public interface FrameSource {

	/** How many frames the sequence has. */
	int size();

	/** Reads frame {@code index} (0-based) as RGB in [0,1]; each call may read it again. */
	RgbImage frame(int index) throws IOException;

	/** A name for messages, e.g. the file name or "frame 3/16"; 0-based index. */
	default String name(int index) {
		return "frame " + (index + 1) + "/" + size();
	}

	/** Frames already in memory (tests, small sequences). */
	static FrameSource of(List<RgbImage> frames) {
		List<RgbImage> copy = List.copyOf(frames);
		return new FrameSource() {
			@Override
			public int size() {
				return copy.size();
			}

			@Override
			public RgbImage frame(int index) {
				return copy.get(index);
			}
		};
	}
}
