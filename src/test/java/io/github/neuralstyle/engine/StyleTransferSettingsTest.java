package io.github.neuralstyle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.neuralstyle.engine.network.InputConvention;
import io.github.neuralstyle.engine.network.Pooling;
import io.github.neuralstyle.engine.network.VggArchitecture;
import io.github.neuralstyle.engine.network.VggWeights;
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
