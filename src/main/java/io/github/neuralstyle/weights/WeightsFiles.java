package io.github.neuralstyle.weights;

import io.github.neuralstyle.engine.network.VggWeights;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Reads a local weights file of any supported format, chosen by its content, and refuses pickles. */
public final class WeightsFiles {

	/** Extensions of PyTorch/pickle files, refused before reading a byte. */
	private static final List<String> PICKLE_EXTENSIONS = Arrays.asList(".pth", ".pt", ".bin", ".ckpt", ".pkl", ".pickle", ".tar");

	private static final byte[] HDF5_MAGIC = { (byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n' };

	private WeightsFiles() {}

	/** Reads {@code file} (Keras .h5, .safetensors or .npz with torchvision names) and validates it. */
	public static VggWeights read(Path file) throws IOException {
		return detect(file).reader().read(file);
	}

	/**
	 * The format of {@code file} from its first bytes (the extension only decides refusals).
	 *
	 * @throws InvalidWeightsException for pickles and unknown formats, saying what to do instead
	 */
	public static WeightsFormat detect(Path file) throws IOException {
		String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
		for (String ext : PICKLE_EXTENSIONS) {
			if (lower.endsWith(ext)) throw pickle(file);
		}
		if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString(), null, "no such weights file");
		byte[] head = new byte[16];
		int n;
		try (InputStream in = Files.newInputStream(file)) {
			n = in.readNBytes(head, 0, head.length);
		}
		if (n >= 8 && Arrays.equals(Arrays.copyOf(head, 8), HDF5_MAGIC)) return WeightsFormat.KERAS_H5;
		if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
			if (containsPickle(file)) throw pickle(file);
			return WeightsFormat.NPZ;
		}
		// Pickle protocol 2+ starts with 0x80 then the protocol number (legacy torch.save).
		if (n >= 2 && (head[0] & 0xff) == 0x80 && head[1] >= 2 && head[1] <= 5) throw pickle(file);
		if (n >= 9 && head[8] == '{') return WeightsFormat.SAFETENSORS;
		throw new InvalidWeightsException(file + " is not a weights file we can read: expected a Keras .h5 file, or a"
			+ " .safetensors or .npz file with torchvision names (features.N.weight)");
	}

	/** Whether a zip holds a pickle (PyTorch's zip format stores {@code archive/data.pkl}). */
	private static boolean containsPickle(Path file) throws IOException {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
				String name = e.nextElement().getName();
				if (name.endsWith(".pkl") || name.endsWith("/data.pkl")) return true;
			}
			return false;
		}
		catch (java.util.zip.ZipException e) {
			throw new InvalidWeightsException(file + " is not a valid zip/.npz archive: " + e.getMessage(), e);
		}
	}

	/** The refusal of a pickle file, with the reason and a conversion recipe. */
	static InvalidWeightsException pickle(Path file) {
		return new InvalidWeightsException(file + " is a PyTorch/pickle file. Loading a pickle runs code stored in the file,"
			+ " so Neural Style never opens one. If you trust the file, convert it once to safetensors with Python:\n"
			+ "  import torch; from safetensors.torch import save_file\n"
			+ "  sd = torch.load('" + file.getFileName() + "', map_location='cpu', weights_only=True)\n"
			+ "  save_file({k: v.float().contiguous() for k, v in sd.items() if k.startswith('features.')}, 'vgg19.safetensors')\n"
			+ "and use vgg19.safetensors instead.");
	}
}
