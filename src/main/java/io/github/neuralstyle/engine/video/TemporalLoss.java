package io.github.neuralstyle.engine.video;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.network.FeatureNetwork;
import io.github.neuralstyle.engine.optimizers.Evaluation;

/**
 * The temporal loss of Ruder et al. 2016: λ·mean(c ⊙ (x − ω)²) over the C·H·W samples, x the
 * image (1, 3, H, W) in [0,1], ω the previous result warped onto this frame, c the
 * {@link ConsistencyMask} (1, 1, H, W), λ the temporal weight. The target and the weights are
 * uploaded once per frame and freed by {@link #close}.
 */
public final class TemporalLoss implements AutoCloseable {

	private final NDManager manager;
	private final NDArray target;
	private final NDArray weights;
	private final NDArray gradientScale;

	/**
	 * Uploads ω and λ·c in {@code dataType} (the network's) into a sub-manager of {@code parent}.
	 *
	 * @param warpedPrevious ω, the previous result warped by the backward flow
	 * @param mask           c, one weight per pixel (row-major), usually 0 or 1
	 * @param weight         λ ≥ 0
	 */
	public TemporalLoss(RgbImage warpedPrevious, float[] mask, double weight, NDManager parent, DataType dataType) {
		int w = warpedPrevious.width();
		int h = warpedPrevious.height();
		if (mask.length != w * h) {
			throw new IllegalArgumentException("The mask has " + mask.length + " weights but the frame has " + w * h
				+ " pixels (" + w + "×" + h + "); compute the mask at the frame's size");
		}
		if (!(weight >= 0) || Double.isInfinite(weight)) {
			throw new IllegalArgumentException("Temporal weight must be a finite number ≥ 0, got " + weight);
		}
		float[] scaled = new float[mask.length];
		float[] grad = new float[mask.length];
		double n = 3.0 * w * h;
		for (int i = 0; i < mask.length; i++) {
			scaled[i] = (float) (weight * mask[i]);
			grad[i] = (float) (2 * weight * mask[i] / n);
		}
		this.manager = parent.newSubManager();
		Shape plane = new Shape(1, 1, h, w);
		this.target = FeatureNetwork.upload(manager, warpedPrevious.data(), new Shape(1, 3, h, w), dataType);
		this.weights = FeatureNetwork.upload(manager, scaled, plane, dataType);
		this.gradientScale = FeatureNetwork.upload(manager, grad, plane, dataType);
	}

	/**
	 * λ·mean(c ⊙ (x − ω)²) as a graph node of {@code x}, for an objective that adds it before its
	 * backward pass; every result belongs to x's manager.
	 */
	public NDArray loss(NDArray x) {
		return x.sub(target).square().mul(weights).mean();
	}

	/** The value and its gradient 2λ·c ⊙ (x − ω) / (C·H·W), without a graph, in x's manager. */
	public Evaluation evaluate(NDArray x) {
		NDArray d = x.sub(target);
		return new Evaluation(d.square().mul(weights).mean(), d.mul(gradientScale));
	}

	@Override
	public void close() {
		manager.close();
	}
}
