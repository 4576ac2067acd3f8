package io.github.neuralstyle.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.measure.Calibration;
import ij.process.ImageProcessor;

import io.github.neuralstyle.image.PlaneSelection.Mode;
import io.github.neuralstyle.testsupport.TestHyperstacks;
import io.github.neuralstyle.testsupport.TestImagePlus;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A stack taken apart plane by plane and put back (each plane "styled" as itself): dimensions,
 * order, pixels, calibration, frame interval, labels and Info survive, and the content is not
 * touched.
 */
class StackAssemblyTest {

	/** Every plane converted and added back, sequence by sequence as a run adds them. */
	private static ImagePlus roundTrip(PlaneSelection s, ResultType type) {
		StackAssembly a = new StackAssembly(s, type, "out");
		for (int[] sequence : s.sequences()) {
			for (int k : sequence) {
				assertFalse(a.complete());
				a.add(k, s.convert(k, "content").image());
			}
		}
		assertTrue(a.complete());
		return a.finish();
	}

	@Test
	void fiveDimensionalCompositeComesBackAsDisplayedInItsOrderWithItsMetadata() {
		ImagePlus content = TestHyperstacks.composite("h", 10, 7, 2, 3, 4);
		content.setPosition(2, 2, 2);
		TestImagePlus.Snapshot before = TestImagePlus.snapshot(content);
		ImagePlus out = roundTrip(PlaneSelection.of(content, Mode.ALL, ""), ResultType.RGB);
		assertEquals(List.of(10, 7, 1, 3, 4), List.of(out.getWidth(), out.getHeight(), out.getNChannels(),
			out.getNSlices(), out.getNFrames()));
		assertEquals(ImagePlus.COLOR_RGB, out.getType());
		assertTrue(out.isHyperStack());
		for (int t = 1; t <= 4; t++) {
			for (int z = 1; z <= 3; z++) {
				ImageProcessor p = TestHyperstacks.plane(out, 1, z, t);
				for (int y = 0; y < 7; y++) {
					for (int x = 0; x < 10; x++) {
						// composite mode: channel 1 in red, channel 2 in green, nothing in blue
						int expected = TestHyperstacks.value(1, z, t, x, y) << 16 | TestHyperstacks.value(2, z, t, x, y) << 8;
						assertEquals(expected, p.getPixel(x, y) & 0xffffff, "z" + z + " t" + t + " at " + x + "," + y);
					}
				}
				// the label of the channel shown (channel 2 is current)
				assertEquals("c2 z" + z + " t" + t, out.getStack().getSliceLabel(out.getStackIndex(1, z, t)));
			}
		}
		Calibration cal = out.getCalibration();
		assertEquals(List.of(0.5, 0.25, 2.0, 1.0, 10.0), List.of(cal.pixelWidth, cal.pixelHeight, cal.pixelDepth,
			cal.zOrigin, cal.frameInterval));
		assertEquals("µm", cal.getUnit());
		assertEquals("min", cal.getTimeUnit());
		assertEquals("hyperstack info", out.getInfoProperty());
		before.assertUnchanged(content);
	}

	@Test
	void greyRangeKeepsTypeValuesDisplayRangeAndMovesTheZOrigin() {
		ImagePlus content = TestHyperstacks.gray16("g", 9, 5, 5, 1);
		ImagePlus out = roundTrip(PlaneSelection.of(content, Mode.SLICES, "2-4"), ResultType.GRAY16);
		assertEquals(List.of(1, 3, 1), List.of(out.getNChannels(), out.getNSlices(), out.getNFrames()));
		assertEquals(ImagePlus.GRAY16, out.getType());
		for (int i = 1; i <= 3; i++) {
			short[] expected = (short[]) content.getStack().getPixels(i + 1);
			short[] got = (short[]) out.getStack().getPixels(i);
			for (int j = 0; j < expected.length; j++) assertEquals(expected[j], got[j], "slice " + i + " sample " + j);
			assertEquals("z" + (i + 1) + " t1", out.getStack().getSliceLabel(i));
		}
		assertEquals(0, out.getDisplayRangeMin());
		assertEquals(25500, out.getDisplayRangeMax());
		// result slice 1 is content slice 2: z = (slice - origin) · depth stays where it was
		Calibration in = content.getCalibration(), cal = out.getCalibration();
		assertEquals(in.getZ(2), cal.getZ(1), 1e-12);
		assertEquals(in.getZ(4), cal.getZ(3), 1e-12);
	}

	@Test
	void timeLapseOfFramesIsATimeSeries() {
		ImagePlus content = TestHyperstacks.gray16("t", 9, 5, 1, 6);
		ImagePlus out = roundTrip(PlaneSelection.of(content, Mode.FRAMES, "2-5"), ResultType.RGB);
		assertEquals(List.of(1, 1, 4), List.of(out.getNChannels(), out.getNSlices(), out.getNFrames()));
		assertEquals(10.0, out.getCalibration().frameInterval);
		assertEquals("z1 t5", out.getStack().getSliceLabel(4));
	}

	@Test
	void anUnfinishedStackIsNotAnImage() {
		PlaneSelection s = PlaneSelection.of(TestHyperstacks.gray16("t", 9, 5, 1, 3), Mode.FRAMES, "");
		StackAssembly a = new StackAssembly(s, ResultType.GRAY16, "out");
		a.add(2, s.convert(2, "content").image());
		a.add(0, s.convert(0, "content").image());
		assertEquals("2 of 3 planes styled", assertThrows(IllegalStateException.class, a::finish).getMessage());
	}
}
