package io.github.neuralstyle.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.macro.Interpreter;

import java.awt.HeadlessException;

import io.github.neuralstyle.files.ImageFiles;
import io.github.neuralstyle.testsupport.HeadlessImageJ;
import io.github.neuralstyle.testsupport.TestImages;
import io.github.neuralstyle.testsupport.WeightsFixtures;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The macros of macros/ run as written through ImageJ 1.x's interpreter, headless, on tiny
 * images with a small synthetic VGG19 and 2-step runs. Fiji's {@code run("Style Transfer...", options)}
 * needs imagej-legacy (not on Maven Central), so the one call is swapped for {@code call(...)}
 * into {@link MacroOptions}, which turns the options into the command's inputs as Fiji does and
 * refuses keys the command does not have. Everything else (files, stacks, montage, GIF, AVI) is
 * ImageJ's own, with its command table filled as Fiji's headless mode has it ({@link HeadlessImageJ}),
 * except the AVI writer's dialog (see {@link MacroOptions#avi}).
 */
class MacroFilesTest {

	static final Path MACROS = Paths.get("macros");
	private static final String RUN = "run(\"Style Transfer...\", ";

	private static CommandHarness harness;

	@TempDir
	Path dir;

	private String common;

	@BeforeAll
	static void start() {
		HeadlessImageJ.installCommands();
		harness = new CommandHarness();
		harness.context.service(NeuralStyleService.class).setWeightsResolver(DefaultWeights::resolve);
		MacroOptions.harness = harness;
	}

	@AfterAll
	static void stop() {
		MacroOptions.harness = null;
		harness.close();
		HeadlessImageJ.removeCommands();
	}

	@BeforeEach
	void files() throws IOException {
		Path weights = dir.resolve("tiny vgg19.safetensors");
		Files.write(weights, WeightsFixtures.safetensors(CommandHarness.WEIGHTS, Map.of(), false));
		ImageFiles.write(TestImages.content(40, 30), dir.resolve("in/cells a.png"));
		ImageFiles.write(TestImages.content(30, 40), dir.resolve("in/cells-b.tif"));
		ImageFiles.write(TestImages.style(32, 32), dir.resolve("in/waves.png")); // the style, in the input folder
		Files.writeString(dir.resolve("in/notes.txt"), "not an image");
		common = " model=file weights=[" + weights + "] iterations=2 size=32 device=cpu optimizer=adam learningrate=0.05";
		MacroOptions.calls.clear();
		MacroOptions.errors.clear();
	}

	@AfterEach
	void noImagesLeft() {
		WindowManager.setTempCurrentImage(null);
		assertEquals(List.of(), MacroOptions.errors);
		int[] ids = WindowManager.getIDList();
		List<String> left = new ArrayList<>();
		if (ids != null) for (int id : ids) left.add(WindowManager.getImage(id).getTitle());
		assertEquals(List.of(), left, "images left open");
		Interpreter.batchMode = true; // the batch-mode list is only read in batch mode
		try {
			assertEquals(0, Interpreter.getBatchModeImageCount(), "batch-mode images left");
		}
		finally {
			Interpreter.batchMode = false;
		}
	}

	@Test
	void batchStyleWritesOneResultPerImageAndSkipsTheStyle() throws Exception {
		run("batch-style.ijm", "input=[" + dir.resolve("in") + "/] style=[" + dir.resolve("in/waves.png")
			+ "] output=[" + dir.resolve("out") + "]" + common);
		assertEquals(2, MacroOptions.calls.size(), MacroOptions.calls::toString);
		assertEquals(40, ImageFiles.read(dir.resolve("out/cells a-styled.png")).width());
		assertEquals(30, ImageFiles.read(dir.resolve("out/cells-b-styled.png")).width());
		assertTrue(MacroOptions.calls.get(0).contains("output=[" + dir.resolve("out") + "/cells a-styled.png]"));
		try (var files = Files.list(dir.resolve("out"))) {
			assertEquals(2, files.count(), "only the two content images are styled");
		}
	}

	@Test
	void sweepMakesALabelledMontageAndStack() throws Exception {
		run("sweep-weights.ijm", "content=[" + dir.resolve("in/cells a.png") + "] style=[" + dir.resolve("in/waves.png")
			+ "] styleweights=[10,1000] contentweights=[1,5] output=[" + dir.resolve("sweep.png") + "]" + common);
		assertEquals(4, MacroOptions.calls.size());
		assertTrue(MacroOptions.calls.get(1).contains("contentweight=1 styleweight=1000"), MacroOptions.calls::toString);
		ImagePlus stack = IJ.openImage(dir.resolve("sweep-stack.tif").toString());
		assertEquals(4, stack.getStackSize());
		assertEquals("content 1, style 10", stack.getStack().getSliceLabel(1));
		assertEquals("content 5, style 1000", stack.getStack().getSliceLabel(4));
		ImagePlus montage = IJ.openImage(dir.resolve("sweep.png").toString());
		assertTrue(montage.getWidth() >= 2 * 40 && montage.getHeight() >= 2 * 30, montage.toString());
	}

	@Test
	void animationSavesStackGifAndAvi() throws Exception {
		Path out = dir.resolve("movie");
		run("animate.ijm", "content=[" + dir.resolve("in/cells a.png") + "] style=[" + dir.resolve("in/waves.png")
			+ "] output=[" + out + "] frames=3 every=1 fps=4" + common.replace(" iterations=2", ""));
		assertEquals(3, MacroOptions.calls.size());
		assertTrue(MacroOptions.calls.get(2).contains("iterations=3"), MacroOptions.calls::toString);
		ImagePlus stack = IJ.openImage(out + ".tif");
		assertEquals(3, stack.getStackSize());
		assertEquals("iteration 00003", stack.getStack().getSliceLabel(3));
		assertEquals(3, IJ.openImage(out + ".gif").getStackSize(), "animated GIF with 3 frames");
		assertTrue(Files.size(Paths.get(out + ".avi")) > 1000, "AVI written");
	}

	@Test
	void timeLapseMacroStylesTheSampleFramesIntoATimeSeriesTiffAndGif() throws Exception {
		Path out = dir.resolve("cells-waves");
		run("style-timelapse.ijm", "content=[" + Paths.get("sample-data/timelapse-cells.tif").toAbsolutePath()
			+ "] style=[" + dir.resolve("in/waves.png") + "] output=[" + out + "] range=2-4" + common);
		assertEquals(1, MacroOptions.calls.size());
		assertTrue(MacroOptions.calls.get(0).contains("planes=frames range=[2-4]"), MacroOptions.calls::toString);
		ImagePlus styled = IJ.openImage(out + ".tif");
		assertEquals(List.of(128, 96, 1, 1, 3), List.of(styled.getWidth(), styled.getHeight(), styled.getNChannels(),
			styled.getNSlices(), styled.getNFrames()));
		ImagePlus sample = IJ.openImage("sample-data/timelapse-cells.tif");
		assertEquals(sample.getCalibration().frameInterval, styled.getCalibration().frameInterval);
		assertEquals(sample.getCalibration().getTimeUnit(), styled.getCalibration().getTimeUnit());
		assertEquals(3, IJ.openImage(out + ".gif").getStackSize(), "animated GIF with 3 frames");
	}

	/** Runs a macro file with {@code run("Style Transfer...", …)} swapped for the call bridge. */
	private static void run(String file, String argument) throws IOException {
		String text = Files.readString(MACROS.resolve(file), StandardCharsets.UTF_8);
		assertTrue(text.contains(RUN), file + " must call the command as Fiji records it");
		text = text.replace(RUN, "call(\"" + MacroOptions.class.getName() + ".run\", ")
			.replace("run(\"AVI... \", ", "call(\"" + MacroOptions.class.getName() + ".avi\", ");
		// A macro error opens a dialog, which fails headless: the message is read back instead.
		Interpreter interpreter = new Interpreter();
		try {
			interpreter.run(text, argument);
		}
		catch (HeadlessException e) {
			fail(file + ": " + interpreter.getErrorMessage() + "; command calls: " + MacroOptions.calls
				+ "; command errors: " + MacroOptions.errors);
		}
		finally {
			WindowManager.setTempCurrentImage(null);
		}
		assertEquals(new ArrayList<>(), MacroOptions.errors, file);
	}
}
