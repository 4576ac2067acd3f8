package io.github.neuralstyle.cli;

import io.github.neuralstyle.engine.RgbImage;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import javax.imageio.ImageIO;

/** Reads and writes 8-bit RGB image files (PNG, JPEG, BMP, GIF, TIFF) with the JDK's ImageIO. */
public final class ImageFiles {

	private ImageFiles() {}

	/** Reads an image as RGB in [0,1]; grey and palette images are expanded, alpha is dropped. */
	public static RgbImage read(Path file) throws IOException {
		if (!Files.isRegularFile(file)) throw new IOException("No such image file: " + file);
		BufferedImage img = ImageIO.read(file.toFile());
		if (img == null) throw new IOException("Not a readable image (PNG, JPEG, BMP, GIF or TIFF): " + file);
		int w = img.getWidth();
		int h = img.getHeight();
		int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
		float[] d = new float[3 * w * h];
		int plane = w * h;
		for (int i = 0; i < plane; i++) {
			d[i] = ((argb[i] >> 16) & 0xff) / 255f;
			d[plane + i] = ((argb[i] >> 8) & 0xff) / 255f;
			d[2 * plane + i] = (argb[i] & 0xff) / 255f;
		}
		return new RgbImage(w, h, d);
	}

	/** Writes an image, rounding to 8 bits; the format follows the extension (.png, .jpg, .tif, .bmp). */
	public static void write(RgbImage image, Path file) throws IOException {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		String format = name.endsWith(".jpg") || name.endsWith(".jpeg") ? "jpeg"
			: name.endsWith(".tif") || name.endsWith(".tiff") ? "tiff" : name.endsWith(".bmp") ? "bmp" : "png";
		BufferedImage img = toBufferedImage(image);
		Path parent = file.toAbsolutePath().getParent();
		if (parent != null) Files.createDirectories(parent);
		Path tmp = Files.createTempFile(parent, ".neural-style-", "." + format);
		try {
			if (!ImageIO.write(img, format, tmp.toFile())) throw new IOException("No writer for " + format + ": " + file);
			Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
		finally {
			Files.deleteIfExists(tmp);
		}
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
