package io.github.neuralstyle.engine;

import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.engine.platform.Devices;
import io.github.neuralstyle.engine.tiling.TilingOptions;
import io.github.neuralstyle.engine.tiling.TilingPlan;

/**
 * The tiling a run will use, known before it starts: for front ends that report the plan (or
 * refuse the run) before spending time on it. The same planning {@link DefaultStyleTransfer} does.
 */
public final class RunTiling {

	private RunTiling() {}

	/**
	 * The finest scale's tiling of a run of {@code settings} on a {@code contentWidth}×{@code contentHeight}
	 * content with {@code weights}.
	 *
	 * @throws IllegalArgumentException as {@link StyleTransfer#run} would: layers the weights lack, an image
	 *                                  too small for them, or a step that fits the budget in no tiling
	 */
	public static TilingPlan finest(StyleTransferSettings settings, VggWeights weights, int contentWidth,
		int contentHeight, TilingOptions options)
	{
		RunPlan.checkCompatible(settings, weights);
		RunPlan plan = new RunPlan(settings, contentWidth, contentHeight, weights.architecture());
		TilingPlan[] tilings = plan.tilings(options, Devices.resolve(settings.device()));
		return tilings[tilings.length - 1];
	}
}
