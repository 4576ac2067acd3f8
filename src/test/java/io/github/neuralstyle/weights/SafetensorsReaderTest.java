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
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** safetensors with torchvision names, and hostile or broken variants. */
class SafetensorsReaderTest {

	@TempDir
	Path dir;

	private Path write(String name, byte[] bytes) throws IOException {
		Path p = dir.resolve(name);
		Files.write(p, bytes);
		return p;
	}

	@Test
	void readsFeaturesAndIgnoresTheClassifier() throws IOException {
		VggWeights synthetic = SyntheticVgg.vgg19(16, 7);
		Path p = write("a.safetensors", WeightsFixtures.safetensors(synthetic, WeightsFixtures.head(50), true));
		VggWeights w = new SafetensorsReader().read(p);
		assertEquals(InputConvention.TORCHVISION, w.convention());
		assertEquals(16, w.convolutionsPresent());
		assertSameTensors(synthetic, w);
	}

	@Test
	void recognisesVgg16() throws IOException {
		VggWeights vgg16 = SyntheticVgg.create(VggArchitecture.VGG16, InputConvention.TORCHVISION, 16, 3, 13);
		VggWeights w = new SafetensorsReader().read(write("b.safetensors", WeightsFixtures.safetensors(vgg16, Collections.emptyMap(), false)));
		assertEquals(VggArchitecture.VGG16, w.architecture());
		assertSameTensors(vgg16, w);
	}

	@Test
	void hugeHeaderLengthIsRefusedWithoutAllocating() throws IOException {
		byte[] b = new byte[64];
		ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(Long.MAX_VALUE / 2);
		assertInvalid(() -> new SafetensorsReader().read(write("h.safetensors", b)), "header length");
	}

	@Test
	void hugeTensorShapeIsRefused() throws IOException {
		long big = 1L << 20;
		String json = "{\"features.0.weight\":{\"dtype\":\"F32\",\"shape\":[" + big + ",3,3,3],\"data_offsets\":[0," + (big * 27 * 4)
			+ "]},\"features.0.bias\":{\"dtype\":\"F32\",\"shape\":[" + big + "],\"data_offsets\":[" + (big * 27 * 4) + ","
			+ (big * 28 * 4) + "]}}";
		assertInvalid(() -> new SafetensorsReader().read(write("t.safetensors", WeightsFixtures.header(json))), "more than any VGG convolution");
	}

	@Test
	void offsetsThatDisagreeWithTheShapeAreRefused() throws IOException {
		String json = "{\"features.0.weight\":{\"dtype\":\"F32\",\"shape\":[4,3,3,3],\"data_offsets\":[0,8]}}";
		assertInvalid(() -> new SafetensorsReader().read(write("o.safetensors", WeightsFixtures.header(json))), "data_offsets");
	}

	@Test
	void truncatedDataIsRefused() throws IOException {
		byte[] full = WeightsFixtures.safetensors(SyntheticVgg.vgg19(16, 7), Collections.emptyMap(), false);
		Path p = write("cut.safetensors", Arrays.copyOf(full, full.length - 100));
		assertInvalid(() -> new SafetensorsReader().read(p), "truncated");
	}

	@Test
	void halfPrecisionIsRefusedWithAHint() throws IOException {
		String json = "{\"features.0.weight\":{\"dtype\":\"F16\",\"shape\":[4,3,3,3],\"data_offsets\":[0,216]},"
			+ "\"features.0.bias\":{\"dtype\":\"F16\",\"shape\":[4],\"data_offsets\":[216,224]}}";
		byte[] h = WeightsFixtures.header(json);
		assertInvalid(() -> new SafetensorsReader().read(write("f16.safetensors", Arrays.copyOf(h, h.length + 224))), "F16", "F32");
	}

	@Test
	void wrongNamesAreRefused() throws IOException {
		Map<String, FloatTensor> t = new LinkedHashMap<>();
		t.put("conv1.weight", new FloatTensor(new long[] { 4, 3, 3, 3 }, new float[108]));
		VggWeights odd = new VggWeights(VggArchitecture.VGG19, InputConvention.TORCHVISION, t, "odd");
		Path p = write("n.safetensors", WeightsFixtures.safetensors(odd, Collections.emptyMap(), false));
		assertInvalid(() -> new SafetensorsReader().read(p), "features.0.weight", "torchvision names");
	}

	@Test
	void wrongChainIsRefused() throws IOException {
		Map<String, FloatTensor> t = new LinkedHashMap<>(SyntheticVgg.vgg19(16, 1).tensors());
		t.put("features.5.weight", new FloatTensor(new long[] { 8, 3, 3, 3 }, new float[8 * 27]));
		VggWeights bad = new VggWeights(VggArchitecture.VGG19, InputConvention.TORCHVISION, t, "bad");
		Path p = write("c.safetensors", WeightsFixtures.safetensors(bad, Collections.emptyMap(), false));
		assertInvalid(() -> new SafetensorsReader().read(p), "features.5.weight");
	}

	@Test
	void headerThatIsNotJsonIsRefused() throws IOException {
		assertInvalid(() -> new SafetensorsReader().read(write("j.safetensors", WeightsFixtures.header("{not json"))), "JSON");
	}
}
