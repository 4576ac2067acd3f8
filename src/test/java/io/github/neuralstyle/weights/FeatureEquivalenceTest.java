package io.github.neuralstyle.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.network.FeatureNetwork;
import io.github.neuralstyle.engine.network.InputConvention;
import io.github.neuralstyle.engine.network.Pooling;
import io.github.neuralstyle.engine.network.VggArchitecture;
import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.engine.platform.Devices;
import io.github.neuralstyle.testsupport.SyntheticVgg;
import io.github.neuralstyle.testsupport.TestImages;
import io.github.neuralstyle.testsupport.WeightsFixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same weights written as Keras .h5 (HWIO) and as safetensors (OIHW) give the same features. */
class FeatureEquivalenceTest {

	@TempDir
	Path dir;

	@Test
	void h5AndSafetensorsGiveIdenticalFeatures() throws Exception {
		VggWeights original = SyntheticVgg.create(VggArchitecture.VGG19, InputConvention.CAFFE, 16, 9, 16);
		Path h5 = dir.resolve("vgg19.h5");
		Path st = dir.resolve("vgg19.safetensors");
		WeightsFixtures.writeKeras(original, h5);
		Files.write(st, WeightsFixtures.safetensors(original, Map.of(), false));
		VggWeights fromH5 = WeightsFiles.read(h5);
		VggWeights fromSt = WeightsFiles.read(st);
		assertEquals(InputConvention.CAFFE, fromH5.convention());
		// safetensors carries no convention (torchvision names imply torchvision); the file holds Caffe weights here.
		VggWeights stAsCaffe = new VggWeights(fromSt.architecture(), InputConvention.CAFFE, fromSt.tensors(), "st");
		RgbImage image = TestImages.content(24, 20);
		List<String> layers = List.of("relu1_1", "relu2_2", "relu3_4", "relu4_2", "relu5_1");
		try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu(), Devices.ENGINE);
			FeatureNetwork a = new FeatureNetwork(fromH5, Pooling.MAX, VggArchitecture.VGG19.index("relu5_1"), m);
			FeatureNetwork b = new FeatureNetwork(stAsCaffe, Pooling.MAX, VggArchitecture.VGG19.index("relu5_1"), m))
		{
			Map<String, NDArray> fa = a.features(a.toArray(image, m), layers);
			Map<String, NDArray> fb = b.features(b.toArray(image, m), layers);
			for (String l : layers) assertArrayEquals(fa.get(l).toFloatArray(), fb.get(l).toFloatArray(), l);
		}
	}
}
