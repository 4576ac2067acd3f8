package io.github.neuralstyle.fiji;

import static io.github.neuralstyle.fiji.ParameterChecks.PRESET;

import ij.IJ;
import ij.ImagePlus;
import ij.plugin.frame.Recorder;

import io.github.neuralstyle.engine.StyleTransferResult;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.engine.tiling.TilingOptions;
import io.github.neuralstyle.engine.tiling.TilingPlan;
import io.github.neuralstyle.engine.video.SequenceSettings;
import io.github.neuralstyle.image.ConvertedImage;
import io.github.neuralstyle.image.ImageToRgb;
import io.github.neuralstyle.image.PlaneSelection;
import io.github.neuralstyle.image.ResultType;
import io.github.neuralstyle.image.RgbToImage;

import java.io.File;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.prefs.PrefService;
import org.scijava.thread.ThreadService;

/**
 * Repaints the content image in the style of the style image: the essentials dialog
 * (Plugins › Neural Style › Style Transfer...); {@link AdvancedStyleTransferCommand} shows
 * every field. Both take every macro key. Thin by design: parameters are
 * checked and turned into immutable settings ({@link CommandSettings}), the images converted
 * ({@code image} package), the engine run, the result converted back.
 * <p>
 * Parameter names are single lower-case words because ImageJ 1.x macros look options up by
 * lower-cased key. A preset supplies the loss recipe; every recipe field whose value is the
 * word {@code preset} takes the preset's value, any other value overrides it. Iterations and
 * size are always taken as given. Errors cancel the command with a message naming the macro key.
 * <p>
 * A run stops within one step when the command is cancelled, its thread interrupted, or Esc
 * pressed in ImageJ.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Neural Style>Style Transfer...",
	description = "Gatys-style neural style transfer (VGG19 on DJL's PyTorch engine)")
public class StyleTransferCommand extends ContextCommand {

	/** Every macro key: those of the first release in dialog order, then the controls of issue 15, then shard (16). */
	static final List<String> KEYS = List.of("content", "style", "preset", "model", "weights", "iterations", "size",
		"scales", "contentweight", "styleweight", "tvweight", "optimizer", "learningrate", "init", "seed", "device",
		"pooling", "contentlayers", "stylelayers", "preview", "resultsize", "output", "plot",
		"memorybudget", "planes", "range", "temporal", "style2", "style3", "styleblend", "stylescale", "originalcolors",
		"regions", "labels", "regionstyles", "styleregions", "initimage", "tvpower", "tolerance", "shard");

	/** The keys only the advanced dialog shows: the loss recipe and extras; the essentials dialog leaves them at their defaults. */
	static final List<String> RECIPE = List.of("scales", "contentweight", "styleweight", "tvweight", "optimizer",
		"learningrate", "init", "seed", "pooling", "contentlayers", "stylelayers", "preview", "resultsize", "plot",
		"memorybudget", "temporal", "style2", "style3", "styleblend", "stylescale", "regions", "labels", "regionstyles",
		"styleregions", "initimage", "tvpower", "tolerance", "shard");

	// Not remembered as SciJava values: runs that leave them out take the active image and another (StyleTransferInputs).
	@Parameter(label = "Content image", persist = false, description = "The image to repaint (current slice/frame of a stack).")
	ImagePlus content;

	@Parameter(label = "Style image", persist = false, description = "The painting whose style is copied (current slice/frame).")
	ImagePlus style;

	@Parameter(label = "Planes", choices = { "current", "slices", "frames", "all" },
		description = "Of a stack: the current plane, every slice, every frame, or every plane of a hyperstack. No difference for a single image.")
	String planes = "current";

	@Parameter(label = "Range (e.g. 3-10)", required = false,
		description = "Slices or frames to style: first-last, first- (to the end) or one number (frames for 'all' on a time-lapse); empty for all.")
	String range = "";

	@Parameter(label = "Temporal weight", description = "Consistency between neighbouring planes (less flicker); 0 styles each plane on its own.")
	String temporal = PlaneChoice.DEFAULT_TEMPORAL;

	// Controls of issue 15 (ControlSettings reads them); extra images are not remembered, like content and style.
	@Parameter(label = "Style image 2", required = false, persist = false,
		description = "A second style, used when Style blend gives two or three weights.")
	ImagePlus style2;

	@Parameter(label = "Style image 3", required = false, persist = false,
		description = "A third style, used when Style blend gives three weights.")
	ImagePlus style3;

	@Parameter(label = "Style blend", description = "One weight per style used, in the order Style, Style image 2, Style image 3"
		+ " (normalised to sum 1): 1 = Style alone; 3,7 = 30% Style and 70% Style image 2.")
	String styleblend = "1";

	@Parameter(label = "Style scale", description = "The styles are resized to this × the working size before their texture"
		+ " is measured: > 1 bigger strokes, < 1 finer texture; 1 = same size (up to 8).")
	String stylescale = "1";

	@Parameter(label = "Original colours", choices = { "none", "luminance", "histogram", "yuv" },
		description = "Keep the content's colours: luminance = style only the brightness; histogram = give the style the"
			+ " content's colours first; yuv = the result's brightness with the content's colours; none = the style's colours.")
	String originalcolors = "none";

	@Parameter(label = "Style regions from", choices = { "none", "selection", "overlay", "roimanager", "labels" },
		description = "Where each style goes: the content's selection (region 1), its overlay or the ROI Manager (ROI n ="
			+ " region n), or a label image (0 = background); none = everywhere.")
	String regions = "none";

	@Parameter(label = "Label image", required = false, persist = false,
		description = "With regions 'labels': an image of the content's size, one whole number per pixel, 0 = background.")
	ImagePlus labels;

	@Parameter(label = "Region styles", description = "region:style pairs, style being style, style2, style3 or none (keep"
		+ " the content), e.g. 1:style,2:style2,0:none; auto = region n takes the n-th style (cycling), background none.")
	String regionstyles = "auto";

	@Parameter(label = "Style regions on the styles", choices = { "none", "selection", "overlay" },
		description = "Where on its style image each region takes its style: the style image's selection, or ROI n of its"
			+ " overlay for region n (outside all ROIs for 0); none = the whole style image.")
	String styleregions = "none";

	@Parameter(label = "Preset", choices = { "gatys", "jcjohnson", "pytorch-tutorial", "gatys-2016", "keras-vgg16", "coursera" },
		description = "Loss recipe: layers, weights, optimizer, learning rate, init, pooling, model. Fields set to 'preset' take its values.")
	String preset = "gatys";

	@Parameter(label = "Model", choices = { PRESET, "vgg19-caffe", "vgg16-caffe", "vgg19-torchvision", "file" },
		description = "Pretrained VGG weights (downloaded once and cached), or 'file' to use the weights file below.")
	String model = PRESET;

	@Parameter(label = "Weights file", required = false, style = "open",
		description = "Local VGG weights (.h5, .safetensors or .npz); used only when model is 'file'.")
	File weights;

	@Parameter(label = "Iterations", min = "1", max = "100000", stepSize = "10",
		description = "Optimisation steps (over all scales).")
	int iterations = 500;

	@Parameter(label = "Size (long side, px)", min = "16", max = "8192", stepSize = "16",
		description = "Working size: the long side in pixels the optimisation runs at.")
	int size = 512;

	@Parameter(label = "Scales (coarse to fine)", choices = { "auto", "1", "2", "3", "4", "5", "6" },
		description = "Optimise first at 1/2, 1/4 … of the size, then refine: 'auto' picks up to 3 scales (faster to a good image); 1 = single scale.")
	String scales = "auto";

	@Parameter(label = "Content weight", description = "α, weight of the content loss: a number ≥ 0, or 'preset'.")
	String contentweight = PRESET;

	@Parameter(label = "Style weight", description = "β, weight of the style loss: a number ≥ 0 (e.g. 1e3), or 'preset'.")
	String styleweight = PRESET;

	@Parameter(label = "TV weight", description = "γ, weight of the total-variation (smoothness) loss: a number ≥ 0, or 'preset'.")
	String tvweight = PRESET;

	@Parameter(label = "TV exponent", description = "p in Σ((Δx)² + (Δy)²)^p of the TV loss: 1 = jcjohnson's, 1.25 ="
		+ " the Keras article's; a number > 0, or 'preset'.")
	String tvpower = PRESET;

	@Parameter(label = "Optimizer", choices = { PRESET, "adam", "lbfgs" },
		description = "lbfgs converges in fewer steps; adam needs less memory.")
	String optimizer = PRESET;

	@Parameter(label = "Learning rate", description = "Adam's step size, or L-BFGS's step scale (1 is standard): a number > 0, or 'preset'.")
	String learningrate = PRESET;

	@Parameter(label = "Stop tolerance", description = "Stop early once the loss changes by less than this fraction per"
		+ " step for several steps (e.g. 1e-5); 0 = never; or 'preset'.")
	String tolerance = PRESET;

	@Parameter(label = "Start from", choices = { PRESET, "content", "noise", "style", "image" },
		description = "The image the optimisation starts from.")
	String init = PRESET;

	@Parameter(label = "Start image", required = false, persist = false,
		description = "With Start from 'image': the image the optimisation starts from (resized to the working size).")
	ImagePlus initimage;

	@Parameter(label = "Random seed", min = "0", description = "Seed of the noise start; the same seed gives the same result.")
	long seed = 0;

	@Parameter(label = "Device", choices = { "auto", "cpu", "gpu" },
		description = "auto uses the first GPU if there is one, else the CPU.")
	String device = "auto";

	@Parameter(label = "Pooling", choices = { PRESET, "max", "avg" },
		description = "Pooling between VGG blocks; avg gives smoother results.")
	String pooling = PRESET;

	@Parameter(label = "Content layers", description = "e.g. relu4_2, or layer:weight pairs separated by commas; or 'preset'.")
	String contentlayers = PRESET;

	@Parameter(label = "Style layers", description = "e.g. relu1_1,relu2_1,relu3_1,relu4_1,relu5_1; or 'preset'.")
	String stylelayers = PRESET;

	@Parameter(label = "Preview every N iterations", min = "0", max = "100000",
		description = "Update a preview window every N iterations; 0 for none. No preview headless or in batch mode.")
	int preview = 0;

	@Parameter(label = "Result size", choices = { "content", "working", FullResolution.FULL },
		description = "content: resized back to the content image's size; working: the working size; "
			+ "full: optimised at the content's own size (size is not used), in tiles where memory is short.")
	String resultsize = "content";

	// Not remembered between runs: a remembered path would silently overwrite the last result.
	@Parameter(label = "Save result to", required = false, style = "save", persist = false,
		description = "Optional file to save the result to: .tif, .tiff or .png; for a stack also a folder (a name without"
			+ " extension): one PNG per plane, and a rerun keeps the planes already there. Useful headless.")
	File output;

	@Parameter(label = "Plot losses", description = "Show a plot of the losses over the iterations.")
	boolean plot = false;

	@Parameter(label = "Memory budget", description = "Memory a step may use, e.g. 6g or 512m; larger steps run in "
		+ "tiles (the same result). auto: 80% of the free memory.")
	String memorybudget = FullResolution.AUTO;

	// Not remembered: a remembered shard would silently style part of the next stack (ShardedPlanes reads it).
	@Parameter(label = "Shard (cluster array)", persist = false, description = "none, auto (SLURM's array task) or i/n:"
		+ " style only shard i of n of the planes, each into the output folder; see docs/cluster.md.")
	String shard = ShardPlan.NONE;

	@Parameter(label = "Result", type = ItemIO.OUTPUT)
	ImagePlus result;

	/** Numbers and image titles a macro gave that could not be read, as typed, by key (see {@link StyleTransferInputs}). */
	final Map<String, String> unparsed = new HashMap<>();

	@Parameter
	private NeuralStyleService neuralStyle;

	@Parameter(required = false)
	private PrefService prefs;

	@Parameter
	private StatusService status;

	@Parameter
	private LogService log;

	@Parameter
	private ThreadService threads;

	@Override
	public void run() {
		boolean previewAllowed = MacroBridge.canShowWindows();
		IJ.resetEscape(); // a stale Esc from before must not stop this run
		Progress progress = new Progress(status, previewAllowed ? new PreviewWindow(content) : null);
		try {
			StyleTransferSettings settings = CommandSettings.of(this, previewAllowed);
			TilingOptions tiling = FullResolution.tiling(memorybudget);
			String spec = CommandSettings.weightsSpec(this, settings.preset());
			if (ShardedPlanes.styled(this, settings, spec, progress, neuralStyle, threads, this::stopped)) return;
			File saveTo = ResultFiles.checkOutput(output, ResultFiles.inputs(content, style, weights));
			if (stylePlanes(settings, spec, progress, saveTo)) return; // planes other than the current one
			ConvertedImage c = convert("content", content, settings.size());
			ConvertedImage s = convert("style", style, settings.size());
			VggWeights w = neuralStyle.weights(spec, progress.weights());
			TilingPlan plan = FullResolution.plan(settings, w, c.image().width(), c.image().height(), tiling,
				FullResolution.asked(this));
			if (plan.tiled()) neuralStyle.message("Neural Style: " + FullResolution.describe(plan, tiling));
			StyleTransferResult r = neuralStyle.engine(tiling).run(c.image(), s.image(), w, settings, progress,
				this::stopped);
			ImagePlus out = RgbToImage.toImagePlus(r.image(), ResultType.of(content, c, s), content, title());
			ResultFiles.describe(out, content, c, style, s, settings, w, r);
			ControlSettings.describe(out, this, settings);
			if (saveTo != null) ResultFiles.save(out, saveTo);
			if (plot) LossPlot.present(LossPlot.of(r.history(), settings, out.getTitle()), saveTo, log);
			neuralStyle.message(ResultFiles.summary(out, r));
			StyleTransferInputs.rememberStyle(prefs, style);
			MacroBridge.publish(out, threads);
			result = out;
		}
		catch (CancellationException e) {
			fail("Neural Style: cancelled; no result was made", false);
		}
		catch (IllegalArgumentException | ArithmeticException | IOException e) {
			fail("Neural Style: " + e.getMessage(), true);
		}
		catch (RuntimeException | OutOfMemoryError e) {
			log.error("Neural Style failed", e);
			fail("Neural Style failed: " + e, true);
		}
		finally {
			progress.close();
		}
	}

	/** Styles the chosen planes of a stack ({@link PlaneRun}); false when only the plane shown is asked for. */
	private boolean stylePlanes(StyleTransferSettings settings, String spec, Progress progress, File saveTo)
		throws IOException
	{
		PlaneSelection planes = content == null || unparsed.containsKey("content") ? null : PlaneChoice.selection(this);
		SequenceSettings sequence = PlaneChoice.sequence(this);
		if (planes == null || planes.currentOnly()) return false;
		ImageToRgb.requireUsableShape("content", content, settings.size());
		ConvertedImage s = convert("style", style, settings.size());
		VggWeights w = neuralStyle.weights(spec, progress.weights());
		PlaneRun.Outcome o = new PlaneRun(neuralStyle.engine(FullResolution.tiling(memorybudget)), progress, this::stopped,
			neuralStyle::message)
			.style(planes, s, w, settings, sequence, title());
		ImagePlus out = o.image();
		ResultFiles.describe(out, content, o.content(), style, s, settings, w, o.result());
		out.setProperty("Info", out.getInfoProperty() + o.info(sequence));
		if (saveTo != null) ResultFiles.save(out, saveTo);
		if (plot) LossPlot.present(LossPlot.of(o.result().history(), settings, out.getTitle()), saveTo, log);
		neuralStyle.message(ResultFiles.summary(out, o.result()) + o.summary());
		StyleTransferInputs.rememberStyle(prefs, style);
		MacroBridge.publish(out, threads);
		result = out;
		return true;
	}

	/** Whether the run must stop: the command cancelled, its thread interrupted, or Esc pressed in ImageJ. */
	private boolean stopped() {
		return isCanceled() || IJ.escapePressed() || Thread.currentThread().isInterrupted();
	}

	ConvertedImage convert(String role, ImagePlus imp, int workingSize) {
		if (unparsed.containsKey(role)) {
			throw new IllegalArgumentException(role + "=" + unparsed.get(role) + ": no open image has this title; open it"
				+ " first, or give the title of an open image, e.g. " + role + "=[my image.tif]");
		}
		if (imp == null) {
			throw new IllegalArgumentException(role + ": no image; open one and name it, e.g. " + role + "=[my image.tif]");
		}
		ImageToRgb.requireUsableShape(role, imp, workingSize);
		ConvertedImage c = ImageToRgb.convert(imp, role);
		if (c.fromStack()) neuralStyle.message("Neural Style: " + role + " '" + imp.getTitle() + "' uses " + c.position());
		if (c.nanPixels() > 0) {
			neuralStyle.message("Neural Style: " + role + " '" + imp.getTitle() + "' has " + c.nanPixels()
				+ " NaN pixels, taken as the display minimum");
		}
		return c;
	}

	/**
	 * {@code <content>-styled-by-<style>}, without image file extensions, made unique among open
	 * images as ImageJ does for windows ({@code -1}, {@code -2} …), also headless and in batch mode.
	 */
	String title() {
		return OpenImages.uniqueTitle(ResultFiles.baseTitle(content.getTitle()) + "-styled-by-"
			+ ResultFiles.baseTitle(style.getTitle()));
	}

	/** Whether the dialog shows the recipe fields; the essentials dialog leaves them at their defaults. */
	boolean showsRecipe() {
		return false;
	}

	/**
	 * Reports a failed or cancelled run in ImageJ's Log and cancels the command. The cancel reason
	 * is the message for dialog runs (SciJava shows it), empty for macro runs (a batch goes on;
	 * no dialog per image) and for a cancel the user asked for (no dialog after Esc).
	 */
	private void fail(String message, boolean error) {
		result = null;
		neuralStyle.message(message);
		boolean macro = StyleTransferInputs.macroOptions() != null;
		// Not recorded: ImageJ would write a bare run("Style Transfer...") that reopens the dialog on replay.
		if (!macro && Recorder.record) Recorder.setCommand(null);
		cancel(error && !macro ? message : "");
	}
}
