package io.github.neuralstyle.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.gui.Line;
import ij.gui.OvalRoi;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;

import java.util.List;

import org.junit.jupiter.api.Test;

/** ROIs and label images → label planes, on hand-made cases counted pixel by pixel. */
class RegionPlanesTest {

	@Test
	void rectangleIsLabelOneAndTheRestBackground() {
		int[] plane = RegionPlanes.fromRois(List.of(new Roi(2, 1, 3, 2)), 6, 4, "regions=selection");
		int[] expected = {
			0, 0, 0, 0, 0, 0,
			0, 0, 1, 1, 1, 0,
			0, 0, 1, 1, 1, 0,
			0, 0, 0, 0, 0, 0 };
		assertArrayEquals(expected, plane);
	}

	@Test
	void roisAreNumberedInOrderAndTheLaterOneWinsWhereTheyOverlap() {
		int[] plane = RegionPlanes.fromRois(List.of(new Roi(0, 0, 3, 3), new Roi(2, 2, 3, 2)), 5, 4, "regions=overlay");
		int[] expected = {
			1, 1, 1, 0, 0,
			1, 1, 1, 0, 0,
			1, 1, 2, 2, 2,
			0, 0, 2, 2, 2 };
		assertArrayEquals(expected, plane);
	}

	@Test
	void ovalAndPolygonFollowImageJsMaskAndPartsOutsideTheImageAreDropped() {
		OvalRoi oval = new OvalRoi(-5, -5, 20, 20);
		int[] plane = RegionPlanes.fromRois(List.of(oval), 8, 8, "r");
		ByteProcessor filled = new ByteProcessor(8, 8);
		filled.setValue(1);
		filled.fill(oval); // Edit › Fill, which users see as the ROI's pixels
		for (int i = 0; i < 64; i++) assertEquals(filled.get(i), plane[i], "pixel " + i);
		// a right triangle with legs along x = 0 and y = 0: pixel (x, y) is in where x + y < 6 or so
		PolygonRoi triangle = new PolygonRoi(new int[] { 0, 6, 0 }, new int[] { 0, 0, 6 }, 3, Roi.POLYGON);
		plane = RegionPlanes.fromRois(List.of(triangle), 8, 8, "r");
		filled = new ByteProcessor(8, 8);
		filled.setValue(1);
		filled.fill(triangle);
		int count = 0;
		for (int i = 0; i < 64; i++) {
			assertEquals(filled.get(i), plane[i], "pixel " + i);
			count += plane[i];
		}
		assertTrue(count > 12 && count < 24, "about half of the 6×6 square: " + count);
		assertEquals(0, plane[7 * 8 + 7]);
	}

	@Test
	void linesEmptyListsAndRoisOffTheImageAreRefusedByName() {
		var line = assertThrows(IllegalArgumentException.class,
			() -> RegionPlanes.fromRois(List.of(new Roi(0, 0, 2, 2), new Line(0, 0, 5, 5)), 8, 8, "regions=roimanager"));
		assertEquals("regions=roimanager: ROI 2 (Straight Line) has no area; regions need area ROIs such as rectangles,"
			+ " ovals, polygons or freehand shapes", line.getMessage());
		var off = assertThrows(IllegalArgumentException.class,
			() -> RegionPlanes.fromRois(List.of(new Roi(20, 20, 2, 2)), 8, 8, "regions=overlay"));
		assertTrue(off.getMessage().startsWith("regions=overlay: ROI 1 ("), off.getMessage());
		assertTrue(off.getMessage().contains("covers no pixel of the 8×8 image"), off.getMessage());
		var none = assertThrows(IllegalArgumentException.class, () -> RegionPlanes.fromRois(List.of(), 8, 8, "regions=overlay"));
		assertEquals("regions=overlay: there are no ROIs", none.getMessage());
	}

	@Test
	void labelImagesOf8_16And32BitGiveTheirValues() {
		ShortProcessor sp = new ShortProcessor(3, 2);
		sp.set(0, 0, 0);
		sp.set(1, 0, 300);
		sp.set(2, 1, 7);
		assertArrayEquals(new int[] { 0, 300, 0, 0, 0, 7 }, RegionPlanes.fromLabelImage(new ImagePlus("l16", sp), 3, 2, "labels"));
		ByteProcessor bp = new ByteProcessor(2, 1, new byte[] { 2, (byte) 255 });
		assertArrayEquals(new int[] { 2, 255 }, RegionPlanes.fromLabelImage(new ImagePlus("l8", bp), 2, 1, "labels"));
		FloatProcessor fp = new FloatProcessor(2, 1, new float[] { 4f, 0f });
		assertArrayEquals(new int[] { 4, 0 }, RegionPlanes.fromLabelImage(new ImagePlus("l32", fp), 2, 1, "labels"));
	}

	@Test
	void labelImagesOfAnotherSizeRgbOrFractionsAreRefusedWithTheFix() {
		var size = assertThrows(IllegalArgumentException.class,
			() -> RegionPlanes.fromLabelImage(new ImagePlus("cells.tif", new ByteProcessor(4, 3)), 8, 6, "labels"));
		assertTrue(size.getMessage().startsWith("labels=[cells.tif] is 4×3 but the content is 8×6"), size.getMessage());
		var rgb = assertThrows(IllegalArgumentException.class,
			() -> RegionPlanes.fromLabelImage(new ImagePlus("c", new ColorProcessor(2, 2)), 2, 2, "labels"));
		assertTrue(rgb.getMessage().startsWith("labels=[c]: ") && rgb.getMessage().contains("is RGB"), rgb.getMessage());
		var frac = assertThrows(IllegalArgumentException.class, () -> RegionPlanes.fromLabelImage(
			new ImagePlus("f", new FloatProcessor(2, 1, new float[] { 1f, 1.5f })), 2, 1, "labels"));
		assertTrue(frac.getMessage().startsWith("labels=[f]: ") && frac.getMessage().contains("has the value 1.5 at (1, 0)"),
			frac.getMessage());
		var nan = assertThrows(IllegalArgumentException.class, () -> RegionPlanes.fromLabelImage(
			new ImagePlus("f", new FloatProcessor(1, 1, new float[] { Float.NaN })), 1, 1, "labels"));
		assertTrue(nan.getMessage().contains("NaN"), nan.getMessage());
	}
}
