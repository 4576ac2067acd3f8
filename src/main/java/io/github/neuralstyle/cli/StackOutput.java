package io.github.neuralstyle.cli;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.measure.Calibration;
import ij.process.ColorProcessor;

import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.video.FrameResult;
import io.github.neuralstyle.engine.video.FrameSink;
import io.github.neuralstyle.files.ImageFiles;
import io.github.neuralstyle.files.OutputFile;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A multi-page RGB TIFF of the results, written once at the end (atomically: temporary file,
 * then rename). Frames are held as 8-bit RGB, 4 bytes a pixel, until then; a folder output
 * holds none and resumes, so long sequences should go to a folder.
 */
final class StackOutput implements FrameSink {

	private final Path file;
	private final SequenceInput input;
	private ImageStack stack;
	private int contentWidth;

	StackOutput(Path file, SequenceInput input) {
		this.file = file;
		this.input = input;
	}

	@Override
	public void accept(int index, RgbImage result, FrameResult stats) {
		if (stack == null) stack = new ImageStack(result.width(), result.height());
		stack.addSlice(input.name(index), new ColorProcessor(ImageFiles.toBufferedImage(result)));
	}

	/** Remembers the content's width, to scale the calibration when results are at the working size. */
	void contentWidth(int width) {
		contentWidth = width;
	}

	/** Writes the stack as slices or frames like the input, with its calibration. */
	void write() throws IOException {
		if (stack == null) return;
		ImagePlus imp = new ImagePlus(file.getFileName().toString(), stack);
		int n = stack.getSize();
		imp.setDimensions(1, input.alongSlices() ? n : 1, input.alongSlices() ? 1 : n);
		Calibration c = input.calibration();
		if (c != null) {
			Calibration out = c.copy();
			if (contentWidth > 0 && contentWidth != stack.getWidth()) {
				double f = contentWidth / (double) stack.getWidth();
				out.pixelWidth *= f;
				out.pixelHeight *= f;
			}
			imp.setCalibration(out);
		}
		OutputFile.replace("--out", file, tmp -> n == 1 ? new FileSaver(imp).saveAsTiff(tmp.toString())
			: new FileSaver(imp).saveAsTiffStack(tmp.toString()));
	}
}
