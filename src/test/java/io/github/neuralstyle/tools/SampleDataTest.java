package io.github.neuralstyle.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.io.Opener;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The committed sample images are exactly what the generator makes, and look like images. */
class SampleDataTest {

	private static final Path DIR = Paths.get("sample-data");

	@Test
	void committedImagesMatchTheGenerator() throws IOException {
		assertSame(SampleData.cells(256, 192, 7), "content-cells.png");
		assertSame(SampleData.waves(256, 256), "style-waves.png");
		assertSame(SampleData.mosaic(256, 256, 11), "style-mosaic.png");
		assertSame(SampleData.brush(256, 256, 5), "style-brush.png");
	}

	@Test
	void committedCellLabelsMatchTheGeneratorAndCoverTheCells() throws IOException {
		BufferedImage want = SampleData.cellLabels(256, 192, 7);
		BufferedImage got = ImageIO.read(DIR.resolve("labels-cells.png").toFile());
		assertEquals(BufferedImage.TYPE_BYTE_GRAY, got.getType());
		int[] a = want.getRaster().getPixels(0, 0, 256, 192, (int[]) null);
		assertArrayEquals(a, got.getRaster().getPixels(0, 0, 256, 192, (int[]) null), "regenerate labels-cells.png");
		// Labels 0 and 1 only; cells are green in the content, so labelled pixels are greener on average.
		BufferedImage cells = ImageIO.read(DIR.resolve("content-cells.png").toFile());
		double[] green = new double[2];
		int[] count = new int[2];
		for (int i = 0; i < a.length; i++) {
			assertTrue(a[i] == 0 || a[i] == 1, "label " + a[i]);
			green[a[i]] += (cells.getRGB(i % 256, i / 256) >> 8) & 0xff;
			count[a[i]]++;
		}
		assertTrue(count[1] > a.length / 10 && count[0] > a.length / 10, "cells " + count[1] + " background " + count[0]);
		assertTrue(green[1] / count[1] > 2 * green[0] / count[0], "cells not greener than the background");
	}

	@Test
	void committedTimeLapseMatchesTheGeneratorWithItsCalibration() {
		ImagePlus imp = new Opener().openImage(DIR.resolve("timelapse-cells.tif").toString());
		assertEquals(128, imp.getWidth());
		assertEquals(96, imp.getHeight());
		assertEquals(ImagePlus.COLOR_RGB, imp.getType());
		assertEquals(16, imp.getNFrames(), "a time series, not a z-stack");
		assertEquals(1, imp.getNSlices());
		assertEquals(TimeLapse.FRAME_INTERVAL_MIN, imp.getCalibration().frameInterval, 0);
		assertEquals("min", imp.getCalibration().getTimeUnit());
		BufferedImage[] frames = TimeLapse.frames(128, 96, 13);
		for (int t = 0; t < frames.length; t++) {
			int[] expected = frames[t].getRGB(0, 0, 128, 96, null, 0, 128);
			int[] actual = (int[]) imp.getStack().getPixels(t + 1);
			for (int i = 0; i < expected.length; i++) expected[i] &= 0xffffff;
			for (int i = 0; i < actual.length; i++) actual[i] &= 0xffffff;
			assertArrayEquals(expected, actual, "frame " + (t + 1) + " differs from the generator: regenerate");
		}
		// Consecutive frames differ (cells move) but little (they move slowly).
		double step = meanAbsDiff(frames[3], frames[4]);
		assertTrue(step > 1 && step < 20, "mean change between frames " + step);
	}

	@Test
	void generatorIsDeterministicToTheByte() throws IOException {
		assertArrayEquals(SampleData.png(SampleData.mosaic(64, 64, 3)), SampleData.png(SampleData.mosaic(64, 64, 3)));
		assertArrayEquals(SampleData.png(SampleData.cells(64, 48, 3)), SampleData.png(SampleData.cells(64, 48, 3)));
	}

	@Test
	void stylesAreColourfulAndDistinct() {
		BufferedImage[] styles = {SampleData.waves(256, 256), SampleData.mosaic(256, 256, 11), SampleData.brush(256, 256, 5)};
		for (BufferedImage s : styles) {
			assertTrue(meanChroma(s) > 80, "a style image should be strongly coloured");
			assertTrue(meanGradient(s) > 20, "a style image should be strongly textured");
		}
		for (int a = 0; a < styles.length; a++) {
			for (int b = a + 1; b < styles.length; b++) {
				assertTrue(meanAbsDiff(styles[a], styles[b]) > 40, "styles " + a + " and " + b + " look alike");
			}
		}
	}

	private static void assertSame(BufferedImage expected, String name) throws IOException {
		BufferedImage actual = ImageIO.read(DIR.resolve(name).toFile());
		assertEquals(expected.getWidth(), actual.getWidth(), name);
		assertEquals(expected.getHeight(), actual.getHeight(), name);
		int[] e = expected.getRGB(0, 0, expected.getWidth(), expected.getHeight(), null, 0, expected.getWidth());
		int[] a = actual.getRGB(0, 0, actual.getWidth(), actual.getHeight(), null, 0, actual.getWidth());
		assertArrayEquals(e, a, name + " differs from the generator: regenerate (see sample-data/README.md)");
	}

	/** Mean of max(r,g,b) - min(r,g,b): 0 for greys, 255 for pure primaries. */
	private static double meanChroma(BufferedImage img) {
		long sum = 0;
		for (int y = 0; y < img.getHeight(); y++) {
			for (int x = 0; x < img.getWidth(); x++) {
				int p = img.getRGB(x, y), r = (p >> 16) & 255, g = (p >> 8) & 255, b = p & 255;
				sum += Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
			}
		}
		return sum / (double) (img.getWidth() * img.getHeight());
	}

	/** Mean absolute horizontal difference summed over channels. */
	private static double meanGradient(BufferedImage img) {
		long sum = 0;
		for (int y = 0; y < img.getHeight(); y++) {
			for (int x = 1; x < img.getWidth(); x++) {
				int p = img.getRGB(x, y), q = img.getRGB(x - 1, y);
				for (int shift = 0; shift < 24; shift += 8) sum += Math.abs(((p >> shift) & 255) - ((q >> shift) & 255));
			}
		}
		return sum / (double) (img.getWidth() * img.getHeight());
	}

	private static double meanAbsDiff(BufferedImage a, BufferedImage b) {
		long sum = 0;
		for (int y = 0; y < a.getHeight(); y++) {
			for (int x = 0; x < a.getWidth(); x++) {
				int p = a.getRGB(x, y), q = b.getRGB(x, y);
				for (int shift = 0; shift < 24; shift += 8) sum += Math.abs(((p >> shift) & 255) - ((q >> shift) & 255));
			}
		}
		return sum / (3.0 * a.getWidth() * a.getHeight());
	}
}
