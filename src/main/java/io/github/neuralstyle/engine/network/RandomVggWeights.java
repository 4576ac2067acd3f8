package io.github.neuralstyle.engine.network;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded random VGG weights of the real shape family, for benchmarks, tests and offline demos:
 * never a stand-in for pretrained weights, and always named so in their description.
 * <p>
 * He initialisation (normal, std √(2 / fan_in)) keeps activations at a similar scale through
 * the depth, as trained VGG weights roughly do.
 */
public final class RandomVggWeights {

	private RandomVggWeights() {}

	/**
	 * Weights for the first {@code convolutions} convolutions of {@code arch}, the channels of
	 * block b being {@code blockChannels(b) / divisor} (at least 1).
	 */
	public static VggWeights create(VggArchitecture arch, InputConvention convention, int divisor, long seed,
		int convolutions)
	{
		SplittableRandom random = new SplittableRandom(seed);
		Map<String, FloatTensor> tensors = new LinkedHashMap<>();
		int[] convIndices = arch.convIndices();
		int[] perBlock = arch.convsPerBlock();
		int in = 3;
		int k = 0;
		for (int b = 0; b < perBlock.length && k < convolutions; b++) {
			int out = Math.max(1, VggArchitecture.blockChannels(b) / divisor);
			for (int i = 0; i < perBlock[b] && k < convolutions; i++, k++) {
				float[] w = new float[out * in * 9];
				double std = Math.sqrt(2.0 / (in * 9));
				for (int j = 0; j < w.length; j++) w[j] = (float) (gaussian(random) * std);
				float[] bias = new float[out];
				for (int j = 0; j < out; j++) bias[j] = (float) (0.01 * gaussian(random));
				tensors.put(VggArchitecture.weightName(convIndices[k]), new FloatTensor(new long[] { out, in, 3, 3 }, w));
				tensors.put(VggArchitecture.biasName(convIndices[k]), new FloatTensor(new long[] { out }, bias));
				in = out;
			}
		}
		String width = divisor == 1 ? "" : " at 1/" + divisor + " width";
		return new VggWeights(arch, convention, tensors, "random " + arch + width + " (seed " + seed + ", NOT pretrained)");
	}

	private static double gaussian(SplittableRandom random) {
		double u1 = random.nextDouble();
		double u2 = random.nextDouble();
		return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
	}
}
