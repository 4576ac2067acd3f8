package io.github.neuralstyle.tools;

import io.github.neuralstyle.cli.PlaneSelection;
import io.github.neuralstyle.cli.SequenceInput;
import io.github.neuralstyle.engine.ImageResize;
import io.github.neuralstyle.engine.InitMode;
import io.github.neuralstyle.engine.ResultSize;
import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.engine.video.DefaultSequenceTransfer;
import io.github.neuralstyle.engine.video.FrameResult;
import io.github.neuralstyle.engine.video.SequenceListener;
import io.github.neuralstyle.engine.video.SequenceResult;
import io.github.neuralstyle.engine.video.SequenceSettings;
import io.github.neuralstyle.cli.ImageFiles;
import io.github.neuralstyle.testsupport.SyntheticVgg;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The flicker picture of docs/user-guide.md and docs/video.md: sample-data/timelapse-cells.tif
 * styled with style-waves.png by independent frames and by temporally consistent ones, with a
 * SMALL random VGG19 (channels / {@code divisor}, seeded) so that it runs in minutes on a busy
 * CPU; prints each run's temporal error and style loss per frame.
 * <pre>
 * java -Djava.awt.headless=true -Dai.djl.offline=true -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *   io.github.neuralstyle.tools.SequencePicture docs/images/sequence-kymograph.png 128 40 8 1e4,1e6
 * </pre>
 * Arguments: the PNG, size (128), first-frame steps (40), channel divisor (8), temporal weights
 * (the picture shows the last). Top row: one frame of the content and of both runs. Bottom row:
 * kymographs, the middle row of every frame stacked downwards in time: steady content makes
 * straight or slanted streaks, flicker breaks them up.
 */
public final class SequencePicture {

	/** Pixel rows each frame gets in a kymograph. */
	static final int ROWS_PER_FRAME = 6;

	private SequencePicture() {}

	public static void main(String[] args) throws IOException {
		Path png = Path.of(args[0]);
		int size = args.length > 1 ? Integer.parseInt(args[1]) : 128;
		int steps = args.length > 2 ? Integer.parseInt(args[2]) : 40;
		int divisor = args.length > 3 ? Integer.parseInt(args[3]) : 8;
		String[] lambdas = (args.length > 4 ? args[4] : "1e4").split(",");
		SequenceInput content = SequenceInput.open(Path.of("sample-data/timelapse-cells.tif"), PlaneSelection.ALL, size);
		RgbImage style = ImageFiles.read(Path.of("sample-data/style-waves.png"));
		VggWeights weights = SyntheticVgg.vgg19(divisor, 0);
		StyleTransferSettings s = StyleTransferSettings.builder().optSize(size).optSteps(steps).optScales(1)
			.optInit(InitMode.NOISE).optResultSize(ResultSize.WORKING).build();
		System.out.println(s + "; VGG19 channels / " + divisor + ", random weights (seed 0)");
		List<RgbImage> independent = new ArrayList<>();
		SequenceResult a = run(content, style, weights, s, SequenceSettings.builder().optTemporalWeight(0).build(), independent);
		List<RgbImage> consistent = null;
		for (String l : lambdas) {
			consistent = new ArrayList<>();
			SequenceSettings q = SequenceSettings.builder().optTemporalWeight(Double.parseDouble(l)).build();
			SequenceResult c = run(content, style, weights, s, q, consistent);
			report(q, a, c);
		}
		List<RgbImage> frames = new ArrayList<>();
		for (int i = 0; i < content.size(); i++) frames.add(ImageResize.resize(content.frame(i), independent.get(0).width(),
			independent.get(0).height()));
		int n = frames.size();
		int shown = n / 2;
		int row = frames.get(0).height() / 2;
		String at = "frame " + (shown + 1) + "/" + n;
		Panels.write(List.of(
			new Panels.Row(List.of(new Panels.Cell(frames.get(shown), "content, " + at),
				new Panels.Cell(independent.get(shown), "independent frames, " + at),
				new Panels.Cell(consistent.get(shown), "temporally consistent, " + at))),
			new Panels.Row(List.of(new Panels.Cell(kymograph(frames, row), "content: row " + row + ", time downwards"),
				new Panels.Cell(kymograph(independent, row), "independent"),
				new Panels.Cell(kymograph(consistent, row), "consistent, weight " + lambdas[lambdas.length - 1])))), png);
	}

	private static SequenceResult run(SequenceInput content, RgbImage style, VggWeights weights, StyleTransferSettings s,
		SequenceSettings q, List<RgbImage> out) throws IOException
	{
		return new DefaultSequenceTransfer().run(content, style, weights, s, q, (i, image, stats) -> out.add(image),
			SequenceListener.NONE, () -> false);
	}

	private static void report(SequenceSettings q, SequenceResult a, SequenceResult c) {
		double ratio = 0, sa = 0, sc = 0, ta = 0, tc = 0;
		int later = a.frames().size() - 1;
		for (int i = 1; i < a.frames().size(); i++) {
			FrameResult x = a.frames().get(i), y = c.frames().get(i);
			ratio += y.styleLoss() / x.styleLoss() / later;
			sa += x.steps() / (double) later;
			sc += y.steps() / (double) later;
			ta += x.millis() / 1000.0 / later;
			tc += y.millis() / 1000.0 / later;
		}
		System.out.printf(Locale.ROOT, "%s: temporal error independent %.4g, consistent %.4g (ratio %.3f); style loss of frames 2-%d "
			+ "consistent/independent %.3f; steps per later frame %.1f / %.1f; s per later frame %.2f / %.2f%n", q,
			a.temporalError(), c.temporalError(), c.temporalError() / a.temporalError(), a.frames().size(), ratio, sa, sc, ta, tc);
	}

	/** Row {@code y} of every frame, stacked downwards, each {@link #ROWS_PER_FRAME} px tall. */
	static RgbImage kymograph(List<RgbImage> frames, int y) {
		int w = frames.get(0).width();
		int h = frames.size() * ROWS_PER_FRAME;
		float[] out = new float[3 * w * h];
		for (int t = 0; t < frames.size(); t++) {
			RgbImage f = frames.get(t);
			for (int r = 0; r < ROWS_PER_FRAME; r++) {
				int oy = t * ROWS_PER_FRAME + r;
				for (int c = 0; c < 3; c++) {
					for (int x = 0; x < w; x++) out[(c * h + oy) * w + x] = f.get(c, x, y);
				}
			}
		}
		return new RgbImage(w, h, out);
	}
}
