package io.github.neuralstyle.fiji;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.plugin.frame.RoiManager;

import io.github.neuralstyle.image.RegionPlanes;

import java.awt.HeadlessException;
import java.util.Arrays;
import java.util.List;

/**
 * Where the command's style regions come from (macro key {@code regions}): ImageJ's usual
 * places for regions, each made a label plane at the image's size by {@link RegionPlanes}.
 */
enum RegionSources {

	/** No regions: the style applies everywhere. */
	NONE,
	/** The image's selection is region 1, the rest background. */
	SELECTION,
	/** The image's overlay: ROI i is region i (works headless, where ImageJ has no ROI Manager). */
	OVERLAY,
	/** The ROI Manager's ROIs, in its order: ROI i is region i. */
	ROIMANAGER,
	/** A label image (key {@code labels}) of the content's size, 0 = background. */
	LABELS;

	/** The macro word, e.g. {@code roimanager}. */
	String id() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	/** Every macro word, for the choice list and messages. */
	static String[] ids() {
		return Arrays.stream(values()).map(RegionSources::id).toArray(String[]::new);
	}

	/**
	 * The label plane of {@code imp} (at its size) from this source, or null for {@link #NONE}.
	 *
	 * @param key    the macro key naming this source, for messages ({@code regions})
	 * @param labels the label image, used by {@link #LABELS} only
	 */
	int[] plane(ImagePlus imp, ImagePlus labels, String key) {
		int w = imp.getWidth(), h = imp.getHeight();
		String what = key + "=" + id();
		switch (this) {
			case NONE:
				return null;
			case SELECTION:
				Roi roi = imp.getRoi();
				if (roi == null) {
					throw new IllegalArgumentException(what + ": '" + imp.getTitle() + "' has no selection; select the region"
						+ " first (e.g. makeRectangle or makeOval in a macro), or choose another regions source");
				}
				return RegionPlanes.fromRois(List.of(roi), w, h, what);
			case OVERLAY:
				Overlay overlay = imp.getOverlay();
				if (overlay == null || overlay.size() == 0) {
					throw new IllegalArgumentException(what + ": '" + imp.getTitle() + "' has no overlay; add each region with"
						+ " Image › Overlay › Add Selection (Overlay.addSelection in a macro), or choose another regions source");
				}
				return RegionPlanes.fromRois(Arrays.asList(overlay.toArray()), w, h, what);
			case ROIMANAGER:
				return RegionPlanes.fromRois(managerRois(what), w, h, what);
			default:
				if (labels == null || labels.getWidth() == 0) {
					throw new IllegalArgumentException(what + ": no label image; give its title, e.g. labels=[cells-labels.tif]");
				}
				return RegionPlanes.fromLabelImage(labels, w, h, "labels");
		}
	}

	/** The ROI Manager's ROIs: the open one, or a batch-mode macro's hidden one. */
	private static List<Roi> managerRois(String what) {
		RoiManager rm;
		try {
			rm = RoiManager.getInstance2();
		}
		catch (HeadlessException e) {
			rm = null;
		}
		if (rm == null || rm.getCount() == 0) {
			throw new IllegalArgumentException(what + ": the ROI Manager is " + (rm == null ? "not open" : "empty")
				+ "; add the regions to it (Analyze › Tools › ROI Manager, Add), or, headless where ImageJ has no ROI Manager,"
				+ " add them to the content's overlay and choose regions=overlay");
		}
		return Arrays.asList(rm.getRoisAsArray());
	}
}
