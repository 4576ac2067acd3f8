package io.github.neuralstyle.engine.color;

import io.github.neuralstyle.engine.ImageResize;
import io.github.neuralstyle.engine.RgbImage;

/**
 * BT.601 luminance and chroma: Y = 0.299 R + 0.587 G + 0.114 B, U = 0.492 (B − Y),
 * V = 0.877 (R − Y) (torch's {@code image.rgb2yuv}, which jcjohnson/neural-style uses, rounds
 * these to 5 digits).
 * <p>
 * Why one formula serves every colour mode: U and V (and YIQ's I and Q, which are a rotation of
 * them) are zero on greys, so replacing the luminance while keeping either pair of chroma
 * channels adds the same amount ΔY to R, G and B. "Keep the content's YUV chroma" (jcjohnson),
 * "keep its YIQ chroma" (Gatys et al. 2017) and {@code content + (Y_new − Y_content)·(1,1,1)}
 * are the same image.
 */
public final class Yuv {

	/** Luminance weights of R, G and B. */
	public static final double WR = 0.299, WG = 0.587, WB = 0.114;

	private Yuv() {}

	/** The luminance plane of {@code image}. */
	public static float[] luminance(RgbImage image) {
		float[] d = image.data();
		int n = image.width() * image.height();
		float[] y = new float[n];
		for (int i = 0; i < n; i++) y[i] = (float) (WR * d[i] + WG * d[n + i] + WB * d[2 * n + i]);
		return y;
	}

	/** A grey image with R = G = B = {@code luminance}: what the network sees in luminance-only transfer. */
	public static RgbImage grey(float[] luminance, int width, int height) {
		int n = width * height;
		if (luminance.length != n) {
			throw new IllegalArgumentException("luminance has " + luminance.length + " samples, a " + width + "×" + height
				+ " image needs " + n);
		}
		float[] d = new float[3 * n];
		for (int c = 0; c < 3; c++) System.arraycopy(luminance, 0, d, c * n, n);
		return new RgbImage(width, height, d);
	}

	/**
	 * The image with the luminance of {@code luminanceSource} and the chroma (U, V) of
	 * {@code chromaSource}, which is first resized to the other's size: every pixel is
	 * {@code chroma + (Y_lum − Y_chroma)·(1,1,1)}. With {@code clamp} the result is clipped to
	 * [0,1] (which can change the chroma of pixels that would leave the range).
	 */
	public static RgbImage withChroma(RgbImage luminanceSource, RgbImage chromaSource, boolean clamp) {
		int w = luminanceSource.width();
		int h = luminanceSource.height();
		RgbImage chroma = ImageResize.resize(chromaSource, w, h);
		float[] yl = luminance(luminanceSource);
		float[] yc = luminance(chroma);
		float[] c = chroma.data();
		int n = w * h;
		float[] out = new float[3 * n];
		for (int k = 0; k < 3; k++) {
			for (int i = 0; i < n; i++) {
				float v = c[k * n + i] + (yl[i] - yc[i]);
				out[k * n + i] = clamp ? Math.min(1f, Math.max(0f, v)) : v;
			}
		}
		return new RgbImage(w, h, out);
	}
}
