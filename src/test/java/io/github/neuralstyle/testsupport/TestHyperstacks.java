package io.github.neuralstyle.testsupport;

import ij.CompositeImage;
import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;
import ij.process.LUT;
import ij.process.ShortProcessor;

import java.awt.Color;

/**
 * Small 5D images whose every plane is told apart by its pixels and its label, with a full
 * calibration (pixel size, slice spacing and origin, frame interval in minutes).
 */
public final class TestHyperstacks {

	private TestHyperstacks() {}

	/**
	 * An 8-bit composite (composite mode) of {@code nc} channels × {@code nz} slices × {@code nt}
	 * frames: channel 1 red, 2 green, 3 blue, display ranges 0–255; pixel (x, y) of plane
	 * (c, z, t) is {@link #value}; labels "c1 z2 t3". Positioned at (1, 1, 1).
	 */
	public static ImagePlus composite(String title, int w, int h, int nc, int nz, int nt) {
		ImageStack stack = new ImageStack(w, h);
		for (int t = 1; t <= nt; t++) {
			for (int z = 1; z <= nz; z++) {
				for (int c = 1; c <= nc; c++) {
					byte[] p = new byte[w * h];
					for (int y = 0; y < h; y++) {
						for (int x = 0; x < w; x++) p[y * w + x] = (byte) value(c, z, t, x, y);
					}
					stack.addSlice("c" + c + " z" + z + " t" + t, new ByteProcessor(w, h, p));
				}
			}
		}
		ImagePlus imp = new ImagePlus(title, stack);
		imp.setDimensions(nc, nz, nt);
		imp.setOpenAsHyperStack(true);
		CompositeImage ci = new CompositeImage(imp, IJ.COMPOSITE);
		Color[] colours = { Color.RED, Color.GREEN, Color.BLUE };
		for (int c = 1; c <= nc; c++) {
			LUT lut = LUT.createLutFromColor(colours[(c - 1) % 3]);
			lut.min = 0;
			lut.max = 255;
			ci.setChannelLut(lut, c);
		}
		calibrate(ci);
		ci.setPosition(1, 1, 1);
		return ci;
	}

	/** A 16-bit grey hyperstack of {@code nz} slices × {@code nt} frames, same values (×100), display range 0–25500. */
	public static ImagePlus gray16(String title, int w, int h, int nz, int nt) {
		ImageStack stack = new ImageStack(w, h);
		for (int t = 1; t <= nt; t++) {
			for (int z = 1; z <= nz; z++) {
				short[] p = new short[w * h];
				for (int y = 0; y < h; y++) {
					for (int x = 0; x < w; x++) p[y * w + x] = (short) (100 * value(1, z, t, x, y));
				}
				stack.addSlice("z" + z + " t" + t, new ShortProcessor(w, h, p, null));
			}
		}
		ImagePlus imp = new ImagePlus(title, stack);
		imp.setDimensions(1, nz, nt);
		imp.setOpenAsHyperStack(nz > 1 && nt > 1);
		imp.setDisplayRange(0, 25500);
		calibrate(imp);
		return imp;
	}

	/** The 8-bit value of pixel (x, y) of plane (c, z, t): a ramp whose offset and slope differ per plane. */
	public static int value(int c, int z, int t, int x, int y) {
		return (40 * c + 25 * z + 11 * t + (x + 2 * y) * (1 + (z + t) % 3)) % 256;
	}

	/** The processor of plane (c, z, t). */
	public static ImageProcessor plane(ImagePlus imp, int c, int z, int t) {
		return imp.getStack().getProcessor(imp.getStackIndex(c, z, t));
	}

	private static void calibrate(ImagePlus imp) {
		Calibration cal = imp.getCalibration();
		cal.pixelWidth = 0.5;
		cal.pixelHeight = 0.25;
		cal.pixelDepth = 2;
		cal.zOrigin = 1;
		cal.setUnit("µm");
		cal.frameInterval = 10;
		cal.setTimeUnit("min");
		imp.setProperty("Info", "hyperstack info");
	}
}
