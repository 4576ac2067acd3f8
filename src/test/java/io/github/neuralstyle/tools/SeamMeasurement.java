package io.github.neuralstyle.tools;

import ij.ImagePlus;

import io.github.neuralstyle.engine.ImageResize;
import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.video.TemporalError;
import io.github.neuralstyle.engine.video.TemporalGuide;
import io.github.neuralstyle.engine.video.TvL1Flow;
import io.github.neuralstyle.files.ImageFileReader;
import io.github.neuralstyle.image.ImageToRgb;
import io.github.neuralstyle.shard.Chunk;
import io.github.neuralstyle.shard.Shard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The seams of a sharded time-lapse (docs/cluster.md): for every frame after the first, the
 * temporal error of the written result against the previous written result warped along the
 * content's flow (the measure of {@link TemporalError}, at the results' size), averaged over
 * the frames where a chunk of {@code n} shards starts and over all other frames. Run:
 * {@code mvn -B -q test-compile exec:java -Dexec.mainClass=io.github.neuralstyle.tools.SeamMeasurement
 * -Dexec.classpathScope=test -Dexec.args="CONTENT.tif OUT_FOLDER SHARDS [OUT_FOLDER SHARDS …]"}.
 */
public final class SeamMeasurement {

	private SeamMeasurement() {}

	/** Prints one line per output folder: mean temporal error at chunk borders and inside chunks. */
	public static void main(String[] args) throws IOException {
		ImagePlus stack = ImageFileReader.open(Path.of(args[0]), "content");
		List<RgbImage> contents = new ArrayList<>();
		for (int t = 1; t <= stack.getStackSize(); t++) {
			stack.setSliceWithoutUpdate(t);
			contents.add(ImageToRgb.convert(stack, "content").image());
		}
		for (int a = 1; a + 1 < args.length; a += 2) {
			int shards = Integer.parseInt(args[a + 1]);
			double[] e = errors(contents, results(Path.of(args[a])));
			double[] border = new double[2];
			double[] inside = new double[2];
			StringBuilder perFrame = new StringBuilder();
			for (int i = 1; i < e.length; i++) {
				boolean starts = false;
				for (int s = 1; s < shards; s++) starts |= Chunk.of(e.length, new Shard(s, shards), 0).first() == i;
				double[] sum = starts ? border : inside;
				sum[0] += e[i];
				sum[1]++;
				perFrame.append(String.format(Locale.ROOT, " %s%.2e", starts ? "|" : "", e[i]));
			}
			System.out.printf(Locale.ROOT, "%s (%d shards): border %.3e over %d frames, inside %.3e over %d frames;%s%n",
				args[a], shards, border[0] / border[1], (int) border[1], inside[0] / inside[1], (int) inside[1], perFrame);
		}
	}

	/** The output folder's PNGs in name order. */
	static List<RgbImage> results(Path folder) throws IOException {
		List<RgbImage> out = new ArrayList<>();
		try (Stream<Path> s = Files.list(folder)) {
			for (Path p : s.filter(f -> f.toString().endsWith(".png")).sorted().toList()) {
				out.add(ImageFileReader.read(p, "result", 8192).image());
			}
		}
		return out;
	}

	/** Temporal error of each result against the warped previous one (NaN for the first). */
	static double[] errors(List<RgbImage> contents, List<RgbImage> results) {
		if (contents.size() != results.size()) {
			throw new IllegalArgumentException(contents.size() + " content frames but " + results.size() + " results");
		}
		TvL1Flow flow = TvL1Flow.defaults();
		double[] e = new double[results.size()];
		e[0] = Double.NaN;
		for (int i = 1; i < e.length; i++) {
			RgbImage r = results.get(i);
			RgbImage c0 = ImageResize.resize(contents.get(i - 1), r.width(), r.height());
			RgbImage c1 = ImageResize.resize(contents.get(i), r.width(), r.height());
			TemporalGuide g = TemporalGuide.between(c0, c1, results.get(i - 1), flow);
			e[i] = TemporalError.of(r, g.warpedPrevious(), g.mask());
		}
		return e;
	}
}
