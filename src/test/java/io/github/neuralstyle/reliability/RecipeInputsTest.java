package io.github.neuralstyle.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ij.ImagePlus;

import io.github.neuralstyle.files.ImageFiles;
import io.github.neuralstyle.cli.Main;
import io.github.neuralstyle.engine.DefaultStyleTransfer;
import io.github.neuralstyle.engine.ProgressListener;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.network.InputConvention;
import io.github.neuralstyle.engine.network.VggArchitecture;
import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.fiji.CommandHarness;
import io.github.neuralstyle.testsupport.CliRun;
import io.github.neuralstyle.testsupport.SyntheticVgg;
import io.github.neuralstyle.testsupport.TestImagePlus;
import io.github.neuralstyle.testsupport.TestImages;
import io.github.neuralstyle.testsupport.WeightsFixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scijava.command.CommandModule;

/**
 * Recipes (layers, loss weights, optimiser and learning rate) that used to crash, diverge or be
 * ignored: each is refused before anything runs, on the command line (exit 2, one line) and
 * in Fiji (the command cancels, no stack trace), with a message naming the zero or bad values
 * and the fix; or, where the recipe is valid, it runs sanely.
 */
class RecipeInputsTest {

	@TempDir
	static Path dir;
	static Path content, style, weights, shallowWeights;
	static byte[] contentBytes, styleBytes;
	static CommandHarness fiji;
	static ImagePlus image;

	@BeforeAll
	static void files() throws Exception {
		content = dir.resolve("content.png");
		style = dir.resolve("style.png");
		weights = dir.resolve("small.safetensors");
		shallowWeights = dir.resolve("four-convs.safetensors");
		ImageFiles.write(TestImages.content(40, 30), content);
		ImageFiles.write(TestImages.style(32, 32), style);
		Files.write(weights, WeightsFixtures.safetensors(SyntheticVgg.vgg19(16, 3), Map.of(), false));
		Files.write(shallowWeights, WeightsFixtures.safetensors(
			SyntheticVgg.create(VggArchitecture.VGG19, InputConvention.TORCHVISION, 16, 1, 4), Map.of(), false));
		contentBytes = Files.readAllBytes(content);
		styleBytes = Files.readAllBytes(style);
		fiji = new CommandHarness();
		image = TestImagePlus.of("rgb", "img", 32, 32);
	}

	@AfterAll
	static void stop() {
		fiji.close();
	}

	/** Issue 12.9 and its relatives, on the command line: exit 2, one line naming the zero weights and the fix. */
	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
		// the reported crash: NullPointerException "target" is null
		"--style-layers relu1_1:0 --content-weight 0 --tv-weight 0 | nothing to optimise: content weight is 0, style layers relu1_1:0 has weight 0, tv weight is 0 | turn one term on",
		"--content-layers relu4_2:0 --style-weight 0 --tv-weight 0 | nothing to optimise: content layers relu4_2:0 has weight 0, style weight is 0, tv weight is 0 | a content layer weight above 0 (e.g. relu4_2:1)",
		"--style-layers relu1_1:0,relu2_1:0                         | style layers relu1_1:0,relu2_1:0 all have weight 0 while style weight is 100 | or set style weight 0 to turn style off",
		"--content-layers relu4_2:0                                 | content layers relu4_2:0 has weight 0 while content weight is 5 | or set content weight 0 to turn content off",
		"--content-weight 0 --style-weight 0 --tv-weight 0          | nothing to optimise | set at least one above 0",
		"--style-weight 1e300                                       | style weight must be at most 1e15 | use a smaller weight",
		"--style-layers relu1_1:1e300                               | style layers weight of relu1_1 must be at most 1e15 | use a smaller weight",
		"--style-layers relu1_1:-1                                  | style layers weight of relu1_1 must be a finite number ≥ 0 | -1",
		"--style-layers relu1_1:NaN                                 | 'relu1_1:NaN' has no number after ':' | e.g. relu1_1:0.5",
		"--style-layers relu1_1:1e999                               | style layers weight of relu1_1 must be a finite number ≥ 0 | Infinity",
		"--style-layers relu6_1                                     | unknown layer 'relu6_1' | layers are conv1_1 … conv5_4",
		"--size 24 --scales 1 --style-layers pool5                  | too small for layer depth (5 poolings need at least 32 px | raise size, use fewer scales or shallower layers",
	})
	void badRecipesAreRefusedOnTheCommandLine(String options, String culprit, String fix) throws Exception {
		Path out = dir.resolve("never.png");
		List<String> args = CliRun.withOptions(base(out), List.of(options.trim().split(" +")));
		String[] outErr = cli(2, args);
		String err = outErr[1].trim();
		assertEquals(1, err.lines().count(), err);
		assertTrue(err.startsWith("neural-style: "), err);
		assertTrue(err.contains(culprit), err);
		assertTrue(err.contains(fix.trim()), err);
		assertFalse(err.contains("Exception"), err);
		assertUntouched(out);
	}

	/** A style layer deeper than the weights hold: refused before any step, naming the layer and the weights. */
	@Test
	void aLayerDeeperThanTheWeightsIsRefused() throws Exception {
		Path out = dir.resolve("never.png");
		List<String> args = base(out);
		args.set(args.indexOf(weights.toString()), shallowWeights.toString());
		String err = cli(2, args)[1].trim();
		// (Four convolutions fit VGG16 and VGG19 alike; the reader takes VGG16, where relu5_1 is the 11th.)
		assertTrue(err.contains("hold 4 convolutions but layer relu5_1 needs "), err);
		assertTrue(err.contains("choose shallower layers or a complete weights file"), err);
		assertUntouched(out);
	}

	/** A style image too thin for the style layers' poolings: refused before any step (was an EngineException "Output size is too small"). */
	@Test
	void aStyleTooThinForTheStyleLayersIsRefused() throws Exception {
		Path thin = dir.resolve("thin style.png");
		ImageFiles.write(TestImages.style(200, 4), thin);
		byte[] before = Files.readAllBytes(thin);
		Path out = dir.resolve("never.png");
		List<String> args = base(out);
		args.set(args.indexOf(style.toString()), thin.toString());
		args = CliRun.withOptions(args, List.of("--scales", "1"));
		// The command line's image reader refuses it first, naming the file...
		String err = cli(2, args)[1].trim();
		assertTrue(err.contains("thin style.png is 200×4 px: at size=32 its short side would be 1 px"), err);
		assertTrue(err.contains("use a less elongated image or a larger size"), err);
		assertFalse(err.contains("Exception"), err);
		assertArrayEquals(before, Files.readAllBytes(thin));
		assertUntouched(out);
		// ...and the engine itself refuses it for callers that skip the reader.
		StyleTransferSettings s = StyleTransferSettings.builder().optSize(32).optSteps(1).optScales(1).build();
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DefaultStyleTransfer().run(
			TestImages.content(32, 32), TestImages.style(200, 4), SyntheticVgg.vgg19(16, 1), s, ProgressListener.NONE, () -> false));
		assertTrue(e.getMessage().contains("the 200×4 px style image becomes 32×1 px at the working size, too thin for the "
			+ "style layers (4 poolings need at least 16 px on the short side)"), e.getMessage());
		assertTrue(e.getMessage().contains("use a style image closer to square, raise size"), e.getMessage());
	}

	/** Issue 12.9 in Fiji: the command cancels with the builder's message in macro keys; the engine never runs. */
	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
		"relu1_1:0         | 0 | 0 | nothing to optimise: contentweight is 0, stylelayers relu1_1:0 has weight 0, tvweight is 0 | or tvweight above 0",
		"relu1_1:0,relu2_1 | 0 | 0 | ''                                                                                          | ''",
		"relu1_1:0,relu2_1:0 | 1 | 1 | stylelayers relu1_1:0,relu2_1:0 all have weight 0 while styleweight is                     | or set styleweight 0 to turn style off",
	})
	void badRecipesAreRefusedInFiji(String styleLayers, String contentWeight, String tvWeight, String culprit, String fix)
		throws Exception
	{
		Map<String, Object> in = new HashMap<>(Map.of("content", image, "style", image, "stylelayers", styleLayers.trim(),
			"contentweight", contentWeight.trim(), "tvweight", tvWeight.trim(), "styleweight", "10"));
		int calls = fiji.engine.calls();
		CommandModule m = fiji.run(CommandHarness.fast(in));
		if (culprit.isEmpty()) {
			// One layer with weight 0 beside a live one is a valid recipe: it runs.
			assertFalse(m.isCanceled(), () -> m.getCancelReason());
			assertEquals(calls + 1, fiji.engine.calls());
			return;
		}
		assertTrue(m.isCanceled(), "not refused");
		String reason = m.getCancelReason();
		assertTrue(reason.contains(culprit.trim()), reason);
		assertTrue(reason.contains(fix.trim()), reason);
		assertFalse(reason.contains("Exception"), reason);
		assertNull(m.getOutput("result"));
		assertEquals(calls, fiji.engine.calls(), "the engine must not run");
	}

	/** Issue 12.11 in Fiji: optimizer=adam with learningrate=preset runs at Adam's rate, not L-BFGS's 1. */
	@Test
	void adamWithThePresetLearningRateGetsAdamsRateInFiji() throws Exception {
		for (String optimizer : List.of("adam", "lbfgs")) {
			CommandModule m = fiji.run(CommandHarness.fast(Map.of("content", image, "style", image, "optimizer", optimizer,
				"learningrate", "preset")));
			assertFalse(m.isCanceled(), () -> m.getCancelReason());
			assertEquals(optimizer.equals("adam") ? 0.02 : 1, fiji.engine.lastSettings().learningRate(), optimizer);
		}
	}

	/**
	 * Issue 12.11 on the command line: --optimizer adam without --lr uses Adam's rate, and the
	 * written image's loss (issue 12.12, final_loss) is below the first at every scale.
	 */
	@Test
	void adamWithoutLrUsesAdamsRateAndLowersTheLoss() throws Exception {
		Path out = dir.resolve("adam.png");
		List<String> args = CliRun.withOptions(base(out), List.of("--optimizer", "adam", "--steps", "30", "--scales", "2",
			"--content-layers", "relu2_1", "--style-layers", "relu1_1,relu2_1"));
		String[] o = cli(0, args);
		String[] lines = o[0].trim().split("\n");
		JsonObject json = JsonParser.parseString(lines[lines.length - 1]).getAsJsonObject();
		assertEquals(0.02, json.getAsJsonObject("settings").get("lr").getAsDouble());
		var perScale = json.getAsJsonArray("per_scale");
		assertEquals(2, perScale.size());
		for (var s : perScale) {
			JsonObject scale = s.getAsJsonObject();
			assertTrue(scale.get("final_loss").getAsDouble() < scale.get("first_loss").getAsDouble(), scale.toString());
		}
		assertEquals(perScale.get(1).getAsJsonObject().get("final_loss").getAsDouble(), json.get("final_loss").getAsDouble());
		assertTrue(Files.isRegularFile(out));
		assertArrayEquals(contentBytes, Files.readAllBytes(content));
		assertArrayEquals(styleBytes, Files.readAllBytes(style));
	}

	/** The engine's own API refuses the recipe with an IllegalArgumentException, before any native work. */
	@Test
	void theEngineRefusesARecipeWithNothingToOptimise() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StyleTransferSettings.builder()
			.optStyleLayers(Map.of("relu1_1", 0.0)).optContentWeight(0).optTvWeight(0).build());
		assertTrue(e.getMessage().startsWith("nothing to optimise"), e.getMessage());
		VggWeights vgg16 = SyntheticVgg.create(VggArchitecture.VGG16, InputConvention.CAFFE, 16, 1, 13);
		StyleTransferSettings s = StyleTransferSettings.builder().optStyleLayers(Map.of("relu5_4", 1.0)).optSize(32).optSteps(1)
			.build();
		e = assertThrows(IllegalArgumentException.class, () -> new DefaultStyleTransfer().run(TestImages.content(32, 32),
			TestImages.style(32, 32), vgg16, s, ProgressListener.NONE, () -> false));
		assertTrue(e.getMessage().contains("Unknown layer 'relu5_4' for VGG16: use one of conv1_1 … pool5"), e.getMessage());
	}

	private static List<String> base(Path out) {
		return new ArrayList<>(List.of("--content", content.toString(), "--style", style.toString(), "--out", out.toString(),
			"--weights", weights.toString(), "--size", "32", "--steps", "4", "--quiet"));
	}

	private static String[] cli(int expectedExit, List<String> args) {
		CliRun r = CliRun.of(args);
		assertEquals(expectedExit, r.exit(), () -> args + "\n" + r);
		return new String[] { r.out(), r.err() };
	}

	/** No output was written and the inputs are byte for byte what they were. */
	private static void assertUntouched(Path out) throws Exception {
		assertFalse(Files.exists(out), "a refused run wrote " + out);
		assertArrayEquals(contentBytes, Files.readAllBytes(content));
		assertArrayEquals(styleBytes, Files.readAllBytes(style));
	}
}
