package io.github.neuralstyle.image;

import ij.ImagePlus;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;

/**
 * A label image (0 = background, each other whole number a region) read as raw pixel values:
 * 8- and 16-bit images give their values as stored (not through the display range or a LUT),
 * 32-bit images must hold whole numbers. RGB images are refused: a colour is not a label.
 */
public final class LabelImage {

	private LabelImage() {}

	/** The current plane's labels, row-major; throws naming the problem and the fix. */
	public static int[] labels(ImagePlus imp) {
		String what = "label image '" + imp.getTitle() + "'";
		ImageProcessor ip = imp.getProcessor();
		if (ip instanceof ColorProcessor) {
			throw new IllegalArgumentException(what + " is RGB: labels must be an 8- or 16-bit grey image with 0 for the "
				+ "background and 1, 2, … for the regions (Image › Type › 8-bit on an index image)");
		}
		int w = ip.getWidth(), h = ip.getHeight();
		int[] out = new int[w * h];
		boolean isFloat = imp.getBitDepth() == 32;
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				int v;
				if (isFloat) {
					float f = ip.getf(x, y);
					if (!(f >= 0) || f != Math.rint(f) || f > Integer.MAX_VALUE) {
						throw new IllegalArgumentException(what + " has the value " + f + " at (" + x + ", " + y
							+ "): labels must be whole numbers ≥ 0; convert it to 16-bit");
					}
					v = (int) f;
				}
				else {
					v = ip.get(x, y);
				}
				out[y * w + x] = v;
			}
		}
		return out;
	}
}
