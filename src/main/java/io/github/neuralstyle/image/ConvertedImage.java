package io.github.neuralstyle.image;

import io.github.neuralstyle.engine.RgbImage;

/**
 * An ImageJ image converted for the engine.
 *
 * @param image     the planar RGB samples in [0,1]
 * @param colour    whether the image looks coloured in ImageJ (RGB, several composite channels
 *                  or a colour LUT); grey images give R = G = B
 * @param position  which plane(s) were used, e.g. "channels 1+2 (composite), slice 3/10", or
 *                  "" for a single plane
 * @param nanPixels NaN samples, which were taken as the display minimum
 */
public record ConvertedImage(RgbImage image, boolean colour, String position, long nanPixels) {

	/** Whether the image had more than one plane, so that {@link #position()} matters. */
	public boolean fromStack() {
		return !position.isEmpty();
	}
}
