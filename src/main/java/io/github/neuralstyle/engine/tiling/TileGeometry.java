package io.github.neuralstyle.engine.tiling;

import io.github.neuralstyle.engine.network.VggArchitecture;

import java.util.List;

/**
 * What a tiling must respect for a network cut after a given layer: the receptive-field radius
 * of that layer and its total pooling stride.
 * <p>
 * A feature at a layer of stride s stands for a block of s×s pixels; each 3×3 convolution run at
 * stride s widens the pixels it depends on by s on every side, and a 2×2 pooling only doubles the
 * block. So the radius is the sum, over the convolutions up to the layer, of the stride each runs
 * at: 70 px up to relu5_1 of VGG19 (a 156 px field), 38 px up to relu4_2.
 *
 * @param radius pixels beyond its s×s block that a feature of the deepest layer depends on
 * @param stride total pooling stride of the deepest layer (2^poolings)
 * @param halo   the radius rounded up to a multiple of the stride: windows then start on the
 *               pooling grid and every core feature sees its whole receptive field
 */
public record TileGeometry(int radius, int stride, int halo) {

	/** The geometry for a network whose deepest computed layer is {@code deepestIndex}. */
	public static TileGeometry of(VggArchitecture arch, int deepestIndex) {
		List<String> names = arch.layerNames();
		int radius = 0;
		int stride = 1;
		for (int i = 0; i <= deepestIndex; i++) {
			String name = names.get(i);
			if (name.startsWith("conv")) radius += stride;
			else if (name.startsWith("pool")) stride *= 2;
		}
		return new TileGeometry(radius, stride, roundUp(radius, stride));
	}

	/** The pooling stride at the output of layer {@code index}. */
	public static int strideAt(VggArchitecture arch, int index) {
		return of(arch, index).stride();
	}

	/** {@code value} rounded up to a multiple of {@code step}. */
	static int roundUp(int value, int step) {
		return (value + step - 1) / step * step;
	}
}
