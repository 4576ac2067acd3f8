package io.github.neuralstyle.image;

import ij.ImagePlus;
import ij.process.ImageProcessor;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.RealType;

/**
 * Wraps single planes of an {@link ImagePlus} as ImgLib2 images without copying
 * (imglib2-ij is not available, so this is the small part of it we need).
 */
public final class ImagePlanes {

	private ImagePlanes() {}

	/**
	 * The plane at 1-based channel {@code c}, slice {@code z}, frame {@code t} of a grey-level
	 * image (8, 16 or 32 bit), sharing the image's pixel array.
	 */
	public static ArrayImg<? extends RealType<?>, ?> gray(ImagePlus imp, int c, int z, int t) {
		ImageProcessor ip = processor(imp, c, z, t);
		long w = ip.getWidth(), h = ip.getHeight();
		Object pixels = ip.getPixels();
		if (pixels instanceof byte[]) return ArrayImgs.unsignedBytes((byte[]) pixels, w, h);
		if (pixels instanceof short[]) return ArrayImgs.unsignedShorts((short[]) pixels, w, h);
		if (pixels instanceof float[]) return ArrayImgs.floats((float[]) pixels, w, h);
		throw new IllegalArgumentException("'" + imp.getTitle() + "' is not a grey-level image (bit depth "
			+ imp.getBitDepth() + ")");
	}

	/** The RGB plane at slice {@code z}, frame {@code t} of an RGB image, sharing its pixel array. */
	public static ArrayImg<ARGBType, ?> rgb(ImagePlus imp, int z, int t) {
		ImageProcessor ip = processor(imp, 1, z, t);
		if (!(ip.getPixels() instanceof int[])) {
			throw new IllegalArgumentException("'" + imp.getTitle() + "' is not an RGB image");
		}
		return ArrayImgs.argbs((int[]) ip.getPixels(), ip.getWidth(), ip.getHeight());
	}

	/** The processor of one plane; the current one when the image is not a stack. */
	static ImageProcessor processor(ImagePlus imp, int c, int z, int t) {
		if (imp.getStackSize() == 1) return imp.getProcessor();
		// The stack's own processor, not imp.getProcessor(): that one belongs to the displayed
		// position and would move the image's position if we used setPosition.
		return imp.getStack().getProcessor(imp.getStackIndex(c, z, t));
	}
}
