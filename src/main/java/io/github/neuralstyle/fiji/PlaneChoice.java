package io.github.neuralstyle.fiji;

import static io.github.neuralstyle.fiji.ParameterChecks.choice;
import static io.github.neuralstyle.fiji.ParameterChecks.enumOf;

import io.github.neuralstyle.engine.video.SequenceSettings;
import io.github.neuralstyle.image.PlaneSelection;

import java.math.BigDecimal;

/** The command's {@code planes}, {@code range} and {@code temporal} keys, checked. */
final class PlaneChoice {

	/** The {@code planes} words, as the dialog lists them. */
	static final String[] PLANES = { "current", "slices", "frames", "all" };

	/** The {@code temporal} key's default: the engine's default weight for sequences. */
	static final String DEFAULT_TEMPORAL = BigDecimal.valueOf(SequenceSettings.DEFAULT_TEMPORAL_WEIGHT).stripTrailingZeros()
		.toPlainString();

	/** Largest accepted temporal weight: far beyond any useful value, but finite. */
	static final double MAX_TEMPORAL = 1e9;

	private PlaneChoice() {}

	/** The planes of the content image to style. */
	static PlaneSelection selection(StyleTransferCommand p) {
		PlaneSelection.Mode mode = enumOf(PlaneSelection.Mode.class, choice("planes", p.planes, PLANES));
		return PlaneSelection.of(p.content, mode, p.range);
	}

	/** The sequence settings: the engine's defaults with the command's temporal weight. */
	static SequenceSettings sequence(StyleTransferCommand p) {
		return SequenceSettings.builder().optTemporalWeight(temporal(p)).build();
	}

	/** The temporal weight: a number ≥ 0, 0 for planes styled independently of each other. */
	static double temporal(StyleTransferCommand p) {
		String t = p.temporal == null ? "" : p.temporal.trim();
		double v;
		try {
			v = Double.parseDouble(t);
		}
		catch (NumberFormatException e) {
			v = Double.NaN;
		}
		if (!(v >= 0 && v <= MAX_TEMPORAL)) {
			throw new IllegalArgumentException("temporal=" + p.temporal + ": must be a number ≥ 0 and ≤ 1e9 (0 styles"
				+ " every plane on its own), e.g. temporal=" + DEFAULT_TEMPORAL);
		}
		return v;
	}
}
