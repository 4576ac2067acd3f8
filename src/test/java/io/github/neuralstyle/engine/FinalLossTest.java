package io.github.neuralstyle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;

import io.github.neuralstyle.engine.losses.StyleObjective;
import io.github.neuralstyle.engine.network.FeatureNetwork;
import io.github.neuralstyle.engine.network.VggArchitecture;
import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.engine.optimizers.OptimizerKind;
import io.github.neuralstyle.engine.platform.Devices;
import io.github.neuralstyle.testsupport.SyntheticVgg;
import io.github.neuralstyle.testsupport.TestImages;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The losses a run reports per scale, and that the final one is the returned image's. */
class FinalLossTest {

	private static final VggWeights WEIGHTS = SyntheticVgg.vgg19(16, 42);

	@ParameterizedTest
	@EnumSource(OptimizerKind.class)
	void theFinalLossIsThatOfTheReturnedImage(OptimizerKind optimizer) {
		StyleTransferSettings s = StyleTransferRunTest.small(optimizer).optSize(32).optScaleSteps(4, 6)
			.optResultSize(ResultSize.WORKING).build();
		RgbImage content = TestImages.content(32, 32);
		RgbImage style = TestImages.style(32, 32);
		StyleTransferResult r = new DefaultStyleTransfer().run(content, style, WEIGHTS, s, ProgressListener.NONE, () -> false);

		List<ScaleLosses> scales = r.scales();
		assertEquals(2, scales.size());
		assertEquals(16, scales.get(0).width());
		assertEquals(32, scales.get(1).width());
		assertEquals(4, scales.get(0).steps());
		assertEquals(6, scales.get(1).steps());
		// A scale's first loss is the one its first step reported.
		assertEquals(r.history().get(0).total(), scales.get(0).first());
		assertEquals(r.history().get(4).total(), scales.get(1).first());

		// Measured afresh on the returned image, with the same loss at the finest (= working) size.
		double expected;
		try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu(), Devices.ENGINE);
			FeatureNetwork net = new FeatureNetwork(WEIGHTS, s.pooling(), s.deepestLayerIndex(VggArchitecture.VGG19), m);
			StyleObjective f = new StyleObjective(net, s, content, style, m))
		{
			expected = f.evaluate(net.toArray(r.image(), m)).loss().getFloat();
		}
		ScaleLosses end = r.result();
		assertEquals(expected, end.total(), 1e-5 * expected);
		assertEquals(end.total(), s.contentWeight() * end.content() + s.styleWeight() * end.style()
			+ s.tvWeight() * end.tv(), 1e-5 * end.total());
		// The last report holds the loss before the last update: not the result's.
		assertNotEquals(r.last().total(), end.total());
		for (ScaleLosses l : scales) {
			assertTrue(l.total() < l.first(), optimizer + ": " + l);
		}
	}
}
