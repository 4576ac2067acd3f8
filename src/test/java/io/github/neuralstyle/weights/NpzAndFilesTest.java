package io.github.neuralstyle.weights;

import static io.github.neuralstyle.weights.ReaderAssertions.assertInvalid;
import static io.github.neuralstyle.weights.ReaderAssertions.assertSameTensors;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.neuralstyle.engine.network.InputConvention;
import io.github.neuralstyle.engine.network.VggArchitecture;
import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.testsupport.WeightsFixtures;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .npz from numpy, format detection by content, and the refusal of pickles. */
class NpzAndFilesTest {

	@TempDir
	Path dir;

	@Test
	void readsNpzWrittenByNumpy() throws IOException {
		VggWeights w = WeightsFiles.read(WeightsFixtures.resource("vgg19_d32.npz"));
		assertEquals(InputConvention.TORCHVISION, w.convention());
		assertSameTensors(WeightsFixtures.formula(VggArchitecture.VGG19), w);
	}

	@Test
	void npzAndKerasH5OfTheSameWeightsAreIdentical() throws IOException {
		assertSameTensors(WeightsFiles.read(WeightsFixtures.resource("keras_vgg19_d32.h5")),
			WeightsFiles.read(WeightsFixtures.resource("vgg19_d32.npz")));
	}

	@Test
	void detectsFormatByContentNotName() throws IOException {
		Path h5 = dir.resolve("weights.data");
		Files.copy(WeightsFixtures.resource("keras_vgg19_d32.h5"), h5);
		assertEquals(WeightsFormat.KERAS_H5, WeightsFiles.detect(h5));
		Path npz = dir.resolve("other.h5");
		Files.copy(WeightsFixtures.resource("vgg19_d32.npz"), npz);
		assertEquals(WeightsFormat.NPZ, WeightsFiles.detect(npz));
	}

	@Test
	void pthIsRefusedWithReasonAndRecipe() throws IOException {
		Path pth = dir.resolve("vgg19-dcbb9e9d.pth");
		Files.write(pth, new byte[] { (byte) 0x80, 2, 'c' });
		assertInvalid(() -> WeightsFiles.read(pth), "runs code", "save_file", "vgg19-dcbb9e9d.pth");
	}

	@Test
	void pickleIsRefusedWhateverItsName() throws IOException {
		Path raw = dir.resolve("weights.safetensors");
		Files.write(raw, new byte[] { (byte) 0x80, 4, (byte) 0x95, 0, 0, 0, 0, 0, 0, 0 });
		assertInvalid(() -> WeightsFiles.read(raw), "runs code");
		// PyTorch's zip format: a zip holding archive/data.pkl.
		Path zip = dir.resolve("model.npz");
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
			out.putNextEntry(new ZipEntry("archive/data.pkl"));
			out.write(new byte[] { (byte) 0x80, 2 });
			out.closeEntry();
		}
		assertInvalid(() -> WeightsFiles.read(zip), "runs code");
	}

	@Test
	void npzWithObjectArraysIsRefused() throws IOException {
		Path npz = dir.resolve("obj.npz");
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(npz))) {
			for (String name : new String[] { "features.0.weight.npy", "features.0.bias.npy" }) {
				out.putNextEntry(new ZipEntry(name));
				writeNpyHeader(out, "{'descr': '|O', 'fortran_order': False, 'shape': (4,), }");
				out.closeEntry();
			}
		}
		assertInvalid(() -> WeightsFiles.read(npz), "|O", "float32");
	}

	private static void writeNpyHeader(OutputStream out, String dict) throws IOException {
		byte[] d = dict.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		out.write(new byte[] { (byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) d.length, 0 });
		out.write(d);
	}
}
