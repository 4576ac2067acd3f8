package io.github.neuralstyle.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.CompositeImage;
import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.LUT;
import ij.process.ShortProcessor;

import io.github.neuralstyle.engine.RgbImage;

import java.awt.Color;

import org.junit.jupiter.api.Test;

/** ImagePlus → RgbImage for every ImageJ type. */
class ImageToRgbTest {

	private static final float EPS = 1e-6f;

	@Test
	void gray8UsesDisplayRangeAndGivesGray() {
		ByteProcessor bp = new ByteProcessor(4, 1, new byte[] { 0, 50, 100, (byte) 200 });
		ImagePlus imp = new ImagePlus("g8", bp);
		imp.setDisplayRange(50, 150);
		ConvertedImage c = ImageToRgb.convert(imp, "content");
		assertFalse(c.colour());
		assertEquals("", c.position());
		float[] expected = { 0, 0, 0.5f, 1 };
		for (int ch = 0; ch < 3; ch++) {
			for (int x = 0; x < 4; x++) assertEquals(expected[x], c.image().get(ch, x, 0), EPS);
		}
	}

	@Test
	void invertedLutIsHonoured() {
		ByteProcessor bp = new ByteProcessor(2, 1, new byte[] { 0, (byte) 255 });
		bp.invertLut();
		ConvertedImage c = ImageToRgb.convert(new ImagePlus("inv", bp), "content");
		assertFalse(c.colour());
		assertEquals(1, c.image().get(0, 0, 0), EPS);
		assertEquals(0, c.image().get(2, 1, 0), EPS);
	}

	@Test
	void colourLutMakesAColourImage() {
		ByteProcessor bp = new ByteProcessor(2, 1, new byte[] { 0, (byte) 255 });
		bp.setLut(LUT.createLutFromColor(Color.RED));
		ConvertedImage c = ImageToRgb.convert(new ImagePlus("red", bp), "content");
		assertTrue(c.colour());
		assertEquals(1, c.image().get(0, 1, 0), EPS);
		assertEquals(0, c.image().get(1, 1, 0), EPS);
		assertEquals(0, c.image().get(2, 1, 0), EPS);
	}

	@Test
	void gray16KeepsFullPrecisionInsideTheRange() {
		ShortProcessor sp = new ShortProcessor(3, 1, new short[] { 1000, 1001, 3000 }, null);
		ImagePlus imp = new ImagePlus("g16", sp);
		imp.setDisplayRange(1000, 3000);
		RgbImage rgb = ImageToRgb.convert(imp, "content").image();
		assertEquals(0, rgb.get(1, 0, 0), EPS);
		assertEquals(1 / 2000f, rgb.get(1, 1, 0), 1e-6);
		assertEquals(1, rgb.get(1, 2, 0), EPS);
	}

	@Test
	void gray32NanCountsAsMinimumAndInfinitiesClip() {
		FloatProcessor fp = new FloatProcessor(4, 1, new float[] { Float.NaN, Float.POSITIVE_INFINITY,
			Float.NEGATIVE_INFINITY, 0.5f });
		ImagePlus imp = new ImagePlus("g32", fp);
		imp.setDisplayRange(0, 1);
		ConvertedImage c = ImageToRgb.convert(imp, "content");
		assertEquals(1, c.nanPixels());
		assertArrayEquals(new float[] { 0, 1, 0, 0.5f }, new float[] { c.image().get(0, 0, 0), c.image().get(0, 1, 0),
			c.image().get(0, 2, 0), c.image().get(0, 3, 0) }, EPS);
	}

	@Test
	void nonFiniteDisplayRangeIsRefusedWithAHint() {
		FloatProcessor fp = new FloatProcessor(2, 1, new float[] { Float.NaN, Float.NaN });
		ImagePlus imp = new ImagePlus("allnan", fp);
		imp.setDisplayRange(Double.NaN, Double.NaN);
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageToRgb.convert(imp, "style"));
		assertTrue(e.getMessage().contains("style image 'allnan'"), e.getMessage());
		assertTrue(e.getMessage().contains("Brightness/Contrast"), e.getMessage());
	}

	@Test
	void rgbChannelsAreExact() {
		ColorProcessor cp = new ColorProcessor(2, 1, new int[] { 0xff102030, 0xffff8000 });
		ConvertedImage c = ImageToRgb.convert(new ImagePlus("rgb", cp), "content");
		assertTrue(c.colour());
		assertEquals(0x10 / 255f, c.image().get(0, 0, 0), EPS);
		assertEquals(0x20 / 255f, c.image().get(1, 0, 0), EPS);
		assertEquals(0x30 / 255f, c.image().get(2, 0, 0), EPS);
		assertEquals(1, c.image().get(0, 1, 0), EPS);
		assertEquals(0x80 / 255f, c.image().get(1, 1, 0), EPS);
	}

	@Test
	void compositeAddsActiveChannelsInTheirLutColours() {
		CompositeImage ci = threeChannels(IJ.COMPOSITE);
		ConvertedImage c = ImageToRgb.convert(ci, "content");
		assertTrue(c.colour());
		assertEquals("channels 1+2+3 (composite)", c.position());
		assertEquals(100 / 255f, c.image().get(0, 0, 0), EPS);
		assertEquals(150 / 255f, c.image().get(1, 0, 0), EPS);
		assertEquals(200 / 255f, c.image().get(2, 0, 0), EPS);

		ci.setActiveChannels("101");
		c = ImageToRgb.convert(ci, "content");
		assertEquals("channels 1+3 (composite)", c.position());
		assertEquals(0, c.image().get(1, 0, 0), EPS);
	}

	@Test
	void compositeInColourOrGrayModeUsesTheCurrentChannel() {
		CompositeImage ci = threeChannels(IJ.COLOR);
		ci.setC(2);
		ConvertedImage c = ImageToRgb.convert(ci, "content");
		assertTrue(c.colour());
		assertEquals("channel 2/3", c.position());
		assertEquals(0, c.image().get(0, 0, 0), EPS);
		assertEquals(150 / 255f, c.image().get(1, 0, 0), EPS);

		ci.setMode(IJ.GRAYSCALE);
		c = ImageToRgb.convert(ci, "content");
		assertFalse(c.colour());
		assertEquals(150 / 255f, c.image().get(0, 0, 0), EPS);
	}

	@Test
	void stackUsesTheCurrentSliceAndSaysWhich() {
		ImageStack stack = new ImageStack(2, 1);
		for (int z = 0; z < 3; z++) stack.addSlice(new ByteProcessor(2, 1, new byte[] { (byte) (10 * z), 0 }));
		ImagePlus imp = new ImagePlus("stack", stack);
		imp.setDisplayRange(0, 255);
		imp.setSlice(3);
		ConvertedImage c = ImageToRgb.convert(imp, "content");
		assertEquals("slice 3/3", c.position());
		assertEquals(20 / 255f, c.image().get(0, 0, 0), EPS);
		assertEquals(3, imp.getCurrentSlice(), "position unchanged");
	}

	@Test
	void hyperstackReportsSliceAndFrame() {
		ImageStack stack = new ImageStack(2, 1);
		for (int k = 0; k < 6; k++) stack.addSlice(new ShortProcessor(2, 1, new short[] { (short) k, 5 }, null));
		ImagePlus imp = new ImagePlus("hyper", stack);
		imp.setDimensions(1, 2, 3);
		imp.setOpenAsHyperStack(true);
		imp.setDisplayRange(0, 5);
		imp.setPosition(1, 2, 3);
		ConvertedImage c = ImageToRgb.convert(imp, "content");
		assertEquals("slice 2/2, frame 3/3", c.position());
		assertEquals(1, c.image().get(0, 0, 0), EPS); // stack index 6 holds value 5
	}

	@Test
	void elongatedImagesAreRefusedByShape() {
		ImagePlus line = new ImagePlus("line", new ByteProcessor(1, 300));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> ImageToRgb.requireUsableShape("content", line, 512));
		assertTrue(e.getMessage().contains("content image 'line' is 1×300 px"), e.getMessage());
		assertDoesNotThrow(() -> ImageToRgb.requireUsableShape("style", new ImagePlus("ok", new ByteProcessor(32, 16)), 32));
	}

	@Test
	void convertingLeavesTheImageUntouched() {
		ShortProcessor sp = new ShortProcessor(2, 2, new short[] { 1, 2, 3, 4 }, null);
		ImagePlus imp = new ImagePlus("keep", sp);
		imp.setDisplayRange(0, 3);
		ImageToRgb.convert(imp, "content");
		assertArrayEquals(new short[] { 1, 2, 3, 4 }, (short[]) imp.getProcessor().getPixels());
		assertEquals(3, imp.getDisplayRangeMax());
	}

	/** A 1-pixel, 3-channel 8-bit composite: red 100, green 150, blue 200. */
	static CompositeImage threeChannels(int mode) {
		ImageStack stack = new ImageStack(1, 1);
		stack.addSlice(new ByteProcessor(1, 1, new byte[] { 100 }));
		stack.addSlice(new ByteProcessor(1, 1, new byte[] { (byte) 150 }));
		stack.addSlice(new ByteProcessor(1, 1, new byte[] { (byte) 200 }));
		ImagePlus imp = new ImagePlus("comp", stack);
		imp.setDimensions(3, 1, 1);
		CompositeImage ci = new CompositeImage(imp, mode);
		Color[] colours = { Color.RED, Color.GREEN, Color.BLUE };
		for (int c = 1; c <= 3; c++) {
			LUT lut = LUT.createLutFromColor(colours[c - 1]);
			lut.min = 0;
			lut.max = 255;
			ci.setChannelLut(lut, c);
		}
		return ci;
	}
}
