package io.github.neuralstyle.fiji;

import io.github.neuralstyle.engine.ProgressListener;
import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.StepReport;

import java.util.Locale;

import org.scijava.app.StatusService;

/** Engine and download progress → SciJava's status bar, and previews → the preview window. */
final class Progress implements ProgressListener {

	private final StatusService status;
	private final PreviewWindow preview;
	private double lastLoss = Double.NaN;
	private String plane = ""; // "frame 3/16, " while a stack runs (PlaneRun)
	private int planeIndex, planeCount = 1;

	/** @param preview the preview window, or null for none */
	Progress(StatusService status, PreviewWindow preview) {
		this.status = status;
		this.preview = preview;
	}

	@Override
	public void step(StepReport r) {
		if (r.hasLosses()) lastLoss = r.total();
		String loss = Double.isNaN(lastLoss) ? "" : ", loss " + shortNumber(lastLoss);
		int perPlane = 1000; // the bar spans all planes; a plane's steps may differ from another's
		int at = planeIndex * perPlane + (int) ((long) perPlane * r.iteration() / Math.max(1, r.totalSteps()));
		status.showStatus(at, planeCount * perPlane, "Neural Style: " + plane + "iteration " + r.iteration() + "/"
			+ r.totalSteps() + loss);
	}

	/** Tiles of a long step advance the bar within the step: "iteration 3/10, tile 5/16". */
	@Override
	public void tile(int stepsDone, int totalSteps, int tile, int tiles) {
		String at = stepsDone < totalSteps ? "iteration " + (stepsDone + 1) + "/" + totalSteps : "final loss";
		long max = (long) totalSteps * tiles;
		status.showStatus((int) Math.min(max, (long) stepsDone * tiles + tile), (int) max, "Neural Style: " + at + ", tile " + tile
			+ "/" + tiles);
	}

	@Override
	public void preview(int iteration, RgbImage image) {
		if (preview != null) preview.update(iteration, image);
	}

	@Override
	public void status(String message) {
		status.showStatus("Neural Style: " + message);
	}

	/** Starts plane {@code index} (0-based) of {@code count}, shown as {@code where}, e.g. "frame 3/16". */
	void plane(String where, int index, int count) {
		plane = where.isEmpty() ? "" : where + ", ";
		planeIndex = index;
		planeCount = count;
		lastLoss = Double.NaN;
	}

	/** The same status bar for weights downloads. */
	WeightsResolver.Progress weights() {
		return new WeightsResolver.Progress() {

			@Override
			public void bytes(long done, long total) {
				String size = total > 0 ? String.format(Locale.ROOT, "%.0f/%.0f MB", done / 1e6, total / 1e6)
					: String.format(Locale.ROOT, "%.0f MB", done / 1e6);
				int max = total > 0 ? 1000 : 0;
				int at = total > 0 ? (int) (1000 * done / total) : 0;
				status.showStatus(at, max, "Neural Style: downloading weights, " + size);
			}

			@Override
			public void status(String message) {
				status.showStatus("Neural Style: " + message);
			}
		};
	}

	/** Clears the status bar and its progress bar (also after Esc or an error), and closes the preview. */
	void close() {
		if (preview != null) preview.close();
		status.showProgress(1, 1); // a full bar is hidden; a cancelled run must not leave it half drawn
		status.clearStatus();
	}

	/** A compact number for status lines: 3.2e4, 512, 0.031. */
	static String shortNumber(double v) {
		if (Double.isNaN(v) || Double.isInfinite(v)) return Double.toString(v);
		double a = Math.abs(v);
		if (a == 0) return "0";
		if (a >= 0.01 && a < 1e4) return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros()
			.toPlainString();
		int exp = (int) Math.floor(Math.log10(a));
		double mant = v / Math.pow(10, exp);
		if (Math.abs(Math.round(mant * 10) / 10.0) >= 10) {
			exp++;
			mant /= 10;
		}
		String m = String.format(Locale.ROOT, "%.1f", mant).replace(".0", "");
		return m + "e" + exp;
	}
}
