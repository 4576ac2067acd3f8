package io.github.neuralstyle.engine.color;

import java.util.Locale;

/** How a run keeps the content's colours; the id is the command-line word. */
public enum ColourMode {

	/** The style's colours: nothing is kept. */
	NONE("none"),
	/** Gatys et al. 2017: optimise luminance only (style luminance matched), then take the content's chroma. */
	LUMINANCE("luminance"),
	/** Gatys et al. 2017: match the style image's colour mean and covariance to the content's before the run. */
	HISTOGRAM("histogram"),
	/** jcjohnson's {@code -original_colors 1}: after the run, the output's luminance with the content's chroma. */
	YUV("yuv");

	private final String id;

	ColourMode(String id) {
		this.id = id;
	}

	/** The command-line word, e.g. {@code luminance}. */
	public String id() {
		return id;
	}

	/** The mode named {@code id} (case-insensitive), or an exception listing the valid words. */
	public static ColourMode fromId(String id) {
		String s = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
		for (ColourMode m : values()) {
			if (m.id.equals(s)) return m;
		}
		throw new IllegalArgumentException("original colours '" + id + "' is not known: use none, luminance, histogram or yuv");
	}
}
