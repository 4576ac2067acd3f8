package io.github.neuralstyle.cli;

import io.github.neuralstyle.files.ImageFileReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Image sizes from file headers alone, to check a folder of frames before styling any. */
final class FrameHeaders {

	private FrameHeaders() {}

	/** {width, height} of the file's first image; decodes it only where ImageIO cannot read the header. */
	static int[] size(Path file) throws IOException {
		try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
			Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
			if (readers != null && readers.hasNext()) {
				ImageReader r = readers.next();
				try {
					r.setInput(in, true, true);
					return new int[] { r.getWidth(0), r.getHeight(0) };
				}
				catch (IOException | RuntimeException e) {
					// fall through to the full reader, whose messages name the problem
				}
				finally {
					r.dispose();
				}
			}
		}
		var image = ImageFileReader.read(file, "frame", io.github.neuralstyle.engine.StyleTransferSettings.MAX_SIZE).image();
		return new int[] { image.width(), image.height() };
	}
}
