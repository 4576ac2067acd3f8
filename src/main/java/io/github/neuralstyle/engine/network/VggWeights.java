package io.github.neuralstyle.engine.network;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Convolution weights of a VGG network in torchvision naming and layout: {@code features.N.weight}
 * of shape (out, in, 3, 3) (OIHW) and {@code features.N.bias} of shape (out), with the input
 * convention they were trained with.
 * <p>
 * The channel counts need not be the full 64…512: tests use the same shape family at reduced
 * width. {@link #validate()} checks names and shape consistency, not values.
 */
public final class VggWeights {

	private final VggArchitecture architecture;
	private final InputConvention convention;
	private final Map<String, FloatTensor> tensors;
	private final String description;

	/** Creates weights; {@code tensors} is copied. Convolutions past the deepest one present are allowed to be missing. */
	public VggWeights(VggArchitecture architecture, InputConvention convention, Map<String, FloatTensor> tensors,
		String description)
	{
		this.architecture = architecture;
		this.convention = convention;
		this.tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
		this.description = description;
	}

	/** The architecture. */
	public VggArchitecture architecture() {
		return architecture;
	}

	/** The input convention the weights were trained with. */
	public InputConvention convention() {
		return convention;
	}

	/** All tensors by torchvision name. */
	public Map<String, FloatTensor> tensors() {
		return tensors;
	}

	/** A human-readable origin, e.g. the file it was read from. */
	public String description() {
		return description;
	}

	/** The number of leading convolutions present (0 … 16). */
	public int convolutionsPresent() {
		int n = 0;
		for (int index : architecture.convIndices()) {
			if (!tensors.containsKey(VggArchitecture.weightName(index))) break;
			n++;
		}
		return n;
	}

	/**
	 * Checks that the leading convolutions chain correctly: each weight is (out, in, 3, 3), the
	 * first takes 3 channels, each takes the previous one's outputs, each bias is (out).
	 *
	 * @throws IllegalArgumentException naming the first offending tensor
	 */
	public VggWeights validate() {
		int[] convs = architecture.convIndices();
		long in = 3;
		int present = convolutionsPresent();
		if (present == 0) {
			throw new IllegalArgumentException("Weights " + description + " contain no " + VggArchitecture.weightName(0)
				+ ": not VGG convolution weights in torchvision naming");
		}
		for (int k = 0; k < present; k++) {
			String w = VggArchitecture.weightName(convs[k]);
			String b = VggArchitecture.biasName(convs[k]);
			long[] ws = tensors.get(w).shape();
			if (ws.length != 4 || ws[1] != in || ws[2] != 3 || ws[3] != 3) {
				throw new IllegalArgumentException("Weights " + description + ": " + w + " has shape "
					+ java.util.Arrays.toString(ws) + ", expected [out, " + in + ", 3, 3]");
			}
			FloatTensor bias = tensors.get(b);
			if (bias == null || bias.shape().length != 1 || bias.shape()[0] != ws[0]) {
				throw new IllegalArgumentException("Weights " + description + ": " + b + " is missing or not of shape ["
					+ ws[0] + "]");
			}
			in = ws[0];
		}
		return this;
	}
}
