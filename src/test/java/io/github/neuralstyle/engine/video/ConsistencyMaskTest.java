package io.github.neuralstyle.engine.video;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The forward–backward check, the motion-boundary test and out-of-frame pixels on hand-made flows. */
class ConsistencyMaskTest {

	private static final int W = 20;
	private static final int H = 6;

	@Test
	void consistentFlowsKeepEverythingInFrame() {
		float[] m = ConsistencyMask.of(FlowField.constant(W, H, 3, 0), FlowField.constant(W, H, -3, 0));
		for (int y = 0; y < H; y++) {
			for (int x = 0; x < W; x++) assertEquals(x >= 3 ? 1 : 0, m[y * W + x], "x=" + x);
		}
	}

	@Test
	void disagreeingFlowsAreOccluded() {
		// Backward everywhere (−3, 0); forward (3, 0) only from column 10 on, so only pixels whose
		// source x − 3 ≥ 10 see the flows cancel.
		float[] fu = new float[W * H];
		for (int i = 0; i < fu.length; i++) fu[i] = i % W >= 10 ? 3 : 0;
		float[] m = ConsistencyMask.of(new FlowField(W, H, fu, new float[W * H]), FlowField.constant(W, H, -3, 0));
		for (int x = 0; x < W; x++) assertEquals(x >= 13 ? 1 : 0, m[2 * W + x], "x=" + x);
	}

	@Test
	void occlusionThresholdIsRuders() {
		// |w̃ + ŵ|² against 0.01·(|w̃|² + |ŵ|²) + 0.5 with ŵ = (−3, 0):
		// w = 2.4: 0.36 ≤ 0.6476 kept; w = 2.1: 0.81 > 0.6341 occluded.
		FlowField backward = FlowField.constant(W, H, -3, 0);
		assertEquals(1, ConsistencyMask.of(FlowField.constant(W, H, 2.4f, 0), backward)[2 * W + 10]);
		assertEquals(0, ConsistencyMask.of(FlowField.constant(W, H, 2.1f, 0), backward)[2 * W + 10]);
	}

	@Test
	void motionBoundaryOfTheBackwardFlowIsZeroed() {
		// Backward u steps 0 → 0.2 between columns 7 and 8: central differences of 0.1 there give
		// |∇u|² = 0.01 > 0.01·|ŵ|² + 0.002 at columns 7 and 8 only; the last column leaves the frame.
		float[] bu = new float[W * H];
		for (int i = 0; i < bu.length; i++) bu[i] = i % W >= 8 ? 0.2f : 0;
		float[] m = ConsistencyMask.of(FlowField.constant(W, H, 0, 0), new FlowField(W, H, bu, new float[W * H]));
		for (int x = 0; x < W; x++) assertEquals(x == 7 || x == 8 || x == W - 1 ? 0 : 1, m[3 * W + x], "x=" + x);
	}

	@Test
	void smoothMotionIsNoBoundary() {
		// A gentle shear: |∇u|² = 0.0001 < 0.002 everywhere; flows consistent.
		float[] bu = new float[W * H];
		float[] fu = new float[W * H];
		for (int y = 0; y < H; y++) {
			for (int x = 0; x < W; x++) {
				bu[y * W + x] = 0.01f * y;
				fu[y * W + x] = -0.01f * y;
			}
		}
		float[] m = ConsistencyMask.of(new FlowField(W, H, fu, new float[W * H]), new FlowField(W, H, bu, new float[W * H]));
		for (int x = 0; x < W - 1; x++) assertEquals(1, m[2 * W + x], "x=" + x);
	}
}
