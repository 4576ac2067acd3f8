package io.github.neuralstyle.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.process.ByteProcessor;

import java.awt.GraphicsEnvironment;

import org.junit.jupiter.api.Test;

/** Each regions source on a 4×3 image; the ROI Manager as a headless run finds it. */
class RegionSourcesTest {

	private static ImagePlus image() {
		return new ImagePlus("cells.tif", new ByteProcessor(4, 3));
	}

	@Test
	void selectionIsRegionOne() {
		ImagePlus imp = image();
		imp.setRoi(new Roi(1, 1, 2, 2));
		assertArrayEquals(new int[] { 0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1, 0 }, RegionSources.SELECTION.plane(imp, null, "regions"));
		assertNull(RegionSources.NONE.plane(imp, null, "regions"));
	}

	@Test
	void overlayRoiNIsRegionN() {
		ImagePlus imp = image();
		Overlay o = new Overlay();
		o.add(new Roi(0, 0, 1, 3));
		o.add(new Roi(3, 0, 1, 1));
		imp.setOverlay(o);
		assertArrayEquals(new int[] { 1, 0, 0, 2, 1, 0, 0, 0, 1, 0, 0, 0 }, RegionSources.OVERLAY.plane(imp, null, "regions"));
	}

	@Test
	void labelImageMustBeGiven() {
		ImagePlus labels = new ImagePlus("l", new ByteProcessor(4, 3));
		labels.getProcessor().set(3, 2, 9);
		assertEquals(9, RegionSources.LABELS.plane(image(), labels, "regions")[11]);
		var e = assertThrows(IllegalArgumentException.class, () -> RegionSources.LABELS.plane(image(), null, "regions"));
		assertEquals("regions=labels: no label image; give its title, e.g. labels=[cells-labels.tif]", e.getMessage());
	}

	@Test
	void missingSelectionOverlayOrRoiManagerSayWhatToDo() {
		var sel = assertThrows(IllegalArgumentException.class, () -> RegionSources.SELECTION.plane(image(), null, "regions"));
		assertTrue(sel.getMessage().startsWith("regions=selection: 'cells.tif' has no selection; select the region first"),
			sel.getMessage());
		var ov = assertThrows(IllegalArgumentException.class, () -> RegionSources.OVERLAY.plane(image(), null, "regions"));
		assertTrue(ov.getMessage().contains("Overlay.addSelection"), ov.getMessage());
		if (GraphicsEnvironment.isHeadless()) {
			// ImageJ cannot make a ROI Manager headless (it is a Frame): the message points to the overlay
			var rm = assertThrows(IllegalArgumentException.class, () -> RegionSources.ROIMANAGER.plane(image(), null, "regions"));
			assertTrue(rm.getMessage().startsWith("regions=roimanager: the ROI Manager is not open;"), rm.getMessage());
			assertTrue(rm.getMessage().contains("choose regions=overlay"), rm.getMessage());
		}
	}
}
