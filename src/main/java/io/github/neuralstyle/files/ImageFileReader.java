package io.github.neuralstyle.files;

import ij.ImagePlus;
import ij.io.FileInfo;
import ij.io.Opener;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

import io.github.neuralstyle.image.ConvertedImage;
import io.github.neuralstyle.image.ImageToRgb;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads image files to the pixels the Fiji command would style after File › Open: TIFF through
 * ImageJ's own decoder (8/16/32-bit, stacks, ImageJ display ranges), PNG, JPEG, GIF and BMP
 * through ImageIO turned into an ImageJ image as ImageJ does, then {@link ImageToRgb}. So grey
 * stays grey (no colour-space gamma), 16/32-bit use their display range, and a stack gives its
 * first plane with a notice. Beyond ImageJ: grey+alpha keeps its grey, CMYK JPEGs are converted
 * ({@link CmykJpeg}) and JPEGs are turned upright by their EXIF orientation.
 * <p>
 * The header is read first: an image whose pixels would not fit in memory is refused, naming its
 * size, before anything is allocated. Every failure is an {@link IOException} whose message names
 * the file and what to do.
 */
public final class ImageFileReader {

	/** Most pixels per image (16384 × 16384): the run works at 8192 px at most anyway. */
	public static final long MAX_PIXELS = 16384L * 16384;

	/** Bytes per pixel while reading: decoded image, ImageJ's copy and the float RGB planes. */
	private static final int BYTES_PER_PIXEL = 24;

	private ImageFileReader() {}

	/**
	 * Reads a file for the engine; {@code role} ("content image", …) starts every message.
	 *
	 * @param workingSize the run's long side in px, to refuse images too elongated for it
	 */
	public static ImageFile read(Path file, String role, int workingSize) throws IOException {
		ImagePlus imp = open(file, role);
		ConvertedImage c;
		String shortRole = role.replaceFirst(" image$", "");
		try {
			ImageToRgb.requireUsableShape(shortRole, imp, workingSize);
			c = ImageToRgb.convert(imp, shortRole);
		}
		catch (IllegalArgumentException e) {
			// The conversion's messages name the image by title; here the file's path says more.
			String title = shortRole + " image '" + imp.getTitle() + "'";
			String m = e.getMessage();
			throw new IOException(role + " " + file + (m.startsWith(title) ? m.substring(title.length()) : ": " + m), e);
		}
		List<String> notices = new ArrayList<>();
		Object cmyk = imp.getProperty(CmykJpeg.NOTICE);
		if (cmyk != null) notices.add(role + " " + file.getFileName() + ": " + cmyk);
		if (c.fromStack()) {
			notices.add(role + " " + file.getFileName() + " has " + imp.getStackSize() + " planes; using " + c.position()
				+ " (as the Fiji command uses the current plane)");
		}
		if (c.nanPixels() > 0) {
			notices.add(role + " " + file.getFileName() + " has " + c.nanPixels() + " NaN pixels, taken as the display minimum");
		}
		return new ImageFile(c.image(), List.copyOf(notices));
	}

	/** Opens a file as an ImageJ image, the same one for every caller. */
	public static ImagePlus open(Path file, String role) throws IOException {
		String what = role + " " + file;
		if (!Files.exists(file)) throw new IOException("No such image file: " + file + " (" + role + "); check the path");
		if (!Files.isRegularFile(file)) throw new IOException(what + " is not a file: name a PNG, JPEG, TIFF, BMP or GIF image");
		if (!Files.isReadable(file)) throw new IOException(what + " cannot be read (permission denied): make it readable");
		String format = format(file, what);
		try {
			return format.equals("tif") ? tiff(file, what) : other(file, what, format);
		}
		catch (IOException e) {
			throw e.getMessage() != null && e.getMessage().startsWith(what) ? e : damaged(what, e);
		}
		catch (RuntimeException | OutOfMemoryError e) {
			throw damaged(what, e);
		}
	}

	/** The format by content (not by name): "tif", "png", "jpeg", "gif" or "bmp". */
	private static String format(Path file, String what) throws IOException {
		try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
			Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
			if (readers != null && readers.hasNext()) {
				String f = readers.next().getFormatName().toLowerCase(Locale.ROOT);
				if (f.startsWith("tif")) return "tif";
				if (List.of("png", "jpeg", "gif", "bmp").contains(f)) return f;
			}
		}
		throw new IOException("Not a readable image (PNG, JPEG, BMP, GIF or TIFF): " + what
			+ "; convert it to one of these");
	}

	private static ImagePlus tiff(Path file, String what) throws IOException {
		FileInfo[] info = Opener.getTiffFileInfo(file.toString());
		if (info == null || info.length == 0) throw new IOException(what + " is not a TIFF ImageJ can read: the file is damaged or "
			+ "uses an unsupported TIFF variant; re-save it as an uncompressed or LZW TIFF");
		FileInfo first = info[0];
		long planes = Math.max(info.length, Math.max(1, first.nImages));
		requireFits(what, first.width, first.height, planes * Math.max(1, first.getBytesPerPixel()));
		Opener opener = new Opener();
		opener.setSilentMode(true);
		Path abs = file.toAbsolutePath();
		ImagePlus imp = opener.openTiff(abs.getParent() + java.io.File.separator, abs.getFileName().toString());
		if (imp == null || imp.getProcessor() == null) throw new IOException(what + ": the TIFF's pixels could not be decoded "
			+ "(damaged or truncated); re-save it");
		return imp;
	}

	private static ImagePlus other(Path file, String what, String format) throws IOException {
		JpegMarkers jpeg = format.equals("jpeg") ? JpegMarkers.of(file) : null;
		try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
			ImageReader reader = ImageIO.getImageReaders(in).next();
			try {
				reader.setInput(in, true, true);
				requireFits(what, reader.getWidth(0), reader.getHeight(0), 4);
				ImagePlus imp;
				if (jpeg != null && jpeg.components() == 4) imp = CmykJpeg.toImagePlus(reader.readRaster(0, null), jpeg, what);
				else imp = toImagePlus(reader.read(0), file.getFileName().toString(), jpeg != null);
				if (jpeg != null && jpeg.orientation() != 1) imp.setProcessor(Orientation.upright(imp.getProcessor(), jpeg.orientation()));
				return imp;
			}
			finally {
				reader.dispose();
			}
		}
	}

	/** As ImageJ's opener turns a decoded image into an ImagePlus, except that grey+alpha stays grey. */
	private static ImagePlus toImagePlus(BufferedImage img, String title, boolean jpeg) {
		if (img.getColorModel().getNumColorComponents() == 1 && img.getColorModel().hasAlpha()) {
			Raster r = img.getRaster();
			int w = img.getWidth(), h = img.getHeight();
			int[] grey = r.getSamples(0, 0, w, h, 0, (int[]) null);
			ImageProcessor ip;
			if (r.getTransferType() == DataBuffer.TYPE_BYTE) {
				byte[] px = new byte[w * h];
				for (int i = 0; i < px.length; i++) px[i] = (byte) grey[i];
				ip = new ByteProcessor(w, h, px);
			}
			else {
				short[] px = new short[w * h];
				for (int i = 0; i < px.length; i++) px[i] = (short) grey[i];
				ip = new ShortProcessor(w, h, px, null);
				ip.resetMinAndMax();
			}
			return new ImagePlus(title, ip);
		}
		ImagePlus imp = new ImagePlus(title, img);
		if (jpeg && imp.getType() == ImagePlus.COLOR_RGB) Opener.convertGrayJpegTo8Bits(imp); // as ImageJ's opener does
		return imp;
	}

	/** Refuses images whose pixels would not fit, naming the size; {@code bytesPerPixel} of the file's own planes. */
	static void requireFits(String what, long width, long height, long bytesPerPixel) throws IOException {
		long pixels = width * height;
		if (width <= 0 || height <= 0) throw new IOException(what + " declares a size of " + width + "×" + height
			+ " px: the file is damaged; re-save it");
		long needed = pixels * Math.max(BYTES_PER_PIXEL, bytesPerPixel + BYTES_PER_PIXEL - 4);
		Runtime rt = Runtime.getRuntime();
		long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
		if (pixels > MAX_PIXELS || needed > available) {
			throw new IOException(String.format(Locale.ROOT, "%s declares %d×%d px (%.0f Mpx): reading it needs about %.1f GB "
				+ "of memory (%.1f GB free, at most %d Mpx per image); scale it down first: the run works at 8192 px or less",
				what, width, height, pixels / 1e6, needed / 1e9, available / 1e9, MAX_PIXELS / 1_000_000));
		}
	}

	private static IOException damaged(String what, Throwable e) {
		String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
		if (e.getCause() != null && e.getCause().getMessage() != null) reason += ": " + e.getCause().getMessage();
		if (e instanceof OutOfMemoryError) reason = "out of memory";
		return new IOException(what + " could not be read (" + reason.replace('\n', ' ') + "): the file is damaged or "
			+ "truncated; re-save or re-download it", e);
	}
}
