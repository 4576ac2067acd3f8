package io.github.neuralstyle.tools;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.measure.Calibration;
import ij.process.ColorProcessor;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

/**
 * The sample time-lapse {@code sample-data/timelapse-cells.tif}: 16 frames of 128×96 cells
 * (as in the content image) drifting and turning slowly, one of them dividing between frames 6
 * and 12 (1-based), with fresh camera noise in every frame; 10 min per frame. Written by
 * {@link SampleData#main}.
 */
public final class TimeLapse {

	/** Frames in the sample. */
	public static final int FRAMES = 16;
	/** Minutes between frames (the stack's calibration). */
	public static final double FRAME_INTERVAL_MIN = 10;
	private static final int DIVISION_START = 5;
	private static final int DIVISION_END = 11;

	private TimeLapse() {}

	/** The frames, each an RGB image of w × h. */
	public static BufferedImage[] frames(int w, int h, long seed) {
		Random rnd = new Random(seed);
		SampleCell[] cells = new SampleCell[5];
		double[][] v = new double[cells.length][];
		double[] c = { 0.3 * w, 0.45 * h, 0.75 * w, 0.3 * h, 0.7 * w, 0.78 * h, 0.1 * w, 0.85 * h, 0.95 * w, 0.65 * h };
		for (int k = 0; k < cells.length; k++) {
			cells[k] = SampleCell.random(rnd, c[2 * k], c[2 * k + 1]);
			// A common drift to the right plus each cell's own wander, ≤ about 1.5 px per frame.
			v[k] = new double[] { 0.6 + 0.6 * (rnd.nextDouble() - 0.5), 0.8 * (rnd.nextDouble() - 0.5), 0.03 * (rnd.nextDouble() - 0.5) };
		}
		BufferedImage[] frames = new BufferedImage[FRAMES];
		for (int t = 0; t < FRAMES; t++) {
			float[][] planes = new float[3][w * h];
			for (int k = 0; k < cells.length; k++) {
				SampleCell cell = cells[k].moved(v[k][0] * t, v[k][1] * t, v[k][2] * t);
				if (k == 0 && t >= DIVISION_START) {
					double p = Math.min(1, (t - DIVISION_START) / (double) (DIVISION_END - DIVISION_START));
					double s = p * p * (3 - 2 * p);
					double k2 = 1 - 0.25 * s;
					double offset = 0.6 * cell.r() * s;
					cell.daughter(-offset, k2, 0).draw(planes, w, h);
					cell.daughter(offset, k2, 1).draw(planes, w, h);
				} else {
					cell.draw(planes, w, h);
				}
			}
			frames[t] = SampleData.fluorescence(planes, w, h, seed * 31 + t);
		}
		return frames;
	}

	/** The frames as an ImageJ time series (T = 16, frame interval 10 min). */
	public static ImagePlus stack(int w, int h, long seed) {
		ImageStack stack = new ImageStack(w, h);
		BufferedImage[] frames = frames(w, h, seed);
		for (int t = 0; t < frames.length; t++) stack.addSlice("t" + (t + 1), new ColorProcessor(frames[t]));
		ImagePlus imp = new ImagePlus("timelapse-cells", stack);
		imp.setDimensions(1, 1, frames.length);
		Calibration cal = imp.getCalibration();
		cal.frameInterval = FRAME_INTERVAL_MIN;
		cal.setTimeUnit("min");
		return imp;
	}

	/** Writes the sample stack as a multi-page TIFF. */
	static void write(Path file) throws IOException {
		if (!new FileSaver(stack(128, 96, 13)).saveAsTiffStack(file.toString())) {
			throw new IOException("ImageJ could not write " + file);
		}
		System.out.println("wrote " + file + " (" + java.nio.file.Files.size(file) + " bytes)");
	}
}
