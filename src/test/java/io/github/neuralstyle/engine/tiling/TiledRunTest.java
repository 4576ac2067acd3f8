package io.github.neuralstyle.engine.tiling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.neuralstyle.engine.DefaultStyleTransfer;
import io.github.neuralstyle.engine.InitMode;
import io.github.neuralstyle.engine.ProgressListener;
import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.StyleTransferResult;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.engine.optimizers.OptimizerKind;
import io.github.neuralstyle.engine.platform.DeviceChoice;
import io.github.neuralstyle.testsupport.SyntheticVgg;
import io.github.neuralstyle.testsupport.TestImages;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Whole runs, tiled against untiled: the same optimisation, so the same picture. */
class TiledRunTest {

	private static final VggWeights WEIGHTS = SyntheticVgg.vgg19(16, 42);

	/**
	 * 20 Adam steps, or 2 L-BFGS steps with line search (several evaluations a step, the history's
	 * curvature pairs from tiled gradients), on 2×2 tiles (the gradient itself is checked on 3×3 in TiledObjectiveTest): PSNR against the untiled result ≥ 40 dB.
	 */
	@ParameterizedTest
	@EnumSource(OptimizerKind.class)
	void tiledRunMatchesUntiled(OptimizerKind optimizer) {
		boolean adam = optimizer == OptimizerKind.ADAM;
		StyleTransferSettings s = StyleTransferSettings.builder().optSize(61).optScales(1).optSteps(adam ? 20 : 2)
			.optOptimizer(optimizer).optLineSearch(!adam).optLearningRate(adam ? 0.05 : 1)
			.optContentLayers(Map.of("relu3_1", 1.0)).optStyleLayers(StyleTransferSettings.parseLayers("style", "relu1_1,relu2_1,relu3_1"))
			.optContentWeight(1).optStyleWeight(1e3).optTvWeight(1e-2).optInit(InitMode.NOISE).optSeed(3)
			.optDevice(DeviceChoice.CPU).build();
		RgbImage content = TestImages.content(61, 53);
		RgbImage style = TestImages.style(50, 45);
		StyleTransferResult untiled = new DefaultStyleTransfer().run(content, style, WEIGHTS, s, ProgressListener.NONE, () -> false);
		StyleTransferResult tiled = new DefaultStyleTransfer(new TilingOptions(32, TilingOptions.AUTO)).run(content, style, WEIGHTS,
			s, ProgressListener.NONE, () -> false);
		assertTrue(!untiled.tiling().tiled());
		assertEquals(4, tiled.tiling().tiles(), tiled.tiling()::describe);
		double psnr = psnr(untiled.image().data(), tiled.image().data());
		assertTrue(psnr >= 40, () -> "PSNR " + psnr + " dB");
		// And the run moved: the images differ from the start by over 10× the squared error between them.
		double moved = psnr(untiled.image().data(), DefaultStyleTransfer.initialImage(s, content, style).data());
		assertTrue(moved < psnr - 10, () -> "PSNR to the start " + moved + " dB, between the runs " + psnr + " dB");
	}

	/** Peak signal-to-noise ratio of two images in [0,1], in dB. */
	static double psnr(float[] a, float[] b) {
		double sum = 0;
		for (int i = 0; i < a.length; i++) sum += (a[i] - b[i]) * (double) (a[i] - b[i]);
		double mse = sum / a.length;
		return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(1 / mse);
	}
}
