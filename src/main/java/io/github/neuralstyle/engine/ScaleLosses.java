package io.github.neuralstyle.engine;

/**
 * The losses of one scale of a run: at the image it started from, and at the image it ended
 * with (measured after the last step, so the finest scale's final values are those of the
 * result). Both at this scale's working size.
 *
 * @param width        working width
 * @param height       working height
 * @param steps        steps made at this scale
 * @param first        α·content + β·style + γ·TV at the scale's starting image
 * @param total        α·content + β·style + γ·TV at the scale's final image
 * @param content      the unweighted content term at the final image
 * @param style        the unweighted style term at the final image
 * @param tv           the unweighted total-variation term at the final image
 */
public record ScaleLosses(int width, int height, int steps, double first, double total, double content, double style,
	double tv)
{}
