package io.github.neuralstyle.engine;

import io.github.neuralstyle.engine.network.InputConvention;

import java.util.SplittableRandom;

/**
 * A recipe's random start, in the space the recipe drew it in. Network-space draws are mapped
 * to [0,1] pixels through the weights' input convention ({@code pixel = (v·std + mean) / scale}),
 * so jcjohnson's {@code randn × 0.001} in Caffe space is an almost flat image of the mean colour.
 * Results are clipped to [0,1], as every optimisation step is.
 *
 * @param kind what is drawn
 * @param a    lower bound (uniform) or mean (Gaussian)
 * @param b    upper bound (uniform) or standard deviation (Gaussian)
 */
public record NoiseStart(Kind kind, double a, double b) {

	/** What a start draws. */
	public enum Kind {
		/** U[a, b) per sample in [0,1] pixels (our {@link InitMode#NOISE} is U[0, 1)). */
		UNIFORM_PIXELS,
		/** U[a, b) per sample in the network's input space (Keras article: U[0, 255) − 128). */
		UNIFORM_NETWORK,
		/** N(a, b²) per sample in the network's input space (jcjohnson: 0.001 · randn). */
		GAUSSIAN_NETWORK,
		/** The content plus U[a, b) per sample in [0,1] pixels (Coursera: ±0.25). */
		CONTENT_PLUS_UNIFORM
	}

	/** The start image at the content's working size. */
	public RgbImage image(RgbImage content, long seed, InputConvention convention) {
		int w = content.width();
		int h = content.height();
		int n = w * h;
		float[] mean = convention.mean();
		float[] std = convention.std();
		SplittableRandom random = new SplittableRandom(seed);
		float[] out = new float[3 * n];
		for (int c = 0; c < 3; c++) {
			int k = convention.bgr() ? 2 - c : c; // the network's channel for our RGB channel c
			for (int i = 0; i < n; i++) {
				double v;
				switch (kind) {
					case UNIFORM_PIXELS:
						v = a + (b - a) * random.nextDouble();
						break;
					case UNIFORM_NETWORK:
						v = toPixel(a + (b - a) * random.nextDouble(), mean[k], std[k], convention.scale());
						break;
					case GAUSSIAN_NETWORK:
						v = toPixel(a + b * random.nextGaussian(), mean[k], std[k], convention.scale());
						break;
					default:
						v = content.data()[c * n + i] + a + (b - a) * random.nextDouble();
				}
				out[c * n + i] = (float) Math.min(1, Math.max(0, v));
			}
		}
		return new RgbImage(w, h, out);
	}

	private static double toPixel(double v, float mean, float std, float scale) {
		return (v * std + mean) / scale;
	}
}
