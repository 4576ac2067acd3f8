package io.github.neuralstyle.engine.color;

import io.github.neuralstyle.engine.RgbImage;

/**
 * Luminance-only transfer (Gatys et al. 2017, "Controlling Perceptual Factors in Neural Style
 * Transfer", section 5.1): the run sees grey images, R = G = B = Y, of the content and of the
 * style whose luminance has the content's mean and variance; afterwards the output's luminance is
 * recombined with the content's chroma ({@link Yuv#withChroma}).
 */
public final class LuminanceTransfer {

	private LuminanceTransfer() {}

	/** The grey content and the grey, luminance-matched style a luminance-only run optimises against. */
	public record Inputs(RgbImage content, RgbImage style) {}

	/** Grey inputs for a luminance-only run. */
	public static Inputs prepare(RgbImage content, RgbImage style) {
		float[] yc = Yuv.luminance(content);
		float[] ys = matchMeanAndVariance(Yuv.luminance(style), yc);
		return new Inputs(Yuv.grey(yc, content.width(), content.height()), Yuv.grey(ys, style.width(), style.height()));
	}

	/** The run's output recombined with the content's chroma, clipped to [0,1]. */
	public static RgbImage finish(RgbImage output, RgbImage content) {
		return Yuv.withChroma(output, content, true);
	}

	/**
	 * {@code (σ_T/σ_S)(s − μ_S) + μ_T}: {@code source} with the mean and standard deviation of
	 * {@code target} (population statistics). A flat source becomes the target's mean.
	 */
	public static float[] matchMeanAndVariance(float[] source, float[] target) {
		double[] s = meanAndSd(source);
		double[] t = meanAndSd(target);
		double gain = s[1] > 0 ? t[1] / s[1] : 0;
		float[] out = new float[source.length];
		for (int i = 0; i < out.length; i++) out[i] = (float) (gain * (source[i] - s[0]) + t[0]);
		return out;
	}

	/** {mean, population standard deviation}, accumulated in double. */
	static double[] meanAndSd(float[] v) {
		double sum = 0;
		for (float x : v) sum += x;
		double mean = sum / v.length;
		double sq = 0;
		for (float x : v) sq += (x - mean) * (x - mean);
		return new double[] { mean, Math.sqrt(sq / v.length) };
	}
}
