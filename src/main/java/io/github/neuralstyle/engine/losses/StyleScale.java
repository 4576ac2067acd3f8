package io.github.neuralstyle.engine.losses;

import io.github.neuralstyle.engine.ImageResize;
import io.github.neuralstyle.engine.RgbImage;

/**
 * Style scale (jcjohnson/neural-style {@code -style_scale}): the style image's long side is
 * made ⌈scale × the working size's long side⌉ before its Gram matrices are taken. Above 1 the
 * style's strokes span more pixels, and so do the output's (bigger brush strokes); below 1 the
 * texture is finer.
 */
public final class StyleScale {

	/** Largest accepted scale. */
	public static final double MAX = 8;

	private StyleScale() {}

	/** The style image's size for a working size whose long side is {@code workingLongSide}. */
	public static int[] styleSize(int styleWidth, int styleHeight, int workingLongSide, double scale) {
		if (!(scale > 0) || scale > MAX) {
			throw new IllegalArgumentException("style scale must be in (0, " + (int) MAX + "], got " + scale
				+ "; 1 keeps the style at the working size, 0.5 gives bigger strokes, 2 finer ones");
		}
		int longSide = Math.max(1, (int) Math.ceil(scale * workingLongSide - 1e-9));
		return ImageResize.fitLongSide(styleWidth, styleHeight, longSide);
	}

	/** {@code style} resized for a working image of {@code workingWidth × workingHeight}. */
	public static RgbImage resize(RgbImage style, int workingWidth, int workingHeight, double scale) {
		int[] s = styleSize(style.width(), style.height(), Math.max(workingWidth, workingHeight), scale);
		return ImageResize.resize(style, s[0], s[1]);
	}
}
