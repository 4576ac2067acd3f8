package io.github.neuralstyle.engine.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import io.github.neuralstyle.engine.platform.Devices;
import io.github.neuralstyle.testsupport.SyntheticVgg;
import io.github.neuralstyle.testsupport.TestImages;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FeatureNetworkTest {

	@Test
	void forwardPassKeepsOnlyTheImageAndTheRequestedOutputs() {
		VggWeights weights = SyntheticVgg.vgg19(16, 1);
		try (NDManager run = NDManager.newBaseManager(ai.djl.Device.cpu(), Devices.ENGINE);
			FeatureNetwork net = new FeatureNetwork(weights, Pooling.MAX, VggArchitecture.VGG19.index("relu3_1"), run);
			NDManager step = run.newSubManager())
		{
			NDArray image = net.toArray(TestImages.content(24, 16), step);
			Map<String, NDArray> f = net.features(image, List.of("relu1_1", "relu3_1"));
			// 12 layers ran (flip, normalisation, convolutions, ReLUs, poolings); only these 3 arrays may remain.
			assertEquals(3, step.getManagedArrays().size(), "arrays left in the image's manager");
			assertEquals(new Shape(1, 64 / 16, 16, 24), f.get("relu1_1").getShape());
			assertEquals(new Shape(1, 256 / 16, 4, 6), f.get("relu3_1").getShape());
		}
	}
}
