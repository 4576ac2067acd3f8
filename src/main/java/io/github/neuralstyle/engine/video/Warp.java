package io.github.neuralstyle.engine.video;

import io.github.neuralstyle.engine.RgbImage;

/** Backward warping: moving an earlier frame onto a later frame's grid along a flow. */
public final class Warp {

	private Warp() {}

	/**
	 * The image {@code out(p) = image(p + flow(p))}, bilinear. With {@code flow} the backward flow
	 * (from the current frame to the previous one) this moves the previous frame onto the current
	 * one. Where p + flow(p) leaves the frame the nearest edge sample is used, so the result is a
	 * complete starting image; {@link #inside} tells where it is real.
	 */
	public static RgbImage backward(RgbImage image, FlowField flow) {
		int w = image.width();
		int h = image.height();
		requireSameSize(w, h, flow);
		int n = w * h;
		float[] in = image.data();
		float[] out = new float[3 * n];
		float[] plane = new float[n];
		for (int c = 0; c < 3; c++) {
			System.arraycopy(in, c * n, plane, 0, n);
			System.arraycopy(Planes.warp(plane, flow), 0, out, c * n, n);
		}
		return new RgbImage(w, h, out);
	}

	/** 1 where p + flow(p) lies within the frame (edges included), else 0. */
	public static float[] inside(FlowField flow) {
		int w = flow.width();
		int h = flow.height();
		float[] out = new float[w * h];
		for (int y = 0, i = 0; y < h; y++) {
			for (int x = 0; x < w; x++, i++) {
				float tx = x + flow.u()[i];
				float ty = y + flow.v()[i];
				out[i] = tx >= 0 && tx <= w - 1 && ty >= 0 && ty <= h - 1 ? 1 : 0;
			}
		}
		return out;
	}

	/** Fails with a message naming both sizes unless {@code flow} is w × h. */
	static void requireSameSize(int w, int h, FlowField flow) {
		if (flow.width() != w || flow.height() != h) {
			throw new IllegalArgumentException("Flow is " + flow.width() + "×" + flow.height() + " but the image is " + w
				+ "×" + h + "; compute the flow on frames of the image's size");
		}
	}
}
