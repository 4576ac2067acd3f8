package io.github.neuralstyle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.neuralstyle.engine.network.InputConvention;
import io.github.neuralstyle.engine.network.Pooling;
import io.github.neuralstyle.engine.network.VggArchitecture;
import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.engine.optimizers.OptimizerKind;
import io.github.neuralstyle.testsupport.SyntheticVgg;
import io.github.neuralstyle.testsupport.TestImages;

import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

/** Presets, overrides and the messages bad settings give. */
class StyleTransferSettingsTest {

	private static String message(UnaryOperator<StyleTransferSettings.Builder> change) {
		return assertThrows(IllegalArgumentException.class, () -> change.apply(StyleTransferSettings.builder()).build())
			.getMessage();
	}

	@Test
	void badValuesNameTheSettingAndTheRange() {
		assertTrue(message(b -> b.optSteps(0)).startsWith("steps must be between 1 and 100000"));
		assertTrue(message(b -> b.optSize(15)).startsWith("size must be between 16 and 8192"));
		assertTrue(message(b -> b.optSize(9000)).startsWith("size must be between 16 and 8192"));
		assertTrue(message(b -> b.optStyleWeight(-1)).startsWith("style weight must be a finite number ≥ 0"));
		assertTrue(message(b -> b.optContentWeight(Double.NaN)).startsWith("content weight must be a finite number"));
		assertTrue(message(b -> b.optTvWeight(Double.POSITIVE_INFINITY)).startsWith("tv weight must be a finite number"));
		assertTrue(message(b -> b.optLearningRate(0)).startsWith("learning rate must be a number in (0, 10000]"));
		assertTrue(message(b -> b.optStyleLayers(Map.of("relu9_1", 1.0))).contains("unknown layer 'relu9_1'"));
		assertTrue(message(b -> b.optStyleLayers(Map.of())).startsWith("style layers is empty"));
		assertTrue(message(b -> b.optContentWeight(0).optStyleWeight(0).optTvWeight(0)).contains("nothing to optimise"));
		assertTrue(message(b -> b.optSize(64).optScales(4)).contains("coarsest size 8 px"));
		assertTrue(message(b -> b.optHistorySize(0)).startsWith("history size must be between 1 and 1000"));
	}

	@Test
	void aLearningRateLeftToThePresetFollowsTheOptimizer() {
		for (Preset p : Preset.values()) {
			// The Coursera notes give Adam 0.03 (seed 002); every other recipe takes our 0.02.
			double adamRate = p == Preset.COURSERA ? 0.03 : 0.02;
			assertEquals(1, StyleTransferSettings.builder(p).optOptimizer(OptimizerKind.LBFGS).build().learningRate(), p.id());
			StyleTransferSettings adam = StyleTransferSettings.builder(p).optOptimizer(OptimizerKind.ADAM).build();
			assertEquals(adamRate, adam.learningRate(), p.id());
			assertTrue(adam.learningRateFromPreset());
			// Switching back through toBuilder keeps following the optimiser.
			assertEquals(1, adam.toBuilder().optOptimizer(OptimizerKind.LBFGS).build().learningRate(), p.id());
		}
		StyleTransferSettings set = StyleTransferSettings.builder().optLearningRate(0.5).optOptimizer(OptimizerKind.ADAM).build();
		assertEquals(0.5, set.learningRate());
		assertFalse(set.learningRateFromPreset());
		assertEquals(0.5, set.toBuilder().optOptimizer(OptimizerKind.LBFGS).build().learningRate());
		assertEquals(0.02, set.toBuilder().optPresetLearningRate().build().learningRate());
	}

	@Test
	void layerWeightsThatSwitchEveryTermOffAreRefused() {
		String m = message(b -> b.optStyleLayers(Map.of("relu1_1", 0.0)).optContentWeight(0).optTvWeight(0));
		assertEquals("nothing to optimise: content weight is 0, style layers relu1_1:0 has weight 0, tv weight is 0; turn one "
			+ "term on: content weight above 0, or a style layer weight above 0 (e.g. relu1_1:1), or tv weight above 0", m);
		m = message(b -> b.optContentLayers(Map.of()).optStyleWeight(0).optTvWeight(0));
		assertTrue(m.startsWith("nothing to optimise: content layers is empty, style weight is 0, tv weight is 0"), m);
		assertTrue(m.contains("a content layer (e.g. relu4_2)"), m);
		m = message(b -> b.optStyleLayers(Map.of("relu1_1", 0.0, "relu2_1", 0.0)));
		assertTrue(m.contains("all have weight 0 while style weight is 100, so style would be ignored"), m);
		assertTrue(m.contains("or set style weight 0 to turn style off"), m);
		m = message(b -> b.optContentLayers(Map.of("relu4_2", 0.0)));
		assertTrue(m.startsWith("content layers relu4_2:0 has weight 0 while content weight is 5"), m);
		m = message(b -> b.optStyleWeight(1e300));
		assertTrue(m.startsWith("style weight must be at most 1e15"), m);
		// A zero layer weight beside a positive one, or a term switched off by its weight, is fine.
		StyleTransferSettings.builder().optStyleLayers(Map.of("relu1_1", 0.0, "relu2_1", 1.0)).build();
		StyleTransferSettings.builder().optStyleLayers(Map.of("relu1_1", 0.0)).optStyleWeight(0).build();
		StyleTransferSettings.builder().optContentLayers(Map.of()).build();
		StyleTransferSettings.builder().optContentWeight(0).optStyleWeight(0).build();
	}

	@Test
	void presetsSetTheirRecipeAndOverridesWin() {
		StyleTransferSettings j = StyleTransferSettings.builder(Preset.JCJOHNSON).build();
		assertEquals(1000, j.steps());
		assertEquals(InitMode.NOISE, j.init());
		assertEquals(Map.of("relu4_2", 1.0), j.contentLayers());
		assertEquals(5, j.styleLayers().size());
		StyleTransferSettings g = StyleTransferSettings.builder().build();
		assertEquals(Preset.GATYS, g.preset());
		assertEquals(500, g.steps());
		assertEquals(InitMode.CONTENT, g.init());
		assertEquals(Pooling.AVG, g.pooling());
		assertEquals(j.styleLayers(), g.styleLayers());
		assertEquals(5, g.contentWeight());
		assertEquals(100, g.styleWeight());
		StyleTransferSettings t = StyleTransferSettings.builder(Preset.PYTORCH_TUTORIAL).optSteps(10).build();
		assertEquals(10, t.steps());
		assertEquals(1e6, t.styleWeight());
		assertEquals("conv2_2", t.contentLayers().keySet().iterator().next());
		assertEquals(Preset.PYTORCH_TUTORIAL, Preset.fromId("Pytorch-Tutorial"));
		assertThrows(IllegalArgumentException.class, () -> Preset.fromId("monet"));
	}

	@Test
	void layerListsRoundTrip() {
		Map<String, Double> m = StyleTransferSettings.parseLayers("style layers", " relu1_1:0.5, RELU2_1 ,conv3_1:2");
		assertEquals(Map.of("relu1_1", 0.5, "relu2_1", 1.0, "conv3_1", 2.0), m);
		assertEquals("relu1_1:0.5,relu2_1,conv3_1:2", StyleTransferSettings.formatLayers(m));
		assertThrows(IllegalArgumentException.class, () -> StyleTransferSettings.parseLayers("style layers", "relu1_1:x"));
	}

	@Test
	void layersMissingFromTheWeightsAreRefusedBeforeRunning() {
		VggWeights shallow = SyntheticVgg.create(VggArchitecture.VGG19, InputConvention.TORCHVISION, 16, 1, 4);
		StyleTransferSettings s = StyleTransferSettings.builder().optSize(32).optSteps(1).build();
		String m = assertThrows(IllegalArgumentException.class, () -> new DefaultStyleTransfer().run(TestImages.content(32, 32),
			TestImages.style(32, 32), shallow, s, ProgressListener.NONE, () -> false)).getMessage();
		assertTrue(m.contains("hold 4 convolutions but layer relu5_1 needs 13"), m);
	}

	@Test
	void vgg16HasNoFourthConvolutionInBlockThree() {
		VggWeights vgg16 = SyntheticVgg.create(VggArchitecture.VGG16, InputConvention.CAFFE, 16, 1, 13);
		StyleTransferSettings s = StyleTransferSettings.builder().optStyleLayers(Map.of("relu3_4", 1.0)).optSize(32).optSteps(1).build();
		String m = assertThrows(IllegalArgumentException.class, () -> new DefaultStyleTransfer().run(TestImages.content(32, 32),
			TestImages.style(32, 32), vgg16, s, ProgressListener.NONE, () -> false)).getMessage();
		assertTrue(m.contains("Unknown layer 'relu3_4' for VGG16"), m);
	}

	@Test
	void imagesTooThinForTheDeepestPoolingAreRefused() {
		StyleTransferSettings s = StyleTransferSettings.builder().optSize(64).optSteps(1).build();
		String m = assertThrows(IllegalArgumentException.class, () -> new DefaultStyleTransfer().run(TestImages.content(64, 8),
			TestImages.style(32, 32), SyntheticVgg.vgg19(16, 1), s, ProgressListener.NONE, () -> false)).getMessage();
		assertTrue(m.contains("too small for layer depth"), m);
	}
}
