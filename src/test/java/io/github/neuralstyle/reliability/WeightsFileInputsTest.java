package io.github.neuralstyle.reliability;

import static io.github.neuralstyle.reliability.WeightsCacheFixture.assertFails;
import static io.github.neuralstyle.reliability.WeightsCacheFixture.assertUnchanged;
import static io.github.neuralstyle.reliability.WeightsCacheFixture.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.neuralstyle.cli.Main;
import io.github.neuralstyle.engine.network.InputConvention;
import io.github.neuralstyle.engine.network.VggArchitecture;
import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.testsupport.SyntheticVgg;
import io.github.neuralstyle.testsupport.WeightsFixtures;
import io.github.neuralstyle.weights.InvalidWeightsException;
import io.github.neuralstyle.weights.WeightsFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Weights files a user may give (--weights FILE, weights=FILE): values that are not finite and
 * safetensors headers built to break parsers. Each is refused with the project's exception, a
 * message naming the file and what is wrong with it, and the file left as it was.
 */
class WeightsFileInputsTest {

	@TempDir
	Path dir;

	private final VggWeights torch = SyntheticVgg.vgg19(16, 5);

	private Path write(String name, byte[] bytes) throws IOException {
		Path p = dir.resolve(name);
		Files.write(p, bytes);
		return p;
	}

	/** Reads {@code file} expecting a refusal naming it and every fragment; checks the folder is unchanged. */
	private void assertRefused(Path file, String... fragments) throws IOException {
		Map<String, String> before = snapshot(dir);
		InvalidWeightsException e = assertFails(InvalidWeightsException.class, () -> WeightsFiles.read(file), fragments);
		assertTrue(e.getMessage().contains(file.toString()), "message does not name the file: " + e.getMessage());
		assertUnchanged(before, dir);
	}

	@Test
	void nanInASafetensorsFileIsRefusedAtLoadNamingTheTensor() throws IOException {
		VggWeights nan = WeightsFixtures.withValue(torch, "features.5.weight", 17, Float.NaN);
		Path p = write("nan.safetensors", WeightsFixtures.safetensors(nan, Map.of(), false));
		assertRefused(p, "features.5.weight", "conv2_1", "1 value that is not finite", "position 17", "--weights FILE");
	}

	@Test
	void infinityInAKerasFileIsRefusedNamingTheTensor() throws IOException {
		VggWeights caffe = SyntheticVgg.create(VggArchitecture.VGG19, InputConvention.CAFFE, 16, 6, 16);
		VggWeights inf = WeightsFixtures.withValue(WeightsFixtures.withValue(caffe, "features.12.bias", 0, Float.POSITIVE_INFINITY),
			"features.12.bias", 3, Float.NEGATIVE_INFINITY);
		Path p = dir.resolve("inf.h5");
		WeightsFixtures.writeKeras(inf, p);
		assertRefused(p, "features.12.bias", "conv3_2", "2 values that are not finite", "Infinity");
	}

	@Test
	void nanInAnNpzFileIsRefusedNamingTheTensor() throws IOException {
		Path p = write("nan.npz", WeightsFixtures.npz(WeightsFixtures.withValue(torch, "features.34.weight", 0, Float.NaN)));
		assertRefused(p, "features.34.weight", "conv5_4", "NaN");
	}

	@Test
	void goodNpzFromTheSameWriterIsRead() throws IOException {
		// The control for the case above: the writer itself makes readable files.
		VggWeights w = WeightsFiles.read(write("good.npz", WeightsFixtures.npz(torch)));
		assertEquals(16, w.convolutionsPresent());
		assertEquals(torch.tensors().get("features.34.weight").data()[5], w.tensors().get("features.34.weight").data()[5]);
	}

	@Test
	void deeplyNestedShapeIsRefusedWithoutStackOverflow() throws IOException {
		String deep = "[".repeat(100_000) + "]".repeat(100_000);
		Path p = write("deep.safetensors", WeightsFixtures.header("{\"features.0.weight\":{\"dtype\":\"F32\",\"shape\":" + deep
			+ ",\"data_offsets\":[0,0]}}"));
		assertRefused(p, "nests arrays or objects 100002 deep");
	}

	@Test
	void objectsWhereTheHeaderHasArraysAreRefusedNamingTheField() throws IOException {
		Path shape = write("shape.safetensors", WeightsFixtures.header(
			"{\"features.0.weight\":{\"dtype\":\"F32\",\"shape\":{\"a\":{\"b\":1}},\"data_offsets\":[0,432]}}"));
		assertRefused(shape, "tensor features.0.weight", "field 'shape' is an object");
		Path entry = write("entry.safetensors", WeightsFixtures.header("{\"features.0.weight\":[1,2,3]}"));
		assertRefused(entry, "tensor features.0.weight is described by an array");
	}

	@Test
	void missingOrMistypedFieldsAreNamed() throws IOException {
		Path noDtype = write("nodtype.safetensors", WeightsFixtures.header(
			"{\"features.0.weight\":{\"shape\":[4,3,3,3],\"data_offsets\":[0,432]}}"));
		assertRefused(noDtype, "field 'dtype' is missing");
		Path fraction = write("fraction.safetensors", WeightsFixtures.header(
			"{\"features.0.weight\":{\"dtype\":\"F32\",\"shape\":[4,3,3,3],\"data_offsets\":[0,431.5]}}"));
		assertRefused(fraction, "field 'data_offsets'", "431.5", "non-negative integers");
		Path huge = write("huge.safetensors", WeightsFixtures.header(
			"{\"features.0.weight\":{\"dtype\":\"F32\",\"shape\":[99999999999999999999999],\"data_offsets\":[0,4]}}"));
		assertRefused(huge, "field 'shape'", "99999999999999999999999");
	}

	@Test
	void headerThatIsNotAnObjectIsRefused() throws IOException {
		assertRefused(write("array.safetensors", WeightsFixtures.header("[1,2]")), "not a weights file we can read", ".safetensors");
		assertRefused(write("garbage.safetensors", WeightsFixtures.header("{\"a\":}")), "not valid JSON");
	}

	@Test
	void commandLinePrintsTheTensorAndExitsWithoutRunning() throws IOException {
		Path content = dir.resolve("content.png");
		Path style = dir.resolve("style.png");
		ImageIO.write(new BufferedImage(24, 24, BufferedImage.TYPE_INT_RGB), "png", content.toFile());
		ImageIO.write(new BufferedImage(24, 24, BufferedImage.TYPE_INT_RGB), "png", style.toFile());
		Path nan = write("nan.safetensors", WeightsFixtures.safetensors(
			WeightsFixtures.withValue(torch, "features.0.bias", 1, Float.NaN), Map.of(), false));
		Path out = dir.resolve("out.png");
		Map<String, String> before = snapshot(dir);
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = Main.run(new String[] { "--content", content.toString(), "--style", style.toString(), "--out", out.toString(),
			"--weights", nan.toString(), "--size", "24", "--steps", "2", "--quiet" }, new PrintStream(new ByteArrayOutputStream()),
			new PrintStream(err, true, StandardCharsets.UTF_8));
		String e = err.toString(StandardCharsets.UTF_8);
		assertEquals(2, code, e);
		assertTrue(e.contains(nan.toString()) && e.contains("features.0.bias") && e.contains("not finite"), e);
		assertTrue(!e.contains("loss became NaN"), e);
		WeightsCacheFixture.assertCleanMessage(e);
		assertUnchanged(before, dir);
	}
}
