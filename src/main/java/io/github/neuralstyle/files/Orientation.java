package io.github.neuralstyle.files;

import ij.process.ImageProcessor;

/** Turns a stored image upright by its EXIF orientation (1–8), as photo viewers show it. */
final class Orientation {

	private Orientation() {}

	/** The processor as it is meant to be seen; the input is not changed unless it is returned. */
	static ImageProcessor upright(ImageProcessor ip, int orientation) {
		switch (orientation) {
			case 2:
				ip.flipHorizontal();
				return ip;
			case 3:
				ip.flipHorizontal();
				ip.flipVertical();
				return ip;
			case 4:
				ip.flipVertical();
				return ip;
			case 5: {
				ImageProcessor r = ip.rotateRight();
				r.flipHorizontal();
				return r;
			}
			case 6:
				return ip.rotateRight();
			case 7: {
				ImageProcessor r = ip.rotateLeft();
				r.flipHorizontal();
				return r;
			}
			case 8:
				return ip.rotateLeft();
			default:
				return ip;
		}
	}
}
