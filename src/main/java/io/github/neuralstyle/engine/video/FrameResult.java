package io.github.neuralstyle.engine.video;

/**
 * The numbers of one styled frame of a sequence.
 *
 * @param index          0-based frame number
 * @param steps          steps made (fewer than planned when the early stop ended the frame)
 * @param plannedSteps   steps the frame was given
 * @param firstLoss      total loss at the frame's starting image (temporal term included for later frames)
 * @param finalLoss      total loss at the result, at the working size
 * @param styleLoss      the unweighted style term at the result (comparable across modes)
 * @param contentLoss    the unweighted content term at the result
 * @param temporalError  mean squared difference to the warped previous result over the pixels the
 *                       consistency mask keeps, [0,1] units; NaN for the first frame
 * @param keptFraction   fraction of pixels the consistency mask keeps; NaN for the first frame
 * @param millis         wall time of the frame: reading, flow and optimisation (not the sink's writing)
 * @param resumed        whether the result came from an earlier run (then losses are NaN and steps 0)
 */
public record FrameResult(int index, int steps, int plannedSteps, double firstLoss, double finalLoss, double styleLoss,
	double contentLoss, double temporalError, double keptFraction, long millis, boolean resumed)
{}
