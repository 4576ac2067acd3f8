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

	@Test
	void aLargeUploadHoldsItsDataAndLeavesNoDirectBufferOfItsSize() {
		// 2.5 bands and a remainder, so that the last band is short.
		int n = FeatureNetwork.BAND_FLOATS * 5 / 2 + 7;
		float[] data = new float[n];
		for (int i = 0; i < n; i++) data[i] = (i % 1000) * 0.001f + (i / 1000) % 7;
		long directBefore = directBytes();
		try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu(), Devices.ENGINE)) {
			NDArray a = FeatureNetwork.upload(m, data, new Shape(1, 1, 1, n), ai.djl.ndarray.types.DataType.FLOAT32);
			assertEquals(new Shape(1, 1, 1, n), a.getShape());
			org.junit.jupiter.api.Assertions.assertArrayEquals(data, a.toFloatArray());
			// Without a GC in between, staging it whole would leave ~42 MB of direct buffer behind.
			long grown = directBytes() - directBefore;
			org.junit.jupiter.api.Assertions.assertTrue(grown <= FeatureNetwork.BAND_FLOATS * 4L + (1 << 20),
				"direct buffers grew by " + grown + " bytes for a " + 4L * n + "-byte upload");
		}
	}

	/** Bytes of direct buffers the JVM holds now (garbage ones included until a GC). */
	private static long directBytes() {
		return java.lang.management.ManagementFactory.getPlatformMXBeans(java.lang.management.BufferPoolMXBean.class).stream()
			.filter(b -> b.getName().equals("direct")).mapToLong(java.lang.management.BufferPoolMXBean::getMemoryUsed).sum();
	}
}
