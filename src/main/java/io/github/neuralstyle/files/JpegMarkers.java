package io.github.neuralstyle.files;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a JPEG's header segments say that ImageIO does not act on: the number of colour components
 * (4 for CMYK/YCCK), Adobe's colour transform, and the EXIF orientation.
 *
 * @param components  colour components of the frame (1 grey, 3 colour, 4 CMYK/YCCK); 0 if not found
 * @param adobe       Adobe's transform (0 none/CMYK, 1 YCbCr, 2 YCCK), or -1 without an Adobe segment
 * @param orientation EXIF orientation 1–8 (1 = as stored)
 */
record JpegMarkers(int components, int adobe, int orientation) {

	/** Scans the segments up to the first scan; damaged segments are skipped, never fatal. */
	static JpegMarkers of(Path file) throws IOException {
		int components = 0, adobe = -1, orientation = 1;
		try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(raw)) {
			if (in.readUnsignedShort() != 0xFFD8) return new JpegMarkers(0, -1, 1);
			while (true) {
				int marker = in.readUnsignedShort();
				if ((marker & 0xFF00) != 0xFF00 || marker == 0xFFDA || marker == 0xFFD9) break;
				int length = in.readUnsignedShort() - 2;
				if (length < 0) break;
				byte[] data = in.readNBytes(length);
				if (data.length < length) break;
				if (isStartOfFrame(marker) && data.length > 5) components = data[5] & 0xFF;
				else if (marker == 0xFFEE && data.length >= 12 && startsWith(data, "Adobe")) adobe = data[11] & 0xFF;
				else if (marker == 0xFFE1 && data.length > 14 && startsWith(data, "Exif\0\0")) orientation = orientation(data);
			}
		}
		catch (EOFException e) {
			// a truncated header: whatever was found so far; the decoder reports the damage
		}
		return new JpegMarkers(components, adobe, orientation);
	}

	private static boolean isStartOfFrame(int marker) {
		return marker >= 0xFFC0 && marker <= 0xFFCF && marker != 0xFFC4 && marker != 0xFFC8 && marker != 0xFFCC;
	}

	private static boolean startsWith(byte[] data, String prefix) {
		for (int i = 0; i < prefix.length(); i++) {
			if (data[i] != prefix.charAt(i)) return false;
		}
		return true;
	}

	/** Tag 0x0112 of IFD0 of the TIFF structure after "Exif\0\0"; 1 when absent or out of range. */
	private static int orientation(byte[] app1) {
		ByteBuffer b = ByteBuffer.wrap(app1, 6, app1.length - 6).slice();
		b.order(b.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
		try {
			int ifd = b.getInt(4);
			int entries = b.getShort(ifd) & 0xFFFF;
			for (int i = 0; i < entries; i++) {
				int at = ifd + 2 + 12 * i;
				if ((b.getShort(at) & 0xFFFF) == 0x0112) {
					int v = b.getShort(at + 8) & 0xFFFF;
					return v >= 1 && v <= 8 ? v : 1;
				}
			}
		}
		catch (IndexOutOfBoundsException e) {
			// a damaged EXIF block: no orientation
		}
		return 1;
	}
}
