package io.github.neuralstyle.tools;

import io.github.neuralstyle.engine.ImageResize;
import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.video.FlowField;
import io.github.neuralstyle.engine.video.TemporalError;
import io.github.neuralstyle.engine.video.TemporalGuide;
import io.github.neuralstyle.engine.video.TvL1Flow;
import io.github.neuralstyle.testsupport.SyntheticMotion;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Accuracy and speed of {@link TvL1Flow} on the synthetic motions of the tests, at 256×192 (the
 * numbers in docs/video.md). Run: {@code mvn -B -q test-compile exec:java
 * -Dexec.mainClass=io.github.neuralstyle.tools.FlowMeasurements -Dexec.classpathScope=test}.
 */
public final class FlowMeasurements {

	/** Our flow is single-threaded: its thread's CPU time is its cost on a loaded machine too. */
	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private FlowMeasurements() {}

	/** Prints mean/max endpoint error and the medians of wall and thread CPU time of 5 runs (after 3 warm-ups) per case. */
	public static void main(String[] args) {
		int w = args.length > 0 ? Integer.parseInt(args[0]) : 256;
		int h = w * 3 / 4;
		TvL1Flow flow = TvL1Flow.defaults();
		SyntheticMotion[] cases = { SyntheticMotion.translation(w, h, 3.4, -2.2), SyntheticMotion.rotation(w, h, 3),
			SyntheticMotion.movingSquare(w, h, w / 3, h / 3, w / 4, 4, 3) };
		String[] names = { "translation (3.4, -2.2)", "rotation 3°", "square moving (4, 3)" };
		for (int c = 0; c < cases.length; c++) {
			SyntheticMotion m = cases[c];
			for (int i = 0; i < 3; i++) flow.estimate(m.first(), m.second());
			long[] ns = new long[5];
			long[] cpu = new long[5];
			FlowField f = null;
			for (int i = 0; i < ns.length; i++) {
				long c0 = THREADS.getCurrentThreadCpuTime();
				long t0 = System.nanoTime();
				f = flow.estimate(m.first(), m.second());
				ns[i] = System.nanoTime() - t0;
				cpu[i] = THREADS.getCurrentThreadCpuTime() - c0;
			}
			java.util.Arrays.sort(ns);
			java.util.Arrays.sort(cpu);
			double[] epe = m.endpointError(f);
			System.out.println(String.format(Locale.ROOT, "%dx%d %-26s EPE mean %.3f px, max %.3f px, wall %.0f ms, CPU %.0f ms",
				w, h, names[c], epe[0], epe[1], ns[2] / 1e6, cpu[2] / 1e6));
		}
		sampleTimeLapse(w, h);
	}

	/**
	 * The frames of the sample time-lapse (resized to w × h) as their own "results": the error
	 * left after warping the previous frame, against not warping it, over the masked pixels, the
	 * mask's kept fraction, and the CPU time of one {@link TemporalGuide} (two flows, mask, warp).
	 */
	private static void sampleTimeLapse(int w, int h) {
		BufferedImage[] frames = TimeLapse.frames(128, 96, 13);
		TemporalError warped = new TemporalError();
		TemporalError still = new TemporalError();
		double kept = 0;
		long cpu = 0;
		RgbImage previous = null;
		for (BufferedImage f : frames) {
			RgbImage frame = ImageResize.resize(rgb(f), w, h);
			if (previous != null) {
				long c0 = THREADS.getCurrentThreadCpuTime();
				TemporalGuide g = TemporalGuide.between(previous, frame, previous, TvL1Flow.defaults());
				cpu += THREADS.getCurrentThreadCpuTime() - c0;
				warped.add(frame, g.warpedPrevious(), g.mask());
				still.add(frame, previous, g.mask());
				kept += g.keptFraction();
			}
			previous = frame;
		}
		int pairs = frames.length - 1;
		System.out.println(String.format(Locale.ROOT,
			"%dx%d sample time-lapse, %d pairs: error warped %.5f vs not warped %.5f, mask keeps %.1f%%, guide CPU %.0f ms",
			w, h, pairs, warped.mean(), still.mean(), 100 * kept / pairs, cpu / 1e6 / pairs));
	}

	private static RgbImage rgb(BufferedImage image) {
		int w = image.getWidth(), h = image.getHeight(), n = w * h;
		float[] d = new float[3 * n];
		for (int i = 0; i < n; i++) {
			int p = image.getRGB(i % w, i / w);
			d[i] = ((p >> 16) & 255) / 255f;
			d[n + i] = ((p >> 8) & 255) / 255f;
			d[2 * n + i] = (p & 255) / 255f;
		}
		return new RgbImage(w, h, d);
	}
}
