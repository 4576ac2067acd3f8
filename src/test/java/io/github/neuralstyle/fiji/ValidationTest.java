package io.github.neuralstyle.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.process.ByteProcessor;

import io.github.neuralstyle.testsupport.TestImagePlus;

import java.io.File;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scijava.command.CommandModule;
import org.scijava.convert.ConvertService;
import org.scijava.module.ModuleItem;

/** Every bad parameter value is refused before the engine runs, with a message naming the macro key. */
class ValidationTest {

	private static CommandHarness harness;
	private static ImagePlus image;

	@BeforeAll
	static void start() {
		harness = new CommandHarness();
		image = TestImagePlus.of("rgb", "img", 32, 32);
	}

	@AfterAll
	static void stop() {
		harness.close();
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', value = {
		"iterations    | 0          | iterations=0: must be a whole number from 1 to 100000",
		"iterations    | 100001     | iterations=100001: must be a whole number from 1 to 100000",
		"size          | 8          | size=8: must be a whole number from 16 to 8192",
		"size          | 9000       | size=9000: must be a whole number from 16 to 8192",
		"scales        | 7          | scales=7: accepted values are auto, 1, 2, 3, 4, 5, 6",
		"preset        | picasso    | preset=picasso: accepted values are gatys, jcjohnson, pytorch-tutorial, gatys-2016, keras-vgg16, coursera",
		"model         | vgg99      | model=vgg99: accepted values are preset, vgg19-caffe, vgg16-caffe, vgg19-torchvision, file",
		"model         | file       | model=file: also give weights=",
		"contentweight | -1         | contentweight=-1: must be preset or a number ≥ 0",
		"styleweight   | lots       | styleweight=lots: must be preset or a number ≥ 0",
		"tvweight      | NaN        | tvweight=NaN: must be preset or a number ≥ 0",
		"tvweight      | Infinity   | tvweight=Infinity: must be preset or a number ≥ 0",
		"learningrate  | 0          | learningrate=0: must be preset or a number > 0",
		"optimizer     | Foo        | optimizer=Foo: accepted values are preset, adam, lbfgs",
		"init          | picture    | init=picture: accepted values are preset, content, noise, style, image",
		"seed          | -1         | seed=-1: must be a whole number ≥ 0",
		"device        | tpu        | device=tpu: accepted values are auto, cpu, gpu",
		"pooling       | min        | pooling=min: accepted values are preset, max, avg",
		"contentlayers | relu9_9    | contentlayers=relu9_9: unknown layer 'relu9_9'",
		"stylelayers   | relu1_1:x  | stylelayers=relu1_1:x: 'relu1_1:x' has no number after ':'",
		"stylelayers   | ,          | stylelayers=,: name at least one layer",
		"preview       | -1         | preview=-1: must be a whole number from 0 to 100000",
		"resultsize    | half       | resultsize=half: accepted values are content, working, full",
		"memorybudget  | -1g        | memorybudget=-1g: must be auto or a size such as 6g, 512m or 4096k",
		"output        | out.jpg    | output=out.jpg: the file name must end in .tif, .tiff or .png",
		"output        | /no/such/dir/out.png | output=/no/such/dir/out.png: folder /no/such/dir does not exist",
	})
	void badValueIsRefused(String key, String value, String expected) throws Exception {
		assertRefused(Map.of(key, typed(key, value)), expected);
	}

	@Test
	void missingWeightsFileIsRefused() throws Exception {
		assertRefused(Map.of("model", "file", "weights", new File("/no/such/weights.h5")),
			"weights=/no/such/weights.h5: no such file");
	}

	@Test
	void allWeightsZeroIsRefusedWithMacroKeys() throws Exception {
		assertRefused(Map.of("contentweight", "0", "styleweight", "0", "tvweight", "0"),
			"contentweight, styleweight and tvweight are all 0");
	}

	@Test
	void missingImageIsRefused() throws Exception {
		Map<String, Object> in = new HashMap<>();
		in.put("content", null);
		// SciJava's own check names the key before the command's (which guards direct Java calls).
		assertRefused(in, "'content' is required but unset");
	}

	@Test
	void onePixelWideImageIsRefused() throws Exception {
		assertRefused(Map.of("style", new ImagePlus("line", new ByteProcessor(1, 300))),
			"style image 'line' is 1×300 px: at size=32 its short side would be 0 px");
	}

	private static void assertRefused(Map<String, Object> overrides, String expected) throws Exception {
		Map<String, Object> base = new HashMap<>(Map.of("content", image, "style", image));
		base.putAll(overrides);
		int calls = harness.engine.calls();
		CommandModule m = harness.run(CommandHarness.fast(base));
		assertTrue(m.isCanceled(), "not refused");
		assertTrue(m.getCancelReason().contains(expected), () -> "message: " + m.getCancelReason());
		assertNull(m.getOutput("result"));
		assertEquals(calls, harness.engine.calls(), "the engine must not run");
	}

	/** The value as Fiji's macro layer would pass it: converted to the parameter's type. */
	private static Object typed(String key, String value) {
		for (ModuleItem<?> item : harness.commands.getCommand(StyleTransferCommand.class).inputs()) {
			if (item.getName().equals(key)) return harness.context.service(ConvertService.class).convert(value, item.getType());
		}
		throw new IllegalArgumentException("no parameter " + key);
	}
}
