package io.github.neuralstyle.image;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.process.ImageProcessor;

import java.awt.Rectangle;
import java.util.List;

/**
 * ImageJ regions → a label plane (one int per pixel, row by row, 0 = background) at a given
 * size, as the engine's region control takes it: from ROIs (a selection, an overlay, the ROI
 * Manager) or from a label image.
 */
public final class RegionPlanes {

	/** The most ROIs one run takes: far beyond a useful number of styled regions. */
	public static final int MAX_ROIS = 65_535;

	private RegionPlanes() {}

	/**
	 * ROI i (0-based, in the given order) becomes label i + 1: a pixel belongs to a ROI where
	 * ImageJ's mask of it is set (as Edit › Fill fills it); where ROIs overlap the later one wins,
	 * as it is drawn on top. Pixels outside the image are dropped.
	 *
	 * @param what names the ROIs' origin in messages, e.g. {@code regions=roimanager}
	 * @throws IllegalArgumentException for no ROI, a ROI without area (line, point) or one outside the image
	 */
	public static int[] fromRois(List<Roi> rois, int width, int height, String what) {
		if (rois.isEmpty()) throw new IllegalArgumentException(what + ": there are no ROIs");
		if (rois.size() > MAX_ROIS) throw new IllegalArgumentException(what + ": " + rois.size() + " ROIs; at most " + MAX_ROIS);
		int[] labels = new int[width * height];
		for (int i = 0; i < rois.size(); i++) {
			Roi roi = rois.get(i);
			if (!roi.isArea()) {
				throw new IllegalArgumentException(what + ": ROI " + (i + 1) + " (" + roi.getTypeAsString()
					+ ") has no area; regions need area ROIs such as rectangles, ovals, polygons or freehand shapes");
			}
			if (paint(roi, i + 1, labels, width, height) == 0) {
				throw new IllegalArgumentException(what + ": ROI " + (i + 1) + " ('" + roi.getName() + "') covers no pixel of the "
					+ width + "×" + height + " image; move it onto the image or remove it");
			}
		}
		return labels;
	}

	/** Writes {@code label} where {@code roi} covers a pixel; the number of pixels written. */
	private static int paint(Roi roi, int label, int[] labels, int width, int height) {
		Rectangle r = roi.getBounds();
		ImageProcessor mask = roi.getMask(); // null for a plain rectangle: every pixel of its bounds
		int written = 0;
		for (int y = Math.max(0, r.y); y < Math.min(height, r.y + r.height); y++) {
			for (int x = Math.max(0, r.x); x < Math.min(width, r.x + r.width); x++) {
				if (mask != null && mask.get(x - r.x, y - r.y) == 0) continue;
				labels[y * width + x] = label;
				written++;
			}
		}
		return written;
	}

	/**
	 * The current plane of a label image, read raw by {@link LabelImage}, which must have the
	 * content's size.
	 *
	 * @param key the macro key, for messages
	 * @throws IllegalArgumentException for another size, an RGB image, or values that are not labels
	 */
	public static int[] fromLabelImage(ImagePlus imp, int width, int height, String key) {
		String name = key + "=[" + imp.getTitle() + "]";
		if (imp.getWidth() != width || imp.getHeight() != height) {
			throw new IllegalArgumentException(name + " is " + imp.getWidth() + "×" + imp.getHeight() + " but the content is "
				+ width + "×" + height + "; a label image must have the content's size (make it from the content image,"
				+ " or resize it with Image › Scale… and interpolation None)");
		}
		try {
			return LabelImage.labels(imp);
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
		}
	}
}
