package io.github.neuralstyle.engine.video;

import io.github.neuralstyle.engine.RgbImage;

/**
 * What one frame of a sequence takes from the frame before it: the previous result warped onto
 * this frame (the starting image and the temporal target ω) and the consistency mask c.
 *
 * @param warpedPrevious the previous result moved along the backward flow
 * @param mask           1 where ω can be trusted, 0 at occlusions, motion boundaries and
 *                       out-of-frame pixels (row-major)
 * @param backward       the flow from this frame's content to the previous frame's
 */
public record TemporalGuide(RgbImage warpedPrevious, float[] mask, FlowField backward) {

	/**
	 * Computes both flows between two content frames (same size as the previous result) and warps
	 * the previous result: two flow estimates and one warp.
	 */
	public static TemporalGuide between(RgbImage previousContent, RgbImage content, RgbImage previousResult,
		TvL1Flow flow)
	{
		if (previousResult.width() != content.width() || previousResult.height() != content.height()) {
			throw new IllegalArgumentException("The previous result is " + previousResult.width() + "×"
				+ previousResult.height() + " but the frame is " + content.width() + "×" + content.height()
				+ "; style every frame at one size");
		}
		FlowField backward = flow.estimate(content, previousContent);
		FlowField forward = flow.estimate(previousContent, content);
		return new TemporalGuide(Warp.backward(previousResult, backward), ConsistencyMask.of(forward, backward), backward);
	}

	/** The fraction of pixels the mask keeps. */
	public double keptFraction() {
		double s = 0;
		for (float m : mask) s += m;
		return s / mask.length;
	}
}
