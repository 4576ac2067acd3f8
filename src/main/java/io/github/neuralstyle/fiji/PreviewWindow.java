package io.github.neuralstyle.fiji;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.ImageWindow;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;

import java.awt.Frame;
import java.awt.Rectangle;

import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.image.ResultType;
import io.github.neuralstyle.image.RgbToImage;

/**
 * One preview window, reused for every update and closed when the run ends or is cancelled.
 * Coarse scales run at 1/4 or 1/2 of the working size (64×48 px at 256), too small to judge and
 * too narrow for a readable title, so previews are shown at a fixed display size; the window
 * opens beside the content image (or below ImageJ's toolbar), never over the toolbar.
 */
final class PreviewWindow {

	static final String TITLE = "Neural Style preview";

	/** Long side of the displayed preview, px: readable title, room for detail, small enough for a laptop. */
	static final int DISPLAY = 384;

	private final ImagePlus content;
	private ImagePlus imp;

	/** @param content the content image, beside whose window the preview opens; may be null */
	PreviewWindow(ImagePlus content) {
		this.content = content;
	}

	/** Shows {@code image} (at working size) as the state after {@code iteration}. */
	synchronized void update(int iteration, RgbImage image) {
		ImagePlus next = RgbToImage.toImagePlus(image, ResultType.RGB, blank(image), TITLE);
		ImageProcessor shown = displaySize(next.getProcessor());
		String title = TITLE + " (iteration " + iteration + ")";
		if (imp == null) {
			imp = new ImagePlus(title, shown);
			place();
			imp.show();
			return;
		}
		imp.setProcessor((ColorProcessor) shown);
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

	/** Scales a preview so that its long side is {@link #DISPLAY} px, whatever the scale it came from. */
	static ImageProcessor displaySize(ImageProcessor ip) {
		double f = (double) DISPLAY / Math.max(ip.getWidth(), ip.getHeight());
		int w = Math.max(1, (int) Math.round(ip.getWidth() * f)), h = Math.max(1, (int) Math.round(ip.getHeight() * f));
		ip.setInterpolationMethod(ImageProcessor.BILINEAR);
		return ip.resize(w, h, true);
	}

	/** Right of the content image's window if it has one, else below ImageJ's main window. */
	private void place() {
		ImageWindow cw = content == null ? null : content.getWindow();
		Frame ij = IJ.getInstance();
		if (cw != null) {
			Rectangle b = cw.getBounds();
			ImageWindow.setNextLocation(b.x + b.width + 8, b.y);
		}
		else if (ij != null) {
			Rectangle b = ij.getBounds();
			ImageWindow.setNextLocation(b.x, b.y + b.height + 8);
		}
	}

	private static ImagePlus blank(RgbImage image) {
		return new ImagePlus("", new ColorProcessor(image.width(), image.height()));
	}
}
