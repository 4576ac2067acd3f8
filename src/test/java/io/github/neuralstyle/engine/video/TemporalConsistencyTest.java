package io.github.neuralstyle.engine.video;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import io.github.neuralstyle.engine.DefaultStyleTransfer;
import io.github.neuralstyle.engine.InitMode;
import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.losses.StyleObjective;
import io.github.neuralstyle.engine.network.FeatureNetwork;
import io.github.neuralstyle.engine.network.VggArchitecture;
import io.github.neuralstyle.engine.optimizers.Adam;
import io.github.neuralstyle.engine.optimizers.Objective;
import io.github.neuralstyle.engine.platform.Devices;
import io.github.neuralstyle.testsupport.SyntheticMotion;
import io.github.neuralstyle.testsupport.SyntheticVgg;
import io.github.neuralstyle.testsupport.TestImages;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The parts composed as the wiring round will compose them, on two frames of a moving texture
 * with a small random network: the style objective plus the temporal term, optimised by Adam
 * from the warped previous result, flickers far less than the second frame styled on its own
 * from noise, and than the same warped start without the term (Adam soon leaves a start).
 */
class TemporalConsistencyTest {

	private static final int STEPS = 40;

	@Test
	void temporalTermLowersTheTemporalError() {
		SyntheticMotion m = SyntheticMotion.translation(48, 36, 2, 1);
		RgbImage style = TestImages.style(48, 36);
		StyleTransferSettings s = StyleTransferSettings.builder().optSize(48).optSteps(STEPS)
			.optContentLayers(Map.of("relu2_1", 1.0)).optStyleLayers(StyleTransferSettings.parseLayers("s", "relu1_1,relu2_1"))
			.optContentWeight(1).optStyleWeight(100).optTvWeight(0).optInit(InitMode.NOISE).build();
		try (NDManager manager = NDManager.newBaseManager(Device.cpu(), Devices.ENGINE);
			FeatureNetwork net = new FeatureNetwork(SyntheticVgg.vgg19(16, 3), s.pooling(),
				s.deepestLayerIndex(VggArchitecture.VGG19), manager))
		{
			RgbImage first = run(net, s, m.first(), style, noise(s, m.first(), 1), null, 0, manager);
			TemporalGuide guide = TemporalGuide.between(m.first(), m.second(), first, TvL1Flow.defaults());
			RgbImage independent = run(net, s, m.second(), style, noise(s, m.second(), 2), null, 0, manager);
			RgbImage warpedStart = run(net, s, m.second(), style, guide.warpedPrevious(), null, 0, manager);
			RgbImage consistent = run(net, s, m.second(), style, guide.warpedPrevious(), guide, 1e3, manager);
			double eIndependent = TemporalError.of(independent, guide.warpedPrevious(), guide.mask());
			double eStart = TemporalError.of(warpedStart, guide.warpedPrevious(), guide.mask());
			double eConsistent = TemporalError.of(consistent, guide.warpedPrevious(), guide.mask());
			String numbers = "independent " + eIndependent + ", warped start " + eStart + ", with temporal loss " + eConsistent;
			assertTrue(eConsistent < 0.4 * eIndependent, numbers);
			assertTrue(eConsistent < eStart, numbers);
		}
	}

	private static RgbImage noise(StyleTransferSettings s, RgbImage content, long seed) {
		return DefaultStyleTransfer.initialImage(s.toBuilder().optSeed(seed).build(), content, content);
	}

	/** STEPS Adam steps from {@code init}, with the temporal term of {@code guide} when given. */
	private static RgbImage run(FeatureNetwork net, StyleTransferSettings s, RgbImage content, RgbImage style, RgbImage init,
		TemporalGuide guide, double weight, NDManager parent)
	{
		try (NDManager scale = parent.newSubManager();
			StyleObjective objective = new StyleObjective(net, s, content, style, scale);
			Adam adam = new Adam(scale, s.learningRate(), s.beta1(), s.beta2(), s.epsilon());
			TemporalLoss temporal = guide == null ? null
				: new TemporalLoss(guide.warpedPrevious(), guide.mask(), weight, scale, net.dataType()))
		{
			Objective f = temporal == null ? objective : new TemporalObjective(objective, temporal);
			NDArray x = net.toArray(init, scale);
			for (int i = 0; i < STEPS; i++) {
				try (NDManager step = scale.newSubManager()) {
					x.tempAttach(step);
					objective.beginStep();
					adam.step(x, f, step);
					x.intern(x.clip(0f, 1f));
				}
			}
			return new RgbImage(content.width(), content.height(), x.toFloatArray());
		}
	}
}
