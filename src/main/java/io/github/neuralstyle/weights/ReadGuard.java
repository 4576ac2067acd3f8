package io.github.neuralstyle.weights;

import io.github.neuralstyle.engine.network.FloatTensor;
import io.github.neuralstyle.engine.network.VggArchitecture;
import io.github.neuralstyle.engine.network.VggWeights;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs a format reader on one file and makes every way it can fail an
 * {@link InvalidWeightsException} that names the file, then checks the result: shapes chain
 * and every value is finite. A damaged or hostile file thus never surfaces as a JDK or
 * library exception, and NaN weights are refused at load instead of as a "loss became NaN"
 * many steps later.
 */
final class ReadGuard {

	/** A reader's body. */
	interface Body {
		/** Reads the weights. */
		VggWeights read() throws IOException;
	}

	private ReadGuard() {}

	/** Runs {@code body} for {@code file} in format {@code format} ("safetensors", "Keras HDF5", ".npz"), validated and finite. */
	static VggWeights read(Path file, String format, Body body) throws InvalidWeightsException {
		VggWeights weights;
		try {
			weights = body.read();
		}
		catch (InvalidWeightsException e) {
			throw e;
		}
		catch (NoSuchFileException e) {
			throw new InvalidWeightsException(file + ": no such weights file", e);
		}
		catch (AccessDeniedException e) {
			throw new InvalidWeightsException(file + " cannot be read: permission denied", e);
		}
		catch (EOFException e) {
			throw new InvalidWeightsException(file + " is truncated or damaged: it ends where its " + format
				+ " structure says more data follows", e);
		}
		catch (IOException e) {
			throw new InvalidWeightsException(file + " could not be read as a " + format + " file" + detail(e), e);
		}
		catch (RuntimeException | StackOverflowError e) {
			// Readers check what they rely on; anything left is a structure they did not expect.
			throw new InvalidWeightsException(file + " is damaged or not a " + format + " weights file: its structure is"
				+ " inconsistent" + detail(e), e);
		}
		return finite(file, validated(weights));
	}

	/** Validates the chain of shapes, turning the engine's message into a file error. */
	static VggWeights validated(VggWeights weights) throws InvalidWeightsException {
		try {
			return weights.validate();
		}
		catch (IllegalArgumentException e) {
			throw new InvalidWeightsException(e.getMessage(), e);
		}
	}

	/**
	 * Checks every value is finite (one pass over ~20 M floats: 30–100 ms measured), naming the
	 * first tensor that is not and how many of its values are NaN or infinite.
	 */
	static VggWeights finite(Path file, VggWeights weights) throws InvalidWeightsException {
		for (Map.Entry<String, FloatTensor> e : weights.tensors().entrySet()) {
			float[] data = e.getValue().data();
			int bad = 0;
			int first = -1;
			for (int i = 0; i < data.length; i++) {
				if (!Float.isFinite(data[i])) {
					if (first < 0) first = i;
					bad++;
				}
			}
			if (bad > 0) {
				throw new InvalidWeightsException(file + ": tensor " + e.getKey() + layer(weights.architecture(), e.getKey())
					+ " holds " + bad + " value" + (bad == 1 ? "" : "s") + " that " + (bad == 1 ? "is" : "are")
					+ " not finite (the first, at position " + first + ", is " + data[first] + "). The file is damaged or"
					+ " was saved from a model that diverged: use another copy of the weights (download them again, or"
					+ " give a good file with --weights FILE / weights=FILE).");
			}
		}
		return weights;
	}

	/** " (layer conv2_1)" for {@code features.5.weight}, or "" for a name that is not a convolution. */
	private static String layer(VggArchitecture arch, String tensor) {
		String[] parts = tensor.split("\\.");
		if (parts.length != 3) return "";
		try {
			int index = Integer.parseInt(parts[1]);
			return index < arch.layerNames().size() ? " (layer " + arch.layerNames().get(index) + ")" : "";
		}
		catch (NumberFormatException e) {
			return "";
		}
	}

	/** Text taken from a file, fit for a message: at most {@code max} characters, control and odd bytes shown as '?'. */
	static String printable(String s, int max) {
		String cut = s.length() > max ? s.substring(0, max) + "..." : s;
		return cut.replaceAll("[^\\x20-\\x7e]", "?");
	}

	/** ": reason" from a library's message, without class names; "" when the message would be JDK internals. */
	private static String detail(Throwable e) {
		String m = e.getMessage();
		if (m == null || m.isBlank() || e.getClass().getName().startsWith("java.lang.")) return "";
		m = m.replaceAll("\\b(java|javax|io\\.jhdf|com\\.google)\\.[\\w.$]*(Exception|Error)(: )?", "").trim();
		if (m.length() > 200) m = m.substring(0, 200) + "...";
		return m.isEmpty() ? "" : " (" + m + ")";
	}
}
