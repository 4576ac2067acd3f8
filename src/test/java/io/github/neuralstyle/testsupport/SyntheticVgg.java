package io.github.neuralstyle.testsupport;

import io.github.neuralstyle.engine.network.InputConvention;
import io.github.neuralstyle.engine.network.RandomVggWeights;
import io.github.neuralstyle.engine.network.VggArchitecture;
import io.github.neuralstyle.engine.network.VggWeights;

/** Seeded random VGG weights of the real shape family at reduced width, for tests. */
public final class SyntheticVgg {

	private SyntheticVgg() {}

	/** VGG19 in torchvision convention, channels divided by {@code divisor}, all 16 convolutions. */
	public static VggWeights vgg19(int divisor, long seed) {
		return create(VggArchitecture.VGG19, InputConvention.TORCHVISION, divisor, seed, 16);
	}

	/** See {@link RandomVggWeights#create}. */
	public static VggWeights create(VggArchitecture arch, InputConvention convention, int divisor, long seed,
		int convolutions)
	{
		return RandomVggWeights.create(arch, convention, divisor, seed, convolutions);
	}
}
