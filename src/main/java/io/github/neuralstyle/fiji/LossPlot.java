package io.github.neuralstyle.fiji;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.io.FileSaver;

import io.github.neuralstyle.engine.StepReport;
import io.github.neuralstyle.engine.StyleTransferSettings;

import java.awt.Color;
import java.io.File;
import java.util.List;

import org.scijava.log.LogService;

/** The loss curve of a run: total and the weighted content, style and TV terms, log scale. */
final class LossPlot {

	private LossPlot() {}

	/** Builds the plot from the reports that carry losses. */
	static Plot of(List<StepReport> history, StyleTransferSettings s, String title) {
		int n = history.size();
		double[] it = new double[n], total = new double[n], content = new double[n], style = new double[n],
			tv = new double[n];
		for (int i = 0; i < n; i++) {
			StepReport r = history.get(i);
			it[i] = r.iteration();
			total[i] = positive(r.total());
			content[i] = positive(s.contentWeight() * r.content());
			style[i] = positive(s.styleWeight() * r.style());
			tv[i] = positive(s.tvWeight() * r.tv());
		}
		Plot plot = new Plot("Losses of " + title, "iteration", "loss (log scale)");
		plot.setLineWidth(2);
		plot.setColor(Color.BLACK);
		plot.addPoints(it, total, Plot.LINE);
		plot.setLineWidth(1);
		plot.setColor(Color.BLUE);
		plot.addPoints(it, content, Plot.LINE);
		plot.setColor(Color.RED);
		plot.addPoints(it, style, Plot.LINE);
		plot.setColor(new Color(0, 150, 0));
		plot.addPoints(it, tv, Plot.LINE);
		plot.setLegend("total\tα·content\tβ·style\tγ·TV", Plot.AUTO_POSITION);
		plot.setLimitsToFit(false);
		// After the limits: log axes set earlier are reset when the limits are fitted.
		plot.setAxisYLog(true);
		return plot;
	}

	/** Log axes cannot show 0 (e.g. γ = 0): leave such points out. */
	private static double positive(double v) {
		return v > 0 ? v : Double.NaN;
	}

	/**
	 * Shows the plot where windows can be shown; in batch mode registers it as a batch-mode image
	 * (before the result, so that the result stays the macro's current image); with a result
	 * file also saves it next to it as {@code <name>-losses.png}.
	 */
	static void present(Plot plot, File resultFile, LogService log) {
		ImagePlus imp = plot.getImagePlus();
		if (resultFile != null) {
			String name = resultFile.getName().replaceFirst("\\.[^.]*$", "") + "-losses.png";
			File f = new File(resultFile.getAbsoluteFile().getParentFile(), name);
			if (!new FileSaver(imp).saveAsPng(f.getPath())) log.warn("Neural Style: could not save the loss plot to " + f);
		}
		if (MacroBridge.canShowWindows()) plot.show();
		else if (ij.macro.Interpreter.isBatchMode()) MacroBridge.register(imp);
	}
}
