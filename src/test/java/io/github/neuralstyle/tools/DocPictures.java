package io.github.neuralstyle.tools;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.io.FileSaver;

import io.github.neuralstyle.files.ImageFiles;
import io.github.neuralstyle.engine.DefaultStyleTransfer;
import io.github.neuralstyle.engine.Preset;
import io.github.neuralstyle.engine.ProgressListener;
import io.github.neuralstyle.engine.ResultSize;
import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.StepReport;
import io.github.neuralstyle.engine.StyleTransferResult;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.network.InputConvention;
import io.github.neuralstyle.engine.network.RandomVggWeights;
import io.github.neuralstyle.engine.network.VggArchitecture;
import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.engine.optimizers.OptimizerKind;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Makes the pictures of docs/user-guide.md and docs/control.md ({@link ControlPictures}) from
 * sample-data/ with our own engine (a second argument {@code control} makes only control.md's):
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/cp.txt
 * java -Djava.awt.headless=true -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=2 \
 *   -cp target/classes:target/test-classes:$(cat target/cp.txt) io.github.neuralstyle.tools.DocPictures docs/images
 * </pre>
 * The weights are seeded RANDOM full-size VGG19 weights (as {@code --model random-vgg19}),
 * because pretrained weights cannot be downloaded where the pictures are made: the results
 * show textures only, and every caption says so. Small size and few steps keep the whole run
 * to a few minutes on a 2-core CPU; the runs are deterministic on the CPU.
 */
public final class DocPictures {

	/** Working size (long side) of every run: small, so that a run takes well under a minute. */
	static final int SIZE = 160;

	/** L-BFGS steps of every run. */
	static final int STEPS = 30;

	private final VggWeights weights = RandomVggWeights.create(VggArchitecture.VGG19, InputConvention.CAFFE, 1, 0, 16);
	private final DefaultStyleTransfer engine = new DefaultStyleTransfer();
	private final RgbImage content;
	private final RgbImage style;
	private final Path outDir;

	private DocPictures(Path sampleData, Path outDir) throws IOException {
		this.content = ImageFiles.read(sampleData.resolve("content-cells.png"));
		this.style = ImageFiles.read(sampleData.resolve("style-waves.png"));
		this.outDir = outDir;
	}

	/**
	 * Writes presets.png, recipe-presets.png, style-weight.png, adam-vs-lbfgs.png and the control
	 * pictures into the folder given (default docs/images); with a second argument {@code control}
	 * only the control pictures.
	 */
	public static void main(String[] args) throws IOException {
		Path out = Paths.get(args.length > 0 ? args[0] : "docs/images");
		Files.createDirectories(out);
		DocPictures p = new DocPictures(Paths.get("sample-data"), out);
		new ControlPictures(ControlPictures.quarterWidth(), Paths.get("sample-data"), out).writeAll();
		if (args.length > 1 && args[1].equals("control")) return;
		StyleTransferResult gatys = p.presets();
		p.styleWeights(gatys);
		p.optimizers(gatys);
	}

	/**
	 * Content, style and the result of each preset: the three original presets in presets.png,
	 * the published recipes in recipe-presets.png (two files keep each under the docs' size
	 * limit: noise-start results compress poorly). Returns the gatys run.
	 */
	private StyleTransferResult presets() throws IOException {
		List<Panels.Cell> original = new ArrayList<>(List.of(new Panels.Cell(content, "content"), new Panels.Cell(style, "style")));
		List<Panels.Cell> recipes = new ArrayList<>(original);
		StyleTransferResult gatys = null;
		for (Preset preset : Preset.values()) {
			StyleTransferResult r = run(preset.id(), StyleTransferSettings.builder(preset));
			if (preset == Preset.GATYS) gatys = r;
			boolean isOriginal = preset == Preset.GATYS || preset == Preset.JCJOHNSON || preset == Preset.PYTORCH_TUTORIAL;
			(isOriginal ? original : recipes).add(new Panels.Cell(r.image(), "preset=" + preset.id()));
		}
		Panels.write(List.of(new Panels.Row(original)), outDir.resolve("presets.png"));
		Panels.write(List.of(new Panels.Row(recipes)), outDir.resolve("recipe-presets.png"));
		return gatys;
	}

	/** The gatys preset at style weights 10, 100 (its own, run already) and 1000. */
	private void styleWeights(StyleTransferResult preset) throws IOException {
		List<Panels.Cell> cells = new ArrayList<>();
		cells.add(new Panels.Cell(content, "content"));
		for (double beta : new double[] { 10, 100, 1000 }) {
			StyleTransferResult r = beta == 100 ? preset
				: run("styleweight=" + (int) beta, StyleTransferSettings.builder(Preset.GATYS).optStyleWeight(beta));
			cells.add(new Panels.Cell(r.image(), "styleweight=" + (int) beta));
		}
		Panels.write(List.of(new Panels.Row(cells)), outDir.resolve("style-weight.png"));
	}

	/** Total loss per step of the gatys preset with L-BFGS (run already) and with Adam. */
	private void optimizers(StyleTransferResult lbfgs) throws IOException {
		StyleTransferResult adam = run("adam", StyleTransferSettings.builder(Preset.GATYS)
			.optOptimizer(OptimizerKind.ADAM).optLearningRate(0.02));
		Plot plot = new Plot("Adam vs L-BFGS", "step", "total loss (log scale)");
		plot.setSize(520, 300);
		add(plot, lbfgs, Color.RED, 2);
		add(plot, adam, Color.BLUE, 2);
		plot.setLegend(String.format(Locale.ROOT, "L-BFGS (%.0f ms/step)\tAdam, lr 0.02 (%.0f ms/step)",
			lbfgs.medianStepMillis(), adam.medianStepMillis()), Plot.TOP_RIGHT);
		plot.setLimitsToFit(false);
		plot.setAxisYLog(true); // after fitting the limits, which resets log axes
		ImagePlus imp = plot.getImagePlus();
		if (!new FileSaver(imp).saveAsPng(outDir.resolve("adam-vs-lbfgs.png").toString())) {
			throw new IOException("could not write adam-vs-lbfgs.png");
		}
	}

	private static void add(Plot plot, StyleTransferResult r, Color color, float width) {
		List<StepReport> h = r.history();
		double[] x = new double[h.size()];
		double[] y = new double[h.size()];
		for (int i = 0; i < h.size(); i++) {
			x[i] = h.get(i).iteration();
			y[i] = h.get(i).total();
		}
		plot.setColor(color);
		plot.setLineWidth(width);
		plot.addPoints(x, y, Plot.LINE);
	}

	/** One run at the pictures' size and step count, printing a line every 10 steps. */
	private StyleTransferResult run(String name, StyleTransferSettings.Builder b) {
		StyleTransferSettings s = b.optSteps(STEPS).optSize(SIZE).optResultSize(ResultSize.WORKING).build();
		ProgressListener log = new ProgressListener() {
			@Override
			public void step(StepReport r) {
				if (r.iteration() % 10 == 0) {
					System.out.printf(Locale.ROOT, "%s: step %d/%d total %.4g (%.1f s)%n", name, r.iteration(),
						r.totalSteps(), r.total(), r.elapsedMillis() / 1000.0);
				}
			}
		};
		BooleanSupplier never = () -> false;
		return engine.run(content, style, weights, s, log, never);
	}
}
