package io.github.neuralstyle.engine.regions;

import io.github.neuralstyle.engine.network.VggArchitecture;

/**
 * Where a VGG layer's neurons sit on the input image: its resolution (each 2×2 pooling of
 * stride 2 halves it, rounding down) and each neuron's receptive field. For output index i
 * the field covers input pixels {@code [offset + i·jump, offset + i·jump + size)}: a 3×3
 * convolution of padding 1 widens it by 2·jump and moves the offset back by one jump; a pooling
 * widens it by one jump and doubles the jump.
 *
 * @param size   the receptive field's side in input pixels
 * @param jump   input pixels between neighbouring neurons (2^poolings)
 * @param offset input coordinate where neuron 0's field starts (negative: it reaches into the padding)
 */
public record LayerGeometry(int size, int jump, int offset) {

	/** The geometry of {@code layer} in {@code arch}. */
	public static LayerGeometry of(VggArchitecture arch, String layer) {
		int last = arch.index(layer);
		int size = 1, jump = 1, offset = 0;
		for (int i = 0; i <= last; i++) {
			String name = arch.layerNames().get(i);
			if (name.startsWith("conv")) {
				size += 2 * jump;
				offset -= jump;
			}
			else if (name.startsWith("pool")) {
				size += jump;
				jump *= 2;
			}
		}
		return new LayerGeometry(size, jump, offset);
	}

	/** The layer's width or height for an input side of {@code inputSide} pixels. */
	public int outputSide(int inputSide) {
		int side = inputSide;
		for (int j = jump; j > 1; j /= 2) side /= 2;
		return side;
	}
}
