package io.github.neuralstyle.weights;

import static io.github.neuralstyle.weights.ReaderAssertions.assertInvalid;
import static io.github.neuralstyle.weights.ReaderAssertions.assertSameTensors;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.neuralstyle.engine.network.FloatTensor;
import io.github.neuralstyle.engine.network.InputConvention;
import io.github.neuralstyle.engine.network.VggArchitecture;
import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.testsupport.SyntheticVgg;
import io.github.neuralstyle.testsupport.WeightsFixtures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keras HDF5 files, from h5py (committed fixtures) and from jhdf. */
class KerasH5ReaderTest {

	@TempDir
	Path dir;

	@Test
	void readsKeras20LayoutWrittenByH5py() throws IOException {
		VggWeights w = new KerasH5Reader().read(WeightsFixtures.resource("keras_vgg19_d32.h5"));
		assertEquals(VggArchitecture.VGG19, w.architecture());
		assertEquals(InputConvention.CAFFE, w.convention());
		assertEquals(16, w.convolutionsPresent());
		// Every value and the HWIO -> OIHW transpose, against the formula the script used.
		assertSameTensors(WeightsFixtures.formula(VggArchitecture.VGG19), w);
	}

	@Test
	void readsLaterKerasNamesWrittenByH5py() throws IOException {
		VggWeights w = new KerasH5Reader().read(WeightsFixtures.resource("keras_vgg16_d32_tf2.h5"));
		assertEquals(VggArchitecture.VGG16, w.architecture());
		assertEquals(13, w.convolutionsPresent());
		assertSameTensors(WeightsFixtures.formula(VggArchitecture.VGG16), w);
	}

	@Test
	void h5AndSafetensorsOfTheSameWeightsAreIdentical() throws IOException {
		VggWeights synthetic = SyntheticVgg.vgg19(16, 42);
		Path h5 = dir.resolve("w.h5");
		WeightsFixtures.writeKeras(synthetic, h5);
		Path st = dir.resolve("w.safetensors");
		Files.write(st, WeightsFixtures.safetensors(synthetic, WeightsFixtures.head(100), false));
		VggWeights fromH5 = WeightsFiles.read(h5);
		VggWeights fromSt = WeightsFiles.read(st);
		assertEquals(InputConvention.CAFFE, fromH5.convention());
		assertEquals(InputConvention.TORCHVISION, fromSt.convention());
		assertSameTensors(synthetic, fromH5);
		assertSameTensors(fromSt, fromH5);
	}

	@Test
	void missingLayerIsNamed() {
		Path h5 = dir.resolve("missing.h5");
		WeightsFixtures.writeKeras(SyntheticVgg.vgg19(16, 1), h5, "block2_conv1", false);
		assertInvalid(() -> new KerasH5Reader().read(h5), "missing layer block2_conv1");
	}

	@Test
	void listedLayerWithoutGroupIsNamed() {
		Path h5 = dir.resolve("nogroup.h5");
		WeightsFixtures.writeKeras(SyntheticVgg.vgg19(16, 1), h5, "block4_conv2", true);
		assertInvalid(() -> new KerasH5Reader().read(h5), "block4_conv2", "no group");
	}

	@Test
	void wrongShapesAreRefused() {
		Map<String, FloatTensor> t = new LinkedHashMap<>(SyntheticVgg.vgg19(16, 1).tensors());
		// conv1_2 taking 5 channels where conv1_1 gives 4.
		t.put("features.2.weight", new FloatTensor(new long[] { 4, 5, 3, 3 }, new float[4 * 5 * 9]));
		Path h5 = dir.resolve("shape.h5");
		WeightsFixtures.writeKeras(new VggWeights(VggArchitecture.VGG19, InputConvention.CAFFE, t, "x"), h5);
		assertInvalid(() -> new KerasH5Reader().read(h5), "features.2.weight", "expected [out, 4, 3, 3]");
	}

	@Test
	void notHdf5IsRefused() throws IOException {
		Path fake = dir.resolve("fake.h5");
		Files.write(fake, new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 });
		assertInvalid(() -> new KerasH5Reader().read(fake), "fake.h5");
		assertInvalid(() -> WeightsFiles.read(fake), "not a weights file");
	}

	@Test
	void h5WithoutLayerNamesIsRefused() throws IOException {
		Path h5 = dir.resolve("empty.h5");
		try (io.jhdf.WritableHdfFile f = io.jhdf.HdfFile.write(h5)) {
			f.putGroup("something");
		}
		assertInvalid(() -> new KerasH5Reader().read(h5), "layer_names");
	}
}
