package io.github.neuralstyle.files;

import ij.ImagePlus;
import ij.process.ColorProcessor;

import java.awt.image.Raster;
import java.io.IOException;

/**
 * CMYK JPEGs (print workflows), which ImageJ cannot open and ImageIO decodes to wrong colours:
 * the raw four channels are converted with the naive formula R = (1−C)(1−K) etc. Adobe's files
 * store the channels inverted (their APP14 segment says so). No ICC profile is applied, so the
 * colours are close, not exact, and the reader says so. YCCK-encoded files are refused.
 */
final class CmykJpeg {

	/** The ImagePlus property carrying the notice for the user. */
	static final String NOTICE = "neural-style.notice";

	private CmykJpeg() {}

	/** The raster's CMYK as an RGB image. */
	static ImagePlus toImagePlus(Raster raster, JpegMarkers markers, String what) throws IOException {
		if (markers.adobe() == 2) {
			throw new IOException(what + " is a YCCK-encoded CMYK JPEG, which is not read here: save it as an RGB JPEG, PNG "
				+ "or TIFF first");
		}
		int w = raster.getWidth(), h = raster.getHeight();
		boolean inverted = markers.adobe() >= 0;
		int[] px = new int[w * h];
		int[] cmyk = new int[4];
		for (int y = 0, i = 0; y < h; y++) {
			for (int x = 0; x < w; x++, i++) {
				raster.getPixel(raster.getMinX() + x, raster.getMinY() + y, cmyk);
				int k = inverted ? cmyk[3] : 255 - cmyk[3];
				int r = (inverted ? cmyk[0] : 255 - cmyk[0]) * k / 255;
				int g = (inverted ? cmyk[1] : 255 - cmyk[1]) * k / 255;
				int b = (inverted ? cmyk[2] : 255 - cmyk[2]) * k / 255;
				px[i] = (r << 16) | (g << 8) | b;
			}
		}
		ImagePlus imp = new ImagePlus("cmyk", new ColorProcessor(w, h, px));
		imp.setProperty(NOTICE, "a CMYK JPEG, converted to RGB without its colour profile: colours are approximate");
		return imp;
	}
}
