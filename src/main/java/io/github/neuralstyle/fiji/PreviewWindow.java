package io.github.neuralstyle.fiji;

import ij.ImagePlus;
import ij.process.ColorProcessor;

import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.image.ResultType;
import io.github.neuralstyle.image.RgbToImage;

/** One preview window, reused for every update and closed when the run ends or is cancelled. */
final class PreviewWindow {

	static final String TITLE = "Neural Style preview";

	private ImagePlus imp;

	/** Shows {@code image} (at working size) as the state after {@code iteration}. */
	synchronized void update(int iteration, RgbImage image) {
		ImagePlus next = RgbToImage.toImagePlus(image, ResultType.RGB, blank(image), TITLE);
		String title = TITLE + " (iteration " + iteration + ")";
		if (imp == null) {
			imp = next;
			imp.setTitle(title);
			imp.show();
			return;
		}
		imp.setProcessor((ColorProcessor) next.getProcessor());
		imp.setTitle(title);
		imp.updateAndDraw();
	}

	/** Closes the window without a "save changes?" question. */
	synchronized void close() {
		if (imp == null) return;
		imp.changes = false;
		imp.close();
		imp = null;
	}

	private static ImagePlus blank(RgbImage image) {
		return new ImagePlus("", new ColorProcessor(image.width(), image.height()));
	}
}
