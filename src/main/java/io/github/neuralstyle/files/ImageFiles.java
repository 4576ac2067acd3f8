package io.github.neuralstyle.files;

import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.files.ImageFileReader;
import io.github.neuralstyle.files.OutputFile;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/**
 * Reads image files as the Fiji command sees them ({@link ImageFileReader}) and writes 8-bit RGB
 * results with the JDK's ImageIO, never over anything but a regular file ({@link OutputFile}).
 */
public final class ImageFiles {

	private ImageFiles() {}

	/** Reads an image as RGB in [0,1] (see {@link ImageFileReader}); notices are dropped. */
	public static RgbImage read(Path file) throws IOException {
		return ImageFileReader.read(file, "image", StyleTransferSettings.MAX_SIZE).image();
	}

	/** Writes an image, rounding to 8 bits; the format follows the extension (.png, .jpg/.jpeg, .tif/.tiff, .bmp). */
	public static void write(RgbImage image, Path file) throws IOException {
		write(image, file, "--out");
	}

	/** As {@link #write(RgbImage, Path)}; {@code option} names where the path came from in errors ("--out", "output="). */
	public static void write(RgbImage image, Path file, String option) throws IOException {
		String ext = OutputFile.extension(file.getFileName().toString());
		String format = ext.equals("jpg") || ext.equals("jpeg") ? "jpeg"
			: ext.equals("tif") || ext.equals("tiff") ? "tiff" : ext.equals("bmp") ? "bmp" : "png";
		BufferedImage img = toBufferedImage(image);
		OutputFile.replace(option, file, tmp -> ImageIO.write(img, format, tmp.toFile()));
	}

	/** The image as an 8-bit RGB BufferedImage (values rounded and clipped to 0–255). */
	public static BufferedImage toBufferedImage(RgbImage image) {
		int w = image.width();
		int h = image.height();
		BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		int plane = w * h;
		float[] d = image.data();
		int[] rgb = new int[plane];
		for (int i = 0; i < plane; i++) {
			rgb[i] = (to8(d[i]) << 16) | (to8(d[plane + i]) << 8) | to8(d[2 * plane + i]);
		}
		img.setRGB(0, 0, w, h, rgb, 0, w);
		return img;
	}

	private static int to8(float v) {
		return Math.max(0, Math.min(255, Math.round(v * 255)));
	}
}
