package io.github.neuralstyle.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;

import io.github.neuralstyle.image.PlaneSelection.Mode;
import io.github.neuralstyle.testsupport.TestHyperstacks;
import io.github.neuralstyle.testsupport.TestImagePlus;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Which planes each {@code planes}/{@code range} choice selects, in which order, and the messages for impossible ones. */
class PlaneSelectionTest {

	/** (slice, frame) of every selected plane, in stack order. */
	private static List<String> positions(PlaneSelection s) {
		List<String> out = new ArrayList<>();
		for (int k = 0; k < s.count(); k++) out.add(s.slice(k) + "," + s.frame(k));
		return out;
	}

	@Test
	void eachModeSelectsItsAxisAtTheCurrentPosition() {
		ImagePlus imp = TestHyperstacks.composite("h", 8, 6, 2, 3, 4);
		imp.setPosition(2, 2, 3);
		assertEquals(List.of("2,3"), positions(PlaneSelection.of(imp, Mode.CURRENT, "")));
		assertTrue(PlaneSelection.of(imp, Mode.CURRENT, "").currentOnly());
		assertTrue(PlaneSelection.of(imp, Mode.FRAMES, "3").currentOnly(), "frame 3 is shown");
		assertFalse(PlaneSelection.of(imp, Mode.FRAMES, "4").single() && PlaneSelection.of(imp, Mode.FRAMES, "4")
			.currentOnly(), "frame 4 is not");
		assertEquals(List.of("1,3", "2,3", "3,3"), positions(PlaneSelection.of(imp, Mode.SLICES, "")));
		assertEquals(List.of("2,1", "2,2", "2,3", "2,4"), positions(PlaneSelection.of(imp, Mode.FRAMES, null)));
		PlaneSelection all = PlaneSelection.of(imp, Mode.ALL, " ");
		assertEquals(12, all.count());
		assertEquals(List.of("1,1", "2,1", "3,1", "1,2"), positions(all).subList(0, 4), "slices vary fastest");
		assertEquals(3, all.nSlices());
		assertEquals(4, all.nFrames());
	}

	@Test
	void rangeSelectsFramesOfATimeLapseAndSlicesOfAZStack() {
		ImagePlus imp = TestHyperstacks.composite("h", 8, 6, 1, 2, 5);
		assertEquals(List.of("1,2", "2,2", "1,3", "2,3"), positions(PlaneSelection.of(imp, Mode.ALL, "2-3")));
		assertEquals(List.of("1,4"), positions(PlaneSelection.of(imp, Mode.FRAMES, "4")));
		assertEquals(List.of("1,4", "1,5"), positions(PlaneSelection.of(imp, Mode.FRAMES, "4-")), "to the end");
		assertEquals(List.of("2,1"), positions(PlaneSelection.of(imp, Mode.SLICES, " 2 - 2 ")));
		ImagePlus z = TestHyperstacks.gray16("z", 8, 6, 6, 1);
		assertEquals(List.of("3,1", "4,1", "5,1"), positions(PlaneSelection.of(z, Mode.ALL, "3-5")));
	}

	@Test
	void sequencesRunAlongTimeForEachSliceElseAlongTheSlices() {
		ImagePlus imp = TestHyperstacks.composite("h", 8, 6, 1, 2, 3);
		List<int[]> seq = PlaneSelection.of(imp, Mode.ALL, "").sequences();
		assertEquals(2, seq.size());
		assertArrayEquals(new int[] { 0, 2, 4 }, seq.get(0), "slice 1 at frames 1, 2, 3");
		assertArrayEquals(new int[] { 1, 3, 5 }, seq.get(1));
		List<int[]> z = PlaneSelection.of(TestHyperstacks.gray16("z", 8, 6, 4, 1), Mode.SLICES, "2-4").sequences();
		assertEquals(1, z.size());
		assertArrayEquals(new int[] { 0, 1, 2 }, z.get(0));
	}

	@Test
	void aSinglePlaneImageIgnoresTheChoiceAndTheRange() {
		ImagePlus single = TestImagePlus.of("rgb", "one", 8, 6);
		for (Mode m : Mode.values()) {
			PlaneSelection s = PlaneSelection.of(single, m, "3-10");
			assertTrue(s.single() && s.currentOnly(), m::toString);
			assertEquals(List.of("1,1"), positions(s));
		}
		ImagePlus composite = TestHyperstacks.composite("c", 8, 6, 3, 1, 1); // channels are not planes to style
		assertTrue(PlaneSelection.of(composite, Mode.ALL, "").single());
	}

	@Test
	void wordsForProgressAndInfo() {
		ImagePlus imp = TestHyperstacks.composite("h", 8, 6, 1, 2, 16);
		PlaneSelection all = PlaneSelection.of(imp, Mode.ALL, "");
		assertEquals("slice 2/2, frame 3/16", all.where(5));
		assertEquals("planes=all, slices 1-2 of 2, frames 1-16 of 16", all.describe());
		PlaneSelection some = PlaneSelection.of(imp, Mode.FRAMES, "5-12");
		assertEquals("frame 7 (3/8)", some.where(2));
		assertEquals("planes=frames, slice 1/2, frames 5-12 of 16", some.describe());
		assertEquals("c1 z1 t7", some.label(2));
	}

	@Test
	void impossibleChoicesNameTheKeyAndTheFix() {
		ImagePlus z = TestHyperstacks.gray16("z.tif", 8, 6, 6, 1);
		ImagePlus t = TestHyperstacks.gray16("t.tif", 8, 6, 1, 5);
		assertEquals("planes=frames: 'z.tif' has 6 slices and 1 frame; use planes=slices (or Image>Properties to call"
			+ " its planes frames)", message(() -> PlaneSelection.of(z, Mode.FRAMES, "")));
		assertTrue(message(() -> PlaneSelection.of(t, Mode.SLICES, "")).startsWith("planes=slices: 't.tif' has 1 slice"
			+ " and 5 frames; use planes=frames"));
		assertEquals("range=3-9: 't.tif' has 5 frames; give a range within 1-5",
			message(() -> PlaneSelection.of(t, Mode.FRAMES, "3-9")));
		for (String bad : new String[] { "abc", "1,3", "-2", "2.5", "2--3" }) {
			assertTrue(message(() -> PlaneSelection.of(t, Mode.FRAMES, bad)).startsWith("range=" + bad
				+ ": give first-last, e.g. range=3-10"), bad);
		}
		assertTrue(message(() -> PlaneSelection.of(t, Mode.FRAMES, "4-2")).contains("not after the last"));
		assertEquals("range=6-: 't.tif' has 5 frames; give a range within 1-5",
			message(() -> PlaneSelection.of(t, Mode.FRAMES, "6-")));
		assertEquals("range=2-3: planes=current styles the current plane only; give planes=slices, frames or all with a"
			+ " range, or leave the range empty", message(() -> PlaneSelection.of(t, Mode.CURRENT, " 2-3")));
		assertTrue(message(() -> PlaneSelection.of(t, Mode.FRAMES, "0-2")).contains("at least 1"));
	}

	private static String message(Runnable r) {
		return assertThrows(IllegalArgumentException.class, r::run).getMessage();
	}
}
