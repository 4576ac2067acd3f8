package io.github.neuralstyle.tools;

import ij.ImagePlus;
import ij.io.Opener;

import io.github.neuralstyle.files.ImageFiles;
import io.github.neuralstyle.engine.DefaultStyleTransfer;
import io.github.neuralstyle.engine.Preset;
import io.github.neuralstyle.engine.ProgressListener;
import io.github.neuralstyle.engine.ResultSize;
import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.StepReport;
import io.github.neuralstyle.engine.StyleControls;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.color.ColourMode;
import io.github.neuralstyle.engine.color.Yuv;
import io.github.neuralstyle.engine.network.InputConvention;
import io.github.neuralstyle.engine.network.RandomVggWeights;
import io.github.neuralstyle.engine.network.VggArchitecture;
import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.engine.regions.RegionAssignment;
import io.github.neuralstyle.engine.regions.StyleRegions;
import io.github.neuralstyle.image.LabelImage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The pictures of docs/control.md (made by {@link DocPictures}): colours kept or not, two
 * blended styles, the style scale, and styles per region on the sample cells.
 */
final class ControlPictures {

	/** Working size (long side): smaller than the other pictures', as there are nine runs on a shared CPU. */
	static final int SIZE = 64;

	/** L-BFGS steps of every run. */
	static final int STEPS = 8;

	private final VggWeights weights;
	private final DefaultStyleTransfer engine = new DefaultStyleTransfer();
	private final RgbImage content, brush, waves, labelView;
	private final int[] labels;
	private final Path outDir;
	/** The brush alone (colours none): also blend (1, 0) and style scale 1 exactly, so those reuse it. */
	private RgbImage brushAlone;

	/** Seeded random VGG19 weights at a quarter of the channels: 16× less work than full width on a shared CPU. */
	static VggWeights quarterWidth() {
		return RandomVggWeights.create(VggArchitecture.VGG19, InputConvention.CAFFE, 4, 0, 16);
	}

	ControlPictures(VggWeights weights, Path sampleData, Path outDir) throws IOException {
		this.weights = weights;
		this.content = ImageFiles.read(sampleData.resolve("content-cells.png"));
		this.brush = ImageFiles.read(sampleData.resolve("style-brush.png"));
		this.waves = ImageFiles.read(sampleData.resolve("style-waves.png"));
		ImagePlus imp = new Opener().openImage(sampleData.resolve("labels-cells.png").toString());
		this.labels = LabelImage.labels(imp);
		this.labelView = view(labels, imp.getWidth(), imp.getHeight());
		this.outDir = outDir;
	}

	/** Writes colours.png, style-blend.png, style-scale.png and regions.png. */
	void writeAll() throws IOException {
		regions();
		colours();
		blend();
		scale();
	}

	private void colours() throws IOException {
		List<Panels.Cell> cells = new ArrayList<>(List.of(new Panels.Cell(content, "content"), new Panels.Cell(brush, "style")));
		for (ColourMode m : ColourMode.values()) {
			// yuv is post-hoc: the plain run's luminance with the content's chroma, exactly what a yuv run returns.
			RgbImage r = m == ColourMode.YUV ? Yuv.withChroma(brushAlone, content, true) : run("colours " + m.id(), brush, c -> c.colourMode(m));
			if (m == ColourMode.NONE) brushAlone = r;
			cells.add(new Panels.Cell(r, "original colours: " + m.id()));
		}
		Panels.write(List.of(new Panels.Row(cells)), outDir.resolve("colours.png"));
	}

	private void blend() throws IOException {
		List<Panels.Cell> cells = new ArrayList<>(List.of(new Panels.Cell(brush, "style 0"), new Panels.Cell(waves, "style 1")));
		for (double[] w : new double[][] { { 1, 0 }, { 1, 1 }, { 0, 1 } }) {
			String label = String.format(Locale.ROOT, "blend %.0f,%.0f", w[0], w[1]);
			RgbImage r = w[1] == 0 ? brushAlone : run(label, brush, c -> c.extraStyles(List.of(waves)).blendWeights(w));
			cells.add(new Panels.Cell(r, label));
		}
		Panels.write(List.of(new Panels.Row(cells)), outDir.resolve("style-blend.png"));
	}

	private void scale() throws IOException {
		List<Panels.Cell> cells = new ArrayList<>(List.of(new Panels.Cell(brush, "style")));
		for (double s : new double[] { 0.5, 1, 2 }) {
			String label = "style scale " + (s == 1 ? "1" : Double.toString(s));
			RgbImage r = s == 1 ? brushAlone : run(label, brush, c -> c.styleScale(s));
			cells.add(new Panels.Cell(r, label));
		}
		Panels.write(List.of(new Panels.Row(cells)), outDir.resolve("style-scale.png"));
	}

	private void regions() throws IOException {
		List<Panels.Cell> cells = new ArrayList<>(List.of(new Panels.Cell(content, "content"),
			new Panels.Cell(labelView, "labels-cells.png (1 = cells)")));
		StyleRegions both = StyleRegions.of(content.width(), content.height(), labels, Map.of(1, 0, 0, 1));
		cells.add(new Panels.Cell(run("regions both", brush, c -> c.extraStyles(List.of(waves)).regions(both)),
			"cells: brush, background: waves"));
		StyleRegions cellsOnly = StyleRegions.of(content.width(), content.height(), labels, Map.of(1, 0, 0, RegionAssignment.NONE));
		cells.add(new Panels.Cell(run("regions cells", brush, c -> c.regions(cellsOnly)), "cells: brush, background: none"));
		Panels.write(List.of(new Panels.Row(cells)), outDir.resolve("regions.png"));
	}

	/** One run of the gatys preset at the pictures' size with {@code controls} applied. */
	private RgbImage run(String name, RgbImage style, UnaryOperator<StyleControls.Builder> controls) {
		StyleTransferSettings s = StyleTransferSettings.builder(Preset.GATYS).optSteps(STEPS).optSize(SIZE).optScales(1)
			.optResultSize(ResultSize.WORKING).optControls(controls).build();
		long t0 = System.nanoTime();
		RgbImage out = engine.run(content, style, weights, s, new ProgressListener() {
			@Override
			public void step(StepReport r) {
				if (r.iteration() % 10 == 0) System.out.printf(Locale.ROOT, "%s: step %d total %.4g%n", name, r.iteration(), r.total());
			}
		}, () -> false).image();
		System.out.printf(Locale.ROOT, "%s: %.0f s%n", name, (System.nanoTime() - t0) / 1e9);
		return out;
	}

	/** Labels shown as an image: background black, each label a grey level. */
	private static RgbImage view(int[] labels, int w, int h) {
		float[] d = new float[3 * w * h];
		for (int i = 0; i < labels.length; i++) for (int c = 0; c < 3; c++) d[c * w * h + i] = labels[i] == 0 ? 0 : 0.8f;
		return new RgbImage(w, h, d);
	}
}
