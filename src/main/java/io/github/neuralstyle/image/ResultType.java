package io.github.neuralstyle.image;

import ij.ImagePlus;

/**
 * The ImageJ type of a styled result. The rule: RGB when the content or the style looks
 * coloured (a grey content styled by a coloured painting takes the painting's colours);
 * otherwise the content's own type, with the content's display range and LUT.
 */
public enum ResultType {
	/** 24-bit RGB. */
	RGB,
	/** 8-bit grey. */
	GRAY8,
	/** 16-bit grey. */
	GRAY16,
	/** 32-bit float grey. */
	GRAY32;

	/** Applies the rule above to a converted content and style. */
	public static ResultType of(ImagePlus content, ConvertedImage convertedContent, ConvertedImage convertedStyle) {
		if (convertedContent.colour() || convertedStyle.colour()) return RGB;
		switch (content.getBitDepth()) {
			case 8: return GRAY8;
			case 16: return GRAY16;
			case 32: return GRAY32;
			default: return RGB;
		}
	}
}
