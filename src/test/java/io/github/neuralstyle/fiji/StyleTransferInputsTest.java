package io.github.neuralstyle.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import ij.ImagePlus;
import ij.WindowManager;
import ij.macro.Interpreter;

import io.github.neuralstyle.engine.Preset;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.testsupport.TestImagePlus;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scijava.command.CommandModule;

/**
 * Dialog runs (no macro): which images the command starts from, the essentials dialog's recipe
 * at its defaults whatever the advanced dialog remembered, and unique result titles among open
 * (here batch-mode) images. Macro runs are tested inside a real Fiji ({@link RealFijiMacroTest}).
 */
class StyleTransferInputsTest {

	@AutoClose
	private static final CommandHarness harness = new CommandHarness();

	private final List<ImagePlus> open = new java.util.ArrayList<>();

	@BeforeEach
	void batchMode() {
		Interpreter.batchMode = true; // headless "open images" are batch-mode images
		for (int id : Interpreter.getBatchModeImageIDs()) {
			Interpreter.removeBatchModeImage(WindowManager.getImage(id)); // left by other tests of this JVM
		}
	}

	@AfterEach
	void closeAll() {
		for (ImagePlus imp : open) Interpreter.removeBatchModeImage(imp);
		Interpreter.batchMode = false;
		WindowManager.setTempCurrentImage(null);
	}

	private ImagePlus show(String title) {
		ImagePlus imp = TestImagePlus.of("rgb", title, 32, 32);
		Interpreter.addBatchModeImage(imp);
		WindowManager.setTempCurrentImage(imp);
		open.add(imp);
		return imp;
	}

	/** Fast settings without content and style (left to the command). */
	private static Map<String, Object> withoutImages(Map<String, Object> overrides) {
		Map<String, Object> in = new HashMap<>(CommandHarness.fast(overrides));
		in.remove("content");
		in.remove("style");
		return in;
	}

	@Test
	void contentIsTheActiveImageAndStyleTheLastStyleIfOpenElseAnother() throws Exception {
		ImagePlus a = show("a"), b = show("b"), c = show("c"); // c is active
		ImagePlus r = result(harness.run(withoutImages(Map.of())));
		open.add(r);
		assertEquals("c-styled-by-a", r.getTitle(), "content: the active image; style: the first other one");

		harness.run(CommandHarness.fast(Map.of("content", a, "style", b)));
		open.add(WindowManager.getCurrentImage());
		WindowManager.setTempCurrentImage(c);
		r = result(harness.run(withoutImages(Map.of())));
		open.add(r);
		assertEquals("c-styled-by-b", r.getTitle(), "style: the one used last");
		assertSame(c, WindowManager.getImage("c"));
	}

	@Test
	void resultTitlesAreUniqueAmongOpenImages() throws Exception {
		ImagePlus c = show("cells.png");
		List<String> titles = new java.util.ArrayList<>();
		for (int i = 0; i < 3; i++) {
			ImagePlus r = result(harness.run(CommandHarness.fast(Map.of("content", c, "style", c))));
			Interpreter.addBatchModeImage(r); // as MacroBridge does in a headless macro
			open.add(r);
			titles.add(r.getTitle());
		}
		assertEquals(List.of("cells-styled-by-cells", "cells-styled-by-cells-1", "cells-styled-by-cells-2"), titles);
	}

	@Test
	void theEssentialsDialogRunsTheRecipeAtItsDefaultsWhatever() throws Exception {
		ImagePlus c = show("c");
		Map<String, Object> advanced = new HashMap<>(CommandHarness.fast(Map.of("content", c, "style", c,
			"styleweight", "777", "init", "noise")));
		open.add(result(harness.commands.run(AdvancedStyleTransferCommand.class, true, advanced).get()));
		assertEquals(777, harness.engine.lastSettings().styleWeight());

		// The essentials dialog gives no recipe keys: they are settled at "preset", not remembered.
		Map<String, Object> essentials = new HashMap<>(CommandHarness.fast(Map.of("content", c, "style", c)));
		essentials.keySet().retainAll(List.of("content", "style", "preset", "model", "weights", "iterations", "size",
			"device", "output"));
		open.add(result(harness.run(essentials)));
		StyleTransferSettings s = harness.engine.lastSettings();
		StyleTransferSettings gatys = StyleTransferSettings.builder(Preset.GATYS).build();
		assertEquals(gatys.styleWeight(), s.styleWeight());
		assertEquals(gatys.init(), s.init());
		assertEquals(gatys.optimizer(), s.optimizer());
	}

	@Test
	void theDialogsChoosersAreToldTheImagesItWillAskFor() throws Exception {
		ImagePlus a = show("a.png"), b = show("b.png");
		CommandModule module = (CommandModule) harness.commands.getCommand(StyleTransferCommand.class).createModule();
		module.setInput("content", b);
		module.setInput("style", a);
		assertEquals(Map.of("Content image", "b.png", "Style image", "a.png"), StyleTransferInputs.choices(module),
			"each chooser's label with the title to select");
		module.resolveInput("style"); // given by a script: no chooser
		assertEquals(Map.of("Content image", "b.png"), StyleTransferInputs.choices(module));
	}

	private static ImagePlus result(CommandModule m) {
		assertFalse(m.isCanceled(), m::getCancelReason);
		return (ImagePlus) m.getOutput("result");
	}
}
