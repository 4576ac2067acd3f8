package io.github.neuralstyle.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.Macro;
import ij.plugin.frame.Recorder;

import io.github.neuralstyle.testsupport.TestImagePlus;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.convert.ConvertService;
import org.scijava.module.ModuleItem;
import org.scijava.service.Service;

/**
 * The part of Fiji's macro path that is ours: Fiji (imagej-legacy) looks each input up with
 * {@code Macro.getValue(options, name, null)} and converts the text to the input's type.
 */
class MacroOptionsTest {

	/** A value for every macro key, as a user would record it; a new parameter must be added here. */
	private static final Map<String, String> SAMPLES = new LinkedHashMap<>();

	static {
		SAMPLES.put("content", "a b");
		SAMPLES.put("style", "s");
		SAMPLES.put("preset", "jcjohnson");
		SAMPLES.put("model", "file");
		SAMPLES.put("weights", "/data/vgg weights/vgg19.h5");
		SAMPLES.put("iterations", "3");
		SAMPLES.put("scales", "1");
		SAMPLES.put("size", "32");
		SAMPLES.put("contentweight", "5");
		SAMPLES.put("styleweight", "1000");
		SAMPLES.put("tvweight", "1e-3");
		SAMPLES.put("optimizer", "adam");
		SAMPLES.put("learningrate", "0.05");
		SAMPLES.put("init", "noise");
		SAMPLES.put("seed", "7");
		SAMPLES.put("device", "cpu");
		SAMPLES.put("pooling", "avg");
		SAMPLES.put("contentlayers", "relu2_1");
		SAMPLES.put("stylelayers", "relu1_1,relu2_1:0.5");
		SAMPLES.put("preview", "0");
		SAMPLES.put("resultsize", "working");
		SAMPLES.put("output", "/tmp/styled results/out.png");
		SAMPLES.put("plot", "true");
		SAMPLES.put("memorybudget", "6g");
		SAMPLES.put("planes", "frames");
		SAMPLES.put("range", "3-10");
		SAMPLES.put("temporal", "1e4");
		SAMPLES.put("style2", "s2");
		SAMPLES.put("style3", "s 3");
		SAMPLES.put("styleblend", "3,7");
		SAMPLES.put("stylescale", "0.5");
		SAMPLES.put("originalcolors", "luminance");
		SAMPLES.put("regions", "labels");
		SAMPLES.put("labels", "cells labels.tif");
		SAMPLES.put("regionstyles", "1:style,2:style2,0:none");
		SAMPLES.put("styleregions", "overlay");
		SAMPLES.put("initimage", "start");
		SAMPLES.put("tvpower", "1.25");
		SAMPLES.put("tolerance", "1e-5");
		SAMPLES.put("shard", "1/4");
	}

	@AutoClose
	private static final CommandHarness harness = new CommandHarness();

	@Test
	void macroLookupFindsEveryRecordedParameter() {
		Recorder.resetCommandOptions();
		for (ModuleItem<?> item : macroInputs()) {
			String name = item.getName();
			assertTrue(name.matches("[a-z][a-z0-9]*"), name + " must be one lower-case word: macros look keys up lower-cased");
			String value = SAMPLES.get(name);
			assertNotNull(value, "no macro sample for parameter '" + name + "': add one to SAMPLES");
			Recorder.recordOption(name, value);
		}
		String options = Recorder.getCommandOptions() + " ";
		Recorder.resetCommandOptions();
		assertTrue(options.contains("content=[a b] "), options);
		for (ModuleItem<?> item : macroInputs()) {
			assertEquals(SAMPLES.get(item.getName()), Macro.getValue(options, item.getName(), null), item.getName());
		}
		assertEquals(SAMPLES.size(), macroInputs().size(), "every sample is a parameter");
	}

	@Test
	void recordedOptionsGiveTheSameResultAsTheDirectPath() throws Exception {
		ImagePlus content = TestImagePlus.of("rgb", "a b", 32, 24);
		ImagePlus style = TestImagePlus.of("gray8", "s", 24, 24);
		String options = "content=[a b] style=s iterations=3 styleweight=1000 size=32 optimizer=adam "
			+ "learningrate=0.05 init=noise seed=7 device=cpu stylelayers=relu1_1,relu2_1:0.5 ";
		CommandModule viaMacro = harness.run(fromMacro(options, Map.of("a b", content, "s", style)));
		CommandModule direct = harness.run(CommandHarness.fast(Map.of("content", content, "style", style,
			"iterations", 3, "styleweight", "1000", "init", "noise", "seed", 7L, "stylelayers", "relu1_1,relu2_1:0.5")));
		assertFalse(viaMacro.isCanceled(), viaMacro::getCancelReason);
		int[] a = (int[]) ((ImagePlus) viaMacro.getOutput("result")).getProcessor().getPixels();
		int[] b = (int[]) ((ImagePlus) direct.getOutput("result")).getProcessor().getPixels();
		assertArrayEquals(b, a);
		assertEquals(3, harness.engine.lastSettings().steps());
	}

	@Test
	void badMacroValuesAreRefusedNamingKeyAndAcceptedValues() throws Exception {
		ImagePlus img = TestImagePlus.of("rgb", "a b", 32, 24);
		Map<String, ImagePlus> open = Map.of("a b", img);
		CommandModule m = harness.run(fromMacro("content=[a b] style=[a b] iterations=0 ", open));
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("iterations=0: must be a whole number from 1 to 100000"),
			m.getCancelReason());
		m = harness.run(fromMacro("content=[a b] style=[a b] optimizer=Foo ", open));
		assertTrue(m.getCancelReason().contains("optimizer=Foo: accepted values are preset, adam, lbfgs"),
			m.getCancelReason());
	}

	/** See {@link MacroOptions#fromMacro}. */
	private static Map<String, Object> fromMacro(String options, Map<String, ImagePlus> openImages) {
		return MacroOptions.fromMacro(options, openImages::get, harness.context.service(ConvertService.class));
	}

	private static java.util.List<ModuleItem<?>> macroInputs() {
		CommandInfo info = harness.commands.getCommand(StyleTransferCommand.class);
		java.util.List<ModuleItem<?>> items = new java.util.ArrayList<>();
		for (ModuleItem<?> item : info.inputs()) {
			if (!Service.class.isAssignableFrom(item.getType()) && item.getType() != org.scijava.Context.class) items.add(item);
		}
		return items;
	}
}
