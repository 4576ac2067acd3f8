package io.github.neuralstyle.engine.video;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

import io.github.neuralstyle.engine.RunExtension;
import io.github.neuralstyle.engine.StepReport;
import io.github.neuralstyle.engine.losses.LossObjective;

/**
 * What one frame of a sequence adds to its run: the temporal term (when the frame has a guide
 * and the weight is above 0) and the early stop, both at the finest scale only.
 */
final class TemporalExtension implements RunExtension {

	private final TemporalGuide guide;
	private final double weight;
	private final RelativeChangeStop stop;

	/**
	 * @param guide  the frame's guide, or null for a frame without a temporal term
	 * @param weight λ
	 * @param stop   the early stop, or null for none
	 */
	TemporalExtension(TemporalGuide guide, double weight, RelativeChangeStop stop) {
		this.guide = guide;
		this.weight = weight;
		this.stop = stop;
	}

	@Override
	public LossObjective objective(LossObjective base, int scale, int scales, NDManager manager, DataType dataType) {
		if (guide == null || weight == 0 || scale != scales - 1) return base;
		return new TemporalLossObjective(base, new TemporalLoss(guide.warpedPrevious(), guide.mask(), weight, manager, dataType));
	}

	@Override
	public boolean stop(int scale, int scales, StepReport report) {
		return stop != null && scale == scales - 1 && report.hasLosses() && stop.record(report.total());
	}
}
