package io.github.neuralstyle.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.WindowManager;
import ij.io.Opener;
import ij.macro.Interpreter;

import io.github.neuralstyle.engine.Preset;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.optimizers.OptimizerKind;
import io.github.neuralstyle.testsupport.TestImagePlus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.module.ModuleService;

/** The command through a SciJava context on every image type, with the real engine on a tiny network. */
class StyleTransferCommandTest {

	@AutoClose
	private static final CommandHarness harness = new CommandHarness();

	@ParameterizedTest(name = "{0} styled by {1}")
	@CsvSource({ "gray8, gray8, GRAY8", "gray16, gray16, GRAY16", "gray32, gray8, GRAY32", "rgb, gray8, RGB",
		"gray8, rgb, RGB", "composite, gray16, RGB", "stack, rgb, RGB", "hyperstack, gray32, GRAY16" })
	void resultTypeSizeTitleCalibrationAndUntouchedInputs(String contentKind, String styleKind, String type)
		throws Exception
	{
		ImagePlus content = TestImagePlus.of(contentKind, "my content.tif", 40, 24);
		ImagePlus style = TestImagePlus.of(styleKind, "wave.png", 24, 24);
		TestImagePlus.Snapshot before = TestImagePlus.snapshot(content), styleBefore = TestImagePlus.snapshot(style);
		CommandModule m = harness.run(CommandHarness.fast(Map.of("content", content, "style", style)));
		assertFalse(m.isCanceled(), () -> m.getCancelReason());
		ImagePlus r = (ImagePlus) m.getOutput("result");
		assertEquals("my content-styled-by-wave", r.getTitle());
		assertEquals(TestImagePlus.typeName(r), type);
		assertEquals(40, r.getWidth());
		assertEquals(24, r.getHeight());
		assertEquals(1, r.getStackSize());
		assertEquals(content.getCalibration().pixelWidth, r.getCalibration().pixelWidth, 1e-12);
		assertEquals("µm", r.getCalibration().getUnit());
		assertTrue(r.getInfoProperty().startsWith("content info"), r.getInfoProperty());
		assertTrue(r.getInfoProperty().contains("Neural Style settings: preset=gatys"), r.getInfoProperty());
		before.assertUnchanged(content);
		styleBefore.assertUnchanged(style);
	}

	@Test
	void workingSizeResultRescalesTheCalibration() throws Exception {
		ImagePlus content = TestImagePlus.of("gray8", "c", 64, 32);
		CommandModule m = harness.run(CommandHarness.fast(Map.of("content", content, "style", content,
			"resultsize", "working")));
		ImagePlus r = (ImagePlus) m.getOutput("result");
		assertEquals(32, r.getWidth());
		assertEquals(16, r.getHeight());
		assertEquals(2 * content.getCalibration().pixelWidth, r.getCalibration().pixelWidth, 1e-12);
	}

	@Test
	void presetFillsTheRecipeAndExplicitValuesOverride() throws Exception {
		ImagePlus content = TestImagePlus.of("rgb", "c", 32, 32);
		harness.run(CommandHarness.fast(Map.of("content", content, "style", content, "preset", "pytorch-tutorial",
			"optimizer", "preset", "learningrate", "preset", "styleweight", "2e3")));
		StyleTransferSettings s = harness.engine.lastSettings();
		StyleTransferSettings tutorial = StyleTransferSettings.builder(Preset.PYTORCH_TUTORIAL).build();
		assertEquals(Preset.PYTORCH_TUTORIAL, s.preset());
		assertEquals(OptimizerKind.LBFGS, s.optimizer());
		assertEquals(tutorial.contentLayers(), s.contentLayers());
		assertEquals(tutorial.contentWeight(), s.contentWeight());
		assertEquals(2000, s.styleWeight());
		assertEquals(2, s.steps(), "iterations are never taken from the preset");
	}

	@Test
	void savesPngAndTiffAndTheLossPlot(@TempDir Path dir) throws Exception {
		ImagePlus content = TestImagePlus.of("gray16", "c", 32, 16);
		Path png = dir.resolve("out.png"), tif = dir.resolve("out.tif");
		harness.run(CommandHarness.fast(Map.of("content", content, "style", content, "output", png.toFile(),
			"plot", true)));
		assertTrue(Files.size(png) > 0);
		assertTrue(Files.size(dir.resolve("out-losses.png")) > 0);
		CommandModule m = harness.run(CommandHarness.fast(Map.of("content", content, "style", content,
			"output", tif.toFile())));
		ImagePlus saved = new Opener().openImage(tif.toString());
		assertEquals(ImagePlus.GRAY16, saved.getType());
		assertArrayEquals((short[]) ((ImagePlus) m.getOutput("result")).getProcessor().getPixels(),
			(short[]) saved.getProcessor().getPixels());
	}

	@Test
	void headlessBatchModeMacroSeesTheResult() throws Exception {
		ImagePlus content = TestImagePlus.of("rgb", "c", 32, 32);
		Interpreter.batchMode = true;
		int before = Interpreter.getBatchModeImageCount();
		try {
			ImagePlus r = (ImagePlus) harness.run(CommandHarness.fast(Map.of("content", content, "style", content,
				"plot", true))).getOutput("result");
			assertSame(r, Interpreter.getLastBatchModeImage());
			assertSame(r, WindowManager.getCurrentImage());
			assertEquals(before + 2, Interpreter.getBatchModeImageCount(), "the plot, then the result");
			Interpreter.removeBatchModeImage(r);
			Interpreter.removeBatchModeImage(Interpreter.getLastBatchModeImage());
		}
		finally {
			Interpreter.batchMode = false;
			WindowManager.setTempCurrentImage(null);
		}
	}

	@Test
	void cancelFromAnotherThreadStopsAndLeavesNoResult() throws Exception {
		ImagePlus content = TestImagePlus.of("rgb", "c", 32, 32);
		ModuleService modules = harness.context.service(ModuleService.class);
		CommandInfo info = harness.commands.getCommand(StyleTransferCommand.class);
		CommandModule m = (CommandModule) modules.createModule(info);
		int before = harness.engine.steps();
		int images = WindowManager.getImageCount();
		var latch = harness.engine.armFirstStep();
		var future = modules.run(m, true, CommandHarness.fast(Map.of("content", content, "style", content,
			"iterations", 100_000)));
		assertTrue(latch.await(60, TimeUnit.SECONDS));
		m.cancel("test stops it");
		future.get(60, TimeUnit.SECONDS);
		assertTrue(m.isCanceled());
		assertNull(m.getOutput("result"));
		assertTrue(harness.engine.steps() - before < 1000, "stopped within a step or so");
		assertEquals(images, WindowManager.getImageCount(), "no window or batch-mode image left behind");
	}

	@Test
	void escapeInImageJStopsTheRun() throws Exception {
		ImagePlus content = TestImagePlus.of("gray8", "c", 32, 32);
		var latch = harness.engine.armFirstStep();
		var future = harness.start(CommandHarness.fast(Map.of("content", content, "style", content,
			"iterations", 100_000)));
		assertTrue(latch.await(60, TimeUnit.SECONDS));
		ij.IJ.setKeyDown(java.awt.event.KeyEvent.VK_ESCAPE);
		try {
			CommandModule m = future.get(60, TimeUnit.SECONDS);
			assertTrue(m.isCanceled());
			assertTrue(m.getCancelReason().contains("cancelled"), m.getCancelReason());
			assertNull(m.getOutput("result"));
		}
		finally {
			ij.IJ.resetEscape();
		}
	}

	@Test
	void progressGoesToTheStatusBar() throws Exception {
		java.util.List<String> messages = new java.util.concurrent.CopyOnWriteArrayList<>();
		Object listener = new Object() {

			@org.scijava.event.EventHandler
			void onStatus(org.scijava.app.event.StatusEvent e) {
				if (e.getStatusMessage() != null) messages.add(e.getStatusMessage());
			}
		};
		harness.context.service(org.scijava.event.EventService.class).subscribe(listener);
		ImagePlus content = TestImagePlus.of("rgb", "c", 32, 32);
		harness.run(CommandHarness.fast(Map.of("content", content, "style", content)));
		assertTrue(messages.stream().anyMatch(m -> m.matches("Neural Style: iteration 2/2, loss [0-9.]+(e-?[0-9]+)?")),
			messages::toString);
	}

	@Test
	void statusMessageFormat() {
		assertEquals("3.2e4", Progress.shortNumber(32_000));
		assertEquals("512", Progress.shortNumber(512));
		assertEquals("0.0312", Progress.shortNumber(0.0312));
		assertEquals("1.5e-3", Progress.shortNumber(0.0015));
		assertNotNull(Progress.shortNumber(Double.NaN));
	}

	private static void assertSame(Object expected, Object actual) {
		org.junit.jupiter.api.Assertions.assertSame(expected, actual);
	}
}
