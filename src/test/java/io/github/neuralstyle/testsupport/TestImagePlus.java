package io.github.neuralstyle.testsupport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ij.CompositeImage;
import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

import io.github.neuralstyle.engine.RgbImage;

import java.util.ArrayList;
import java.util.List;

/** Small ImageJ images of every type, with calibration and Info, and snapshots to prove them untouched. */
public final class TestImagePlus {

	private TestImagePlus() {}

	/**
	 * An image of {@code kind}: gray8, gray16, gray32, rgb, composite (3 channels), stack
	 * (8-bit, 3 slices, slice 2 current) or hyperstack (16-bit, 2 slices × 2 frames, at 2,2).
	 * Pixel size 0.5 µm, Info "content info".
	 */
	public static ImagePlus of(String kind, String title, int w, int h) {
		ImagePlus imp;
		switch (kind) {
			case "gray8": imp = new ImagePlus(title, gray(w, h, 0).convertToByte(true)); break;
			case "gray16": imp = new ImagePlus(title, gray(w, h, 0).convertToShort(true)); break;
			case "gray32": imp = new ImagePlus(title, gray(w, h, 0)); imp.setDisplayRange(0, 1); break;
			case "rgb": imp = new ImagePlus(title, rgb(w, h)); break;
			case "composite": imp = composite(title, w, h); break;
			case "stack": imp = stack(title, w, h, 3, 1, 8); imp.setSlice(2); break;
			case "hyperstack": imp = stack(title, w, h, 2, 2, 16); imp.setPosition(1, 2, 2); break;
			default: throw new IllegalArgumentException(kind);
		}
		imp.getCalibration().pixelWidth = 0.5;
		imp.getCalibration().pixelHeight = 0.5;
		imp.getCalibration().setUnit("µm");
		imp.setProperty("Info", "content info");
		return imp;
	}

	/** "GRAY8", "GRAY16", "GRAY32" or "RGB". */
	public static String typeName(ImagePlus imp) {
		switch (imp.getType()) {
			case ImagePlus.GRAY8: return "GRAY8";
			case ImagePlus.GRAY16: return "GRAY16";
			case ImagePlus.GRAY32: return "GRAY32";
			case ImagePlus.COLOR_RGB: return "RGB";
			default: return "type " + imp.getType();
		}
	}

	/** A copy of everything the command must not change. */
	public static Snapshot snapshot(ImagePlus imp) {
		List<Object> pixels = new ArrayList<>();
		for (int i = 1; i <= imp.getStackSize(); i++) pixels.add(copy(imp.getStack().getPixels(i)));
		return new Snapshot(imp.getTitle(), pixels, imp.getCurrentSlice(), imp.getDisplayRangeMin(),
			imp.getDisplayRangeMax(), imp.getCalibration().pixelWidth, imp.getInfoProperty());
	}

	/** What {@link #snapshot} recorded. */
	public record Snapshot(String title, List<Object> pixels, int slice, double min, double max, double pixelWidth,
		String info)
	{
		/** Asserts that {@code imp} still matches. */
		public void assertUnchanged(ImagePlus imp) {
			assertEquals(this, snapshot(imp).withPixelsOf(this));
			for (int i = 0; i < pixels.size(); i++) {
				Object p = imp.getStack().getPixels(i + 1);
				if (p instanceof byte[]) assertArrayEquals((byte[]) pixels.get(i), (byte[]) p);
				else if (p instanceof short[]) assertArrayEquals((short[]) pixels.get(i), (short[]) p);
				else if (p instanceof float[]) assertArrayEquals((float[]) pixels.get(i), (float[]) p);
				else assertArrayEquals((int[]) pixels.get(i), (int[]) p);
			}
		}

		private Snapshot withPixelsOf(Snapshot other) {
			return new Snapshot(title, other.pixels, slice, min, max, pixelWidth, info);
		}
	}

	private static Object copy(Object pixels) {
		if (pixels instanceof byte[]) return ((byte[]) pixels).clone();
		if (pixels instanceof short[]) return ((short[]) pixels).clone();
		if (pixels instanceof float[]) return ((float[]) pixels).clone();
		return ((int[]) pixels).clone();
	}

	/** Luminance of {@link TestImages#content}, shifted by {@code phase} so planes differ. */
	private static FloatProcessor gray(int w, int h, int phase) {
		RgbImage c = TestImages.content(w, h);
		float[] f = new float[w * h];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				f[y * w + x] = 0.3f * c.get(0, (x + phase) % w, y) + 0.6f * c.get(1, x, y) + 0.1f * c.get(2, x, y);
			}
		}
		return new FloatProcessor(w, h, f);
	}

	private static ColorProcessor rgb(int w, int h) {
		RgbImage c = TestImages.style(w, h);
		int[] px = new int[w * h];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				px[y * w + x] = 0xff000000 | Math.round(255 * c.get(0, x, y)) << 16 | Math.round(255 * c.get(1, x, y)) << 8
					| Math.round(255 * c.get(2, x, y));
			}
		}
		return new ColorProcessor(w, h, px);
	}

	private static ImagePlus composite(String title, int w, int h) {
		ImagePlus imp = stack(title, w, h, 3, 1, 8);
		imp.setDimensions(3, 1, 1);
		return new CompositeImage(imp, IJ.COMPOSITE);
	}

	private static ImagePlus stack(String title, int w, int h, int planesA, int planesB, int bits) {
		ImageStack stack = new ImageStack(w, h);
		for (int i = 0; i < planesA * planesB; i++) {
			FloatProcessor f = gray(w, h, 3 * i);
			ImageProcessor p = bits == 8 ? f.convertToByte(true) : f.convertToShort(true);
			stack.addSlice(p);
		}
		ImagePlus imp = new ImagePlus(title, stack);
		if (planesB > 1) {
			imp.setDimensions(1, planesA, planesB);
			imp.setOpenAsHyperStack(true);
		}
		return imp;
	}
}
