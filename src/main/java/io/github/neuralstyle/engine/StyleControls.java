package io.github.neuralstyle.engine;

import io.github.neuralstyle.engine.color.ColourMatch;
import io.github.neuralstyle.engine.color.ColourMode;
import io.github.neuralstyle.engine.losses.Reduction;
import io.github.neuralstyle.engine.losses.StyleBlend;
import io.github.neuralstyle.engine.losses.StyleScale;
import io.github.neuralstyle.engine.regions.StyleRegions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The controls of issue 15, immutable, held by {@link StyleTransferSettings#controls()}: colour
 * preservation, extra styles with blend weights, style scale, regions, and the loss forms some
 * recipes use (summed content, power TV, their random start) with early stopping. {@link #NONE}
 * (the default) changes nothing: the run is exactly the single-style run.
 * <p>
 * <b>Styles.</b> Style 0 is the style image passed to {@link StyleTransfer#run}; styles 1… are
 * {@link #extraStyles()}. Blend weights, when given, name one weight per style (normalised to
 * sum 1); without them all styles weigh the same. Regions name styles by these indices.
 * <p>
 * <b>Summed forms.</b> A term with {@link Reduction#SUM} is the sum over its elements divided by
 * the element count it has at a 512 × 512 image: at 512² it equals the mean, at other sizes it
 * grows with the pixel count as a sum does. So a recipe written on sums is exact at every size
 * while its weights keep the values they have at 512² (jcjohnson's γ stays 2.56e7).
 */
public final class StyleControls {

	/** No control: the plain single-style run. */
	public static final StyleControls NONE = new Builder().build();

	/** Steps in a row whose relative loss change must stay below {@link #tolerance()} before a scale stops early. */
	public static final int TOLERANCE_PATIENCE = 5;

	/** Largest accepted TV exponent. */
	public static final double MAX_TV_POWER = 4;

	private final ColourMode colourMode;
	private final ColourMatch.Method colourMatch;
	private final List<RgbImage> extraStyles;
	private final double[] blendWeights;
	private final double styleScale;
	private final StyleRegions regions;
	private final Reduction contentReduction;
	private final double tvPower;
	private final Reduction tvReduction;
	private final NoiseStart noiseStart;
	private final double tolerance;

	private StyleControls(Builder b) {
		colourMode = b.colourMode;
		colourMatch = b.colourMatch;
		extraStyles = List.copyOf(b.extraStyles);
		blendWeights = b.blendWeights == null ? null : b.blendWeights.clone();
		styleScale = b.styleScale;
		regions = b.regions;
		contentReduction = b.contentReduction;
		tvPower = b.tvPower;
		tvReduction = b.tvReduction;
		noiseStart = b.noiseStart;
		tolerance = b.tolerance;
	}

	/** A builder with no control set. */
	public static Builder builder() {
		return new Builder();
	}

	/** A builder holding these controls. */
	public Builder toBuilder() {
		Builder b = new Builder();
		b.colourMode = colourMode;
		b.colourMatch = colourMatch;
		b.extraStyles.addAll(extraStyles);
		b.blendWeights = blendWeights == null ? null : blendWeights.clone();
		b.styleScale = styleScale;
		b.regions = regions;
		b.contentReduction = contentReduction;
		b.tvPower = tvPower;
		b.tvReduction = tvReduction;
		b.noiseStart = noiseStart;
		b.tolerance = tolerance;
		return b;
	}

	/** How the content's colours are kept. */
	public ColourMode colourMode() { return colourMode; }

	/** Which matrix {@link ColourMode#HISTOGRAM} uses. */
	public ColourMatch.Method colourMatch() { return colourMatch; }

	/** Styles 1… (style 0 is the run's style image). */
	public List<RgbImage> extraStyles() { return extraStyles; }

	/** Number of styles: 1 + {@link #extraStyles()}. */
	public int styleCount() { return 1 + extraStyles.size(); }

	/** One weight per style, normalised to sum 1 (equal weights unless set). */
	public double[] blendWeights() {
		if (blendWeights == null) {
			double[] w = new double[styleCount()];
			java.util.Arrays.fill(w, 1.0 / w.length);
			return w;
		}
		return StyleBlend.normalise(blendWeights);
	}

	/** The blend weights as given (not normalised), or null when not set. */
	public double[] givenBlendWeights() { return blendWeights == null ? null : blendWeights.clone(); }

	/** The style scale: the style's long side is this × the working long side (1 = as today). */
	public double styleScale() { return styleScale; }

	/** The regions, or null for one style over the whole image. */
	public StyleRegions regions() { return regions; }

	/** Whether the content term is a mean (default) or a sum (see the class comment). */
	public Reduction contentReduction() { return contentReduction; }

	/** The TV exponent p of Σ((Δx)² + (Δy)²)^p, or NaN for the default quadratic TV of {@code Losses.totalVariation}. */
	public double tvPower() { return tvPower; }

	/** Whether the power TV is a mean over its elements or a sum (see the class comment); unused without a power. */
	public Reduction tvReduction() { return tvReduction; }

	/** The recipe's random start used for {@link InitMode#NOISE}, or null for U[0,1) pixels. */
	public NoiseStart noiseStart() { return noiseStart; }

	/** Relative loss change below which a scale stops early (after {@link #TOLERANCE_PATIENCE} steps); 0 = never. */
	public double tolerance() { return tolerance; }

	/** Whether the objective differs from the plain one (styles, scale, regions, loss forms). */
	public boolean changesObjective() {
		return !extraStyles.isEmpty() || styleScale != 1 || regions != null || contentReduction != Reduction.MEAN
			|| !Double.isNaN(tvPower);
	}

	/** Whether these are {@link #NONE}'s values: the run is the plain single-style one. */
	public boolean isNone() {
		return !changesObjective() && colourMode == ColourMode.NONE && noiseStart == null && tolerance == 0;
	}

	/** One line for logs, e.g. {@code colours=luminance styles=2 blend=0.3,0.7 scale=1}. */
	@Override
	public String toString() {
		StringBuilder sb = new StringBuilder("colours=").append(colourMode.id());
		if (colourMode == ColourMode.HISTOGRAM) sb.append('/').append(colourMatch.name().toLowerCase(Locale.ROOT));
		sb.append(" styles=").append(styleCount());
		if (styleCount() > 1) sb.append(" blend=").append(join(blendWeights()));
		sb.append(" style_scale=").append(SettingsBuilderBase.shortNumber(styleScale));
		if (regions != null) sb.append(" regions=").append(regions.describe());
		sb.append(" content_form=").append(contentReduction.name().toLowerCase(Locale.ROOT));
		if (!Double.isNaN(tvPower)) {
			sb.append(" tv_power=").append(SettingsBuilderBase.shortNumber(tvPower)).append('/')
				.append(tvReduction.name().toLowerCase(Locale.ROOT));
		}
		if (noiseStart != null) sb.append(" noise=").append(noiseStart.kind().name().toLowerCase(Locale.ROOT));
		if (tolerance > 0) sb.append(" tolerance=").append(SettingsBuilderBase.shortNumber(tolerance));
		return sb.toString();
	}

	private static String join(double[] w) {
		List<String> parts = new ArrayList<>();
		for (double v : w) parts.add(SettingsBuilderBase.shortNumber(Math.round(v * 1e6) / 1e6));
		return String.join(",", parts);
	}

	/** Builds {@link StyleControls}; {@link #build()} validates and names the bad value and its fix. */
	public static final class Builder {

		private ColourMode colourMode = ColourMode.NONE;
		private ColourMatch.Method colourMatch = ColourMatch.Method.SYMMETRIC;
		private final List<RgbImage> extraStyles = new ArrayList<>();
		private double[] blendWeights;
		private double styleScale = 1;
		private StyleRegions regions;
		private Reduction contentReduction = Reduction.MEAN;
		private double tvPower = Double.NaN;
		private Reduction tvReduction = Reduction.MEAN;
		private NoiseStart noiseStart;
		private double tolerance;

		private Builder() {}

		/** Sets how the content's colours are kept. */
		public Builder colourMode(ColourMode v) { colourMode = v; return this; }

		/** Sets the matrix of {@link ColourMode#HISTOGRAM} (default symmetric). */
		public Builder colourMatch(ColourMatch.Method v) { colourMatch = v; return this; }

		/** Sets styles 1… (replacing earlier ones); style 0 stays the run's style image. */
		public Builder extraStyles(List<RgbImage> v) { extraStyles.clear(); extraStyles.addAll(v); return this; }

		/** Sets one blend weight per style (style 0 first), or null for equal weights. */
		public Builder blendWeights(double... v) { blendWeights = v == null ? null : v.clone(); return this; }

		/** Sets the style scale (0, 8]. */
		public Builder styleScale(double v) { styleScale = v; return this; }

		/** Sets the regions, or null for none. */
		public Builder regions(StyleRegions v) { regions = v; return this; }

		/** Sets the content term's form. */
		public Builder contentReduction(Reduction v) { contentReduction = v; return this; }

		/** Sets the TV exponent p (NaN for the default quadratic TV) and the power TV's form. */
		public Builder tvPower(double p, Reduction form) { tvPower = p; tvReduction = form; return this; }

		/** Sets the random start of {@link InitMode#NOISE} (null for U[0,1) pixels). */
		public Builder noiseStart(NoiseStart v) { noiseStart = v; return this; }

		/** Sets the early-stop tolerance in [0, 1) (0 = never stop early). */
		public Builder tolerance(double v) { tolerance = v; return this; }

		/** Validates and builds. */
		public StyleControls build() {
			require(colourMode != null, "original colours must be none, luminance, histogram or yuv");
			require(colourMatch != null, "colour match must be symmetric or cholesky");
			for (RgbImage s : extraStyles) require(s != null, "an extra style image is missing: give an image for every style");
			int n = 1 + extraStyles.size();
			if (blendWeights != null) {
				require(blendWeights.length == n, "style blend has " + blendWeights.length + " weights for " + n
					+ " styles: give one weight per style, e.g. 3,7 for two styles");
				StyleBlend.normalise(blendWeights);
			}
			require(styleScale > 0 && styleScale <= StyleScale.MAX, "style scale must be in (0, " + (int) StyleScale.MAX
				+ "], got " + styleScale + "; 1 keeps the style at the working size, 2 doubles it (bigger strokes)");
			if (regions != null) {
				require(regions.highestStyle() < n, "region styles name style " + regions.highestStyle() + " but there "
					+ (n == 1 ? "is 1 style (index 0)" : "are " + n + " styles (indices 0 to " + (n - 1) + ")")
					+ ": add styles or use a lower index");
			}
			require(contentReduction != null && tvReduction != null, "content and tv forms must be mean or sum");
			require(Double.isNaN(tvPower) || tvPower > 0 && tvPower <= MAX_TV_POWER, "tv power must be in (0, "
				+ (int) MAX_TV_POWER + "], got " + tvPower + "; 1 squared differences (jcjohnson), 1.25 the Keras article");
			require(Double.isFinite(tolerance) && tolerance >= 0 && tolerance < 1, "tolerance must be in [0, 1) "
				+ "(0 = never stop early, e.g. 1e-5), got " + tolerance);
			return new StyleControls(this);
		}

		private static void require(boolean ok, String message) {
			if (!ok) throw new IllegalArgumentException(message);
		}
	}
}
