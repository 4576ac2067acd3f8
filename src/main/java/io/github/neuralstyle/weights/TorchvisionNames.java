package io.github.neuralstyle.weights;

import io.github.neuralstyle.engine.network.VggArchitecture;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Finds which VGG a set of torchvision tensor names describes, and which of them to read. */
final class TorchvisionNames {

	private TorchvisionNames() {}

	/**
	 * The architecture whose convolutions match the most leading names: VGG19 has
	 * {@code features.16} where VGG16 has {@code features.17}.
	 */
	static VggArchitecture infer(String file, Collection<String> names) throws InvalidWeightsException {
		VggArchitecture best = null;
		int bestCount = 0;
		for (VggArchitecture arch : VggArchitecture.values()) {
			int n = 0;
			for (int index : arch.convIndices()) {
				if (!names.contains(VggArchitecture.weightName(index)) || !names.contains(VggArchitecture.biasName(index))) {
					break;
				}
				n++;
			}
			if (n > bestCount) {
				best = arch;
				bestCount = n;
			}
		}
		if (best == null) {
			throw new InvalidWeightsException(file + " holds no tensors named " + VggArchitecture.weightName(0) + " and "
				+ VggArchitecture.biasName(0) + ": expected VGG convolution weights with torchvision names (features.N.weight, features.N.bias)");
		}
		return best;
	}

	/** The tensor names of the leading convolutions of {@code arch} present in {@code names}, weight then bias. */
	static List<String> select(VggArchitecture arch, Collection<String> names) {
		List<String> out = new ArrayList<>();
		for (int index : arch.convIndices()) {
			String w = VggArchitecture.weightName(index);
			String b = VggArchitecture.biasName(index);
			if (!names.contains(w) || !names.contains(b)) break;
			out.add(w);
			out.add(b);
		}
		return out;
	}
}
