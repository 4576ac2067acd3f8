package io.github.neuralstyle.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.LUT;
import ij.process.ShortProcessor;

import io.github.neuralstyle.engine.RgbImage;

import java.awt.Color;

import org.junit.jupiter.api.Test;

/** RgbImage → ImagePlus, the result-type rule, and round trips for every type. */
class RgbToImageTest {

	@Test
	void gray8RoundTripIsExact() {
		byte[] px = { 0, 7, (byte) 128, (byte) 255 };
		ImagePlus content = new ImagePlus("c", new ByteProcessor(2, 2, px.clone()));
		ImagePlus out = roundTrip(content, ResultType.GRAY8);
		assertEquals(ImagePlus.GRAY8, out.getType());
		assertArrayEquals(px, (byte[]) out.getProcessor().getPixels());
	}

	@Test
	void invertedGray8RoundTripIsExactAndKeepsTheLut() {
		ByteProcessor bp = new ByteProcessor(2, 1, new byte[] { 10, (byte) 240 });
		bp.invertLut();
		ImagePlus out = roundTrip(new ImagePlus("c", bp), ResultType.GRAY8);
		assertArrayEquals(new byte[] { 10, (byte) 240 }, (byte[]) out.getProcessor().getPixels());
		assertTrue(out.isInvertedLut());
	}

	@Test
	void gray16RoundTripInsideTheDisplayRange() {
		ImagePlus content = new ImagePlus("c", new ShortProcessor(3, 1, new short[] { 1000, 1234, 3000 }, null));
		content.setDisplayRange(1000, 3000);
		ImagePlus out = roundTrip(content, ResultType.GRAY16);
		assertEquals(ImagePlus.GRAY16, out.getType());
		assertArrayEquals(new short[] { 1000, 1234, 3000 }, (short[]) out.getProcessor().getPixels());
		assertEquals(1000, out.getDisplayRangeMin());
		assertEquals(3000, out.getDisplayRangeMax());
	}

	@Test
	void gray32RoundTripInsideTheDisplayRange() {
		ImagePlus content = new ImagePlus("c", new FloatProcessor(2, 1, new float[] { -1.5f, 2.25f }));
		content.setDisplayRange(-2, 3);
		ImagePlus out = roundTrip(content, ResultType.GRAY32);
		assertArrayEquals(new float[] { -1.5f, 2.25f }, (float[]) out.getProcessor().getPixels(), 1e-5f);
	}

	@Test
	void rgbRoundTripIsExact() {
		int[] px = { 0xff102030, 0xffff8000, 0xff000000, 0xffffffff };
		ImagePlus out = roundTrip(new ImagePlus("c", new ColorProcessor(2, 2, px.clone())), ResultType.RGB);
		assertEquals(ImagePlus.COLOR_RGB, out.getType());
		assertArrayEquals(px, (int[]) out.getProcessor().getPixels());
	}

	@Test
	void resultTypeIsRgbWhenEitherSideIsColour() {
		ImagePlus gray16 = new ImagePlus("g", new ShortProcessor(2, 2));
		ImagePlus rgb = new ImagePlus("rgb", new ColorProcessor(2, 2));
		ByteProcessor lutted = new ByteProcessor(2, 2);
		lutted.setLut(LUT.createLutFromColor(Color.GREEN));
		ImagePlus green = new ImagePlus("green", lutted);
		ConvertedImage g = ImageToRgb.convert(gray16, "content");
		assertEquals(ResultType.GRAY16, ResultType.of(gray16, g, g));
		assertEquals(ResultType.RGB, ResultType.of(gray16, g, ImageToRgb.convert(rgb, "style")));
		assertEquals(ResultType.RGB, ResultType.of(green, ImageToRgb.convert(green, "content"), g));
		ImagePlus f = new ImagePlus("f", new FloatProcessor(2, 2));
		assertEquals(ResultType.GRAY32, ResultType.of(f, g, g));
	}

	@Test
	void compositeInGrayscaleModeGivesAGrayResultWithoutTheChannelColour() {
		ij.CompositeImage ci = ImageToRgbTest.threeChannels(ij.IJ.GRAYSCALE);
		ci.setC(2);
		ConvertedImage c = ImageToRgb.convert(ci, "content");
		assertEquals(ResultType.GRAY8, ResultType.of(ci, c, c));
		ImagePlus out = RgbToImage.toImagePlus(c.image(), ResultType.GRAY8, ci, "out");
		assertEquals(150, out.getProcessor().get(0, 0));
		assertTrue(!out.getProcessor().isColorLut());
	}

	@Test
	void calibrationIsCopiedAndRescaledAndMetadataKept() {
		ImagePlus content = new ImagePlus("c", new ByteProcessor(40, 20));
		Calibration cal = content.getCalibration();
		cal.pixelWidth = 0.5;
		cal.pixelHeight = 0.25;
		cal.setUnit("µm");
		cal.xOrigin = 10;
		content.setProperty("Info", "acquired on Tuesday");
		content.setProp("Objective", "63x");
		ImagePlus out = RgbToImage.toImagePlus(new RgbImage(20, 10, new float[3 * 200]), ResultType.RGB, content, "r");
		assertEquals("r", out.getTitle());
		assertEquals(1.0, out.getCalibration().pixelWidth, 1e-12);
		assertEquals(0.5, out.getCalibration().pixelHeight, 1e-12);
		assertEquals(5, out.getCalibration().xOrigin, 1e-12);
		assertEquals("µm", out.getCalibration().getUnit());
		assertEquals("acquired on Tuesday", out.getInfoProperty());
		assertEquals("63x", out.getProp("Objective"));
		assertEquals(0.5, content.getCalibration().pixelWidth, "content calibration untouched");
	}

	private static ImagePlus roundTrip(ImagePlus content, ResultType type) {
		RgbImage rgb = ImageToRgb.convert(content, "content").image();
		return RgbToImage.toImagePlus(rgb, type, content, "out");
	}
}
