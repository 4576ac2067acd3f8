package io.github.neuralstyle.engine.losses;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import io.github.neuralstyle.engine.DefaultStyleTransfer;
import io.github.neuralstyle.engine.InitMode;
import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.network.FeatureNetwork;
import io.github.neuralstyle.engine.network.Pooling;
import io.github.neuralstyle.engine.network.VggArchitecture;
import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.engine.platform.Devices;
import io.github.neuralstyle.testsupport.SyntheticVgg;
import io.github.neuralstyle.testsupport.TestImages;

import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The image gradient of the full loss against central finite differences. */
class GradientCheckTest {

	/** Max pooling too: its backward reads the ReLU outputs whose Java handles the forward pass has closed. */
	@ParameterizedTest
	@EnumSource(Pooling.class)
	void gradientMatchesCentralDifferences(Pooling pooling) {
		VggWeights weights = SyntheticVgg.vgg19(16, 3);
		StyleTransferSettings s = StyleTransferSettings.builder().optSize(16).optSteps(1)
			.optContentLayers(Map.of("relu2_1", 1.0)).optStyleLayers(StyleTransferSettings.parseLayers("s", "relu1_1,relu2_1:0.5"))
			.optContentWeight(1).optStyleWeight(10).optTvWeight(0.5).optPooling(pooling).build();
		RgbImage content = TestImages.content(12, 10);
		RgbImage style = TestImages.style(12, 10);
		RgbImage start = DefaultStyleTransfer.initialImage(s.toBuilder().optInit(InitMode.NOISE).optSeed(5).build(), content, style);
		try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu(), Devices.ENGINE);
			FeatureNetwork net = new FeatureNetwork(weights, s.pooling(), s.deepestLayerIndex(VggArchitecture.VGG19), m,
				DataType.FLOAT64);
			StyleObjective f = new StyleObjective(net, s, content, style, m))
		{
			NDArray x = net.toArray(start, m);
			double[] g = f.evaluate(x).gradient().toDoubleArray();
			double[] x0 = x.toDoubleArray();
			SplittableRandom random = new SplittableRandom(11);
			double eps = 1e-6;
			double worst = 0;
			// Directional derivatives along random directions: each probes every pixel at once.
			for (int trial = 0; trial < 6; trial++) {
				double[] v = new double[x0.length];
				double analytic = 0;
				for (int i = 0; i < v.length; i++) {
					v[i] = random.nextDouble() * 2 - 1;
					analytic += v[i] * g[i];
				}
				double numeric = (value(f, shifted(m, x0, v, eps)) - value(f, shifted(m, x0, v, -eps))) / (2 * eps);
				worst = Math.max(worst, Math.abs(numeric - analytic) / Math.max(Math.abs(analytic), 1e-6));
			}
			double w = worst;
			assertTrue(w < 1e-3, () -> "relative error " + w);
		}
	}

	private static double value(StyleObjective f, NDArray x) {
		return f.evaluate(x).loss().getDouble();
	}

	private static NDArray shifted(NDManager m, double[] x0, double[] v, double eps) {
		double[] d = new double[x0.length];
		for (int i = 0; i < d.length; i++) d[i] = x0[i] + eps * v[i];
		return m.create(d, new Shape(1, 3, 10, 12));
	}
}
