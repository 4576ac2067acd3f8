package io.github.neuralstyle.testsupport;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Image files of the kinds users bring, written by the JDK or ImageJ (no binary fixtures): grey
 * ramps in 8/16 bits with and without alpha, float and multi-page TIFFs, CMYK and EXIF-rotated
 * JPEGs, and damaged or oversized PNGs.
 */
public final class ImageFileFixtures {

	/** The grey levels of the ramps, left to right. */
	public static final int[] RAMP = { 0, 32, 64, 128, 200, 255 };

	private ImageFileFixtures() {}

	/** A 6×4 8-bit grey PNG or TIFF ({@code format} "png" or "tiff") of {@link #RAMP} columns. */
	public static Path grey8(Path file, String format) {
		BufferedImage g = new BufferedImage(RAMP.length, 4, BufferedImage.TYPE_BYTE_GRAY);
		for (int y = 0; y < 4; y++) g.getRaster().setSamples(0, y, RAMP.length, 1, 0, RAMP);
		return write(g, format, file);
	}

	/** As {@link #grey8} in 16 bits (each level × 257). */
	public static Path grey16(Path file) {
		BufferedImage g = new BufferedImage(RAMP.length, 4, BufferedImage.TYPE_USHORT_GRAY);
		int[] v = Arrays.stream(RAMP).map(x -> x * 257).toArray();
		for (int y = 0; y < 4; y++) g.getRaster().setSamples(0, y, RAMP.length, 1, 0, v);
		return write(g, "png", file);
	}

	/** As {@link #grey8} with an alpha channel falling from opaque to transparent. */
	public static Path greyAlpha(Path file) {
		ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false,
			Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
		WritableRaster r = cm.createCompatibleWritableRaster(RAMP.length, 4);
		for (int y = 0; y < 4; y++) {
			r.setSamples(0, y, RAMP.length, 1, 0, RAMP);
			r.setSamples(0, y, RAMP.length, 1, 1, new int[] { 255, 200, 150, 100, 50, 0 });
		}
		return write(new BufferedImage(cm, r, false, null), "png", file);
	}

	/** A 5×3 32-bit float TIFF (ImageJ's writer) with values from −5 to 100 (first and second pixel). */
	public static Path float32(Path file) {
		FloatProcessor fp = new FloatProcessor(5, 3);
		for (int i = 0; i < 15; i++) fp.setf(i, 10 + i);
		fp.setf(0, -5f);
		fp.setf(1, 100f);
		requireSaved(new FileSaver(new ImagePlus("f", fp)).saveAsTiff(file.toString()), file);
		return file;
	}

	/** A 3-page 8-bit TIFF stack, 24×20 px, page k filled with 60·k. */
	public static Path stack(Path file) {
		ImageStack st = new ImageStack(24, 20);
		for (int k = 1; k <= 3; k++) {
			ByteProcessor p = new ByteProcessor(24, 20);
			p.setValue(60 * k);
			p.fill();
			st.addSlice(p);
		}
		requireSaved(new FileSaver(new ImagePlus("s", st)).saveAsTiffStack(file.toString()), file);
		return file;
	}

	/**
	 * A 16×16 CMYK JPEG of a pure cyan block (C=255, M=Y=K=0); with {@code adobe} ≥ 0 an Adobe
	 * APP14 segment with that transform and samples inverted as Adobe writes them.
	 */
	public static Path cmykJpeg(Path file, int adobe) {
		WritableRaster c4 = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 16, 16, 4, null);
		int[] ink = { 255, 0, 0, 0 };
		for (int y = 0; y < 16; y++) {
			for (int x = 0; x < 16; x++) {
				for (int b = 0; b < 4; b++) c4.setSample(x, y, b, adobe >= 0 ? 255 - ink[b] : ink[b]);
			}
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
		try (ImageOutputStream os = ImageIO.createImageOutputStream(bytes)) {
			w.setOutput(os);
			w.write(null, new IIOImage(c4, null, null), null);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		byte[] j = bytes.toByteArray();
		if (adobe >= 0) {
			byte[] app14 = { 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) adobe };
			j = insertSegment(j, 0xEE, app14);
		}
		return writeBytes(file, j);
	}

	/** A 16×8 RGB JPEG, left half red and right half blue, tagged with EXIF {@code orientation}. */
	public static Path exifJpeg(Path file, int orientation) {
		BufferedImage b = new BufferedImage(16, 8, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < 8; y++) for (int x = 0; x < 16; x++) b.setRGB(x, y, x < 8 ? 0xff0000 : 0x0000ff);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try {
			ImageIO.write(b, "jpeg", bytes);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		byte[] exif = { 'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0,
			(byte) orientation, 0, 0, 0, 0, 0, 0 };
		return writeBytes(file, insertSegment(bytes.toByteArray(), 0xE1, exif));
	}

	/** A PNG whose header declares {@code width}×{@code height} RGB pixels, with a few bytes of data. */
	public static Path declaredPng(Path file, int width, int height) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10 });
		chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).array());
		chunk(out, "IDAT", new byte[] { 0x78, (byte) 0x9c, 0x63, 0, 0, 0, 1, 0, 1 });
		chunk(out, "IEND", new byte[0]);
		return writeBytes(file, out.toByteArray());
	}

	/** The first {@code keep} bytes of {@code source}, as a file cut off in a download would be. */
	public static Path truncated(Path source, Path file, double keep) {
		try {
			byte[] all = Files.readAllBytes(source);
			return writeBytes(file, Arrays.copyOf(all, (int) (all.length * keep)));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A 64×48 RGB PNG with detail in every 8×8 block (so truncating it cuts pixel data). */
	public static Path rgbPng(Path file) {
		BufferedImage b = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < 48; y++) for (int x = 0; x < 64; x++) b.setRGB(x, y, (x * 4 << 16) | (y * 5 << 8) | ((x * y) & 0xff));
		return write(b, "png", file);
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
		out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
		byte[] td = new byte[4 + data.length];
		System.arraycopy(type.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, td, 0, 4);
		System.arraycopy(data, 0, td, 4, data.length);
		out.writeBytes(td);
		CRC32 crc = new CRC32();
		crc.update(td);
		out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

	private static byte[] insertSegment(byte[] jpeg, int marker, byte[] payload) {
		ByteArrayOutputStream o = new ByteArrayOutputStream();
		o.write(jpeg, 0, 2);
		o.write(0xFF);
		o.write(marker);
		o.write((payload.length + 2) >> 8);
		o.write((payload.length + 2) & 0xFF);
		o.writeBytes(payload);
		o.write(jpeg, 2, jpeg.length - 2);
		return o.toByteArray();
	}

	private static Path write(BufferedImage img, String format, Path file) {
		try {
			if (!ImageIO.write(img, format, file.toFile())) throw new IOException("no " + format + " writer");
			return file;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Path writeBytes(Path file, byte[] bytes) {
		try {
			return Files.write(file, bytes);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void requireSaved(boolean ok, Path file) {
		if (!ok || !Files.isRegularFile(file)) throw new IllegalStateException("ImageJ did not write " + file);
	}
}
