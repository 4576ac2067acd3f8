package io.github.neuralstyle.weights;

import io.github.neuralstyle.engine.network.VggArchitecture;
import io.github.neuralstyle.engine.network.VggWeights;

import java.io.IOException;
import java.nio.file.Path;

/** Checks that a file holds what a {@link WeightsSource} promises: published md5, architecture, width, finite values. */
final class Verification {

	private Verification() {}

	/** Checks the md5 of {@code file} against the published one. */
	static void checkMd5(WeightsSource source, Path file) throws IOException {
		String md5 = Checksums.hex("MD5", file);
		if (!md5.equals(source.md5())) {
			throw new InvalidWeightsException("md5 of " + file + " is " + md5 + ", expected " + source.md5()
				+ " (incomplete or corrupted download, or the file on the server changed)");
		}
	}

	/**
	 * Reads {@code file} (finite values checked by the reader) and checks it is what {@code source}
	 * promises: the published md5 if {@code md5} and known, all convolutions of its architecture, full width.
	 */
	static VggWeights verify(WeightsSource source, Path file, boolean md5) throws IOException {
		if (md5 && source.md5() != null) checkMd5(source, file);
		VggWeights weights = source.format().reader().read(file);
		if (weights.architecture() != source.architecture()
			|| weights.convolutionsPresent() != source.architecture().convCount())
		{
			throw new InvalidWeightsException(file + " holds " + weights.convolutionsPresent() + " convolutions of "
				+ weights.architecture() + ", expected all " + source.architecture().convCount() + " of " + source.architecture());
		}
		if (source.fullWidth()) checkFullWidth(source, file, weights);
		return weights;
	}

	/** Checks every convolution has VGG's channel count, so a narrow or pruned file is not taken for the real model. */
	private static void checkFullWidth(WeightsSource source, Path file, VggWeights weights) throws InvalidWeightsException {
		VggArchitecture arch = weights.architecture();
		int[] perBlock = arch.convsPerBlock();
		int[] indices = arch.convIndices();
		int k = 0;
		for (int b = 0; b < perBlock.length; b++) {
			for (int c = 0; c < perBlock[b]; c++, k++) {
				String name = VggArchitecture.weightName(indices[k]);
				long out = weights.tensors().get(name).shape()[0];
				if (out != VggArchitecture.blockChannels(b)) {
					throw new InvalidWeightsException(file + ": " + name + " has " + out + " output channels, but " + source.id()
						+ " has " + VggArchitecture.blockChannels(b));
				}
			}
		}
	}
}
