package io.github.neuralstyle.engine.network;

/**
 * How a weights family expects its input; applied inside the network so that the optimised
 * variable is always the RGB image in [0,1].
 */
public enum InputConvention {

	/** torchvision: RGB, {@code (x - mean) / std} with mean (0.485, 0.456, 0.406), std (0.229, 0.224, 0.225). */
	TORCHVISION(new float[] { 0.485f, 0.456f, 0.406f }, new float[] { 0.229f, 0.224f, 0.225f }, false, 1f),

	/** Caffe (Oxford VGG, Keras): RGB → BGR, {@code 255 x - mean} with mean (103.939, 116.779, 123.68) in BGR order. */
	CAFFE(new float[] { 103.939f, 116.779f, 123.68f }, new float[] { 1f, 1f, 1f }, true, 255f);

	private final float[] mean;
	private final float[] std;
	private final boolean bgr;
	private final float scale;

	InputConvention(float[] mean, float[] std, boolean bgr, float scale) {
		this.mean = mean;
		this.std = std;
		this.bgr = bgr;
		this.scale = scale;
	}

	/** Per-channel mean in the network's channel order and pixel scale. */
	public float[] mean() {
		return mean.clone();
	}

	/** Per-channel standard deviation in the network's channel order and pixel scale. */
	public float[] std() {
		return std.clone();
	}

	/** Whether the network expects BGR channel order. */
	public boolean bgr() {
		return bgr;
	}

	/** The factor from [0,1] pixels to the network's pixel scale (1 or 255). */
	public float scale() {
		return scale;
	}
}
