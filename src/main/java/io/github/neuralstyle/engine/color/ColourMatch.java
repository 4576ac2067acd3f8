package io.github.neuralstyle.engine.color;

import io.github.neuralstyle.engine.RgbImage;

/**
 * Colour histogram matching (Gatys et al. 2017, section 5.2): every style pixel x becomes
 * {@code x' = A(x − μ_S) + μ_C}, μ the mean colours and A chosen so that A·Σ_S·Aᵀ = Σ_C, Σ the
 * 3×3 colour covariances: the style image then has the content's colour mean and covariance.
 */
public final class ColourMatch {

	/**
	 * Added to the style's covariance diagonal before it is inverted: a grey or single-hue style
	 * has a singular covariance, whose empty directions hold no style deviation to scale.
	 */
	static final double RIDGE = 1e-6;

	/** The choice of A among the matrices with A·Σ_S·Aᵀ = Σ_C. */
	public enum Method {
		/**
		 * A = Σ_C^½·Σ_S^−½ with symmetric square roots (eigen-decomposition; the "PCA" variant).
		 * The default: unlike Cholesky it does not depend on the order of the colour channels
		 * (permuting R, G, B permutes A alike), so no channel is treated specially.
		 */
		SYMMETRIC,
		/** A = L_C·L_S⁻¹ with Cholesky factors Σ = L·Lᵀ; depends on the channel order (R first). */
		CHOLESKY
	}

	private ColourMatch() {}

	/** {@code style} recoloured with the default {@link Method#SYMMETRIC}, clipped to [0,1]. */
	public static RgbImage matchStyleToContent(RgbImage style, RgbImage content) {
		return matchStyleToContent(style, content, Method.SYMMETRIC, true);
	}

	/**
	 * {@code style} recoloured to the content's colour mean and covariance. Without
	 * {@code clamp} the statistics match exactly (samples may leave [0,1]); with it the result
	 * is clipped, as a run needs.
	 */
	public static RgbImage matchStyleToContent(RgbImage style, RgbImage content, Method method, boolean clamp) {
		int ns = style.width() * style.height();
		int nc = content.width() * content.height();
		double[] ms = Matrix3.mean(style.data(), ns);
		double[] mc = Matrix3.mean(content.data(), nc);
		double[][] cs = Matrix3.plusIdentity(Matrix3.covariance(style.data(), ns, ms), RIDGE);
		double[][] cc = Matrix3.covariance(content.data(), nc, mc);
		double[][] a = transform(cs, cc, method);
		float[] s = style.data();
		float[] out = new float[3 * ns];
		for (int i = 0; i < ns; i++) {
			double r = s[i] - ms[0], g = s[ns + i] - ms[1], b = s[2 * ns + i] - ms[2];
			for (int c = 0; c < 3; c++) {
				double v = a[c][0] * r + a[c][1] * g + a[c][2] * b + mc[c];
				out[c * ns + i] = (float) (clamp ? Math.min(1, Math.max(0, v)) : v);
			}
		}
		return new RgbImage(style.width(), style.height(), out);
	}

	/** A with A·Σ_S·Aᵀ = Σ_C. */
	static double[][] transform(double[][] styleCov, double[][] contentCov, Method method) {
		if (method == Method.CHOLESKY) {
			double[][] lc = Matrix3.cholesky(Matrix3.plusIdentity(contentCov, RIDGE * 1e-6));
			return Matrix3.multiply(lc, Matrix3.invertLower(Matrix3.cholesky(styleCov)));
		}
		return Matrix3.multiply(Matrix3.symmetricPower(contentCov, 0.5), Matrix3.symmetricPower(styleCov, -0.5));
	}
}
