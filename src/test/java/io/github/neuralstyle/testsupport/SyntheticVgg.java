package io.github.neuralstyle.testsupport;

import io.github.neuralstyle.engine.FloatTensor;
import io.github.neuralstyle.engine.InputConvention;
import io.github.neuralstyle.engine.VggArchitecture;
import io.github.neuralstyle.engine.VggWeights;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded random VGG weights of the real shape family at reduced width, for tests.
 * <p>
 * Weights are He-initialised (normal, std √(2 / fan_in)) so activations keep their scale
 * through the depth, as trained VGG weights roughly do.
 */
public final class SyntheticVgg {

	private SyntheticVgg() {}

	/** VGG19 in torchvision convention, channels divided by {@code divisor}, all 16 convolutions. */
	public static VggWeights vgg19(int divisor, long seed) {
		return create(VggArchitecture.VGG19, InputConvention.TORCHVISION, divisor, seed, 16);
	}

	/**
	 * Weights for the first {@code convolutions} convolutions of {@code arch}, channels of block
	 * b equal to {@code blockChannels(b) / divisor} (at least 1).
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
		return new VggWeights(arch, convention, tensors, "synthetic " + arch + "/" + divisor + " seed " + seed);
	}

	private static double gaussian(SplittableRandom random) {
		double u1 = random.nextDouble();
		double u2 = random.nextDouble();
		return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
	}
}
