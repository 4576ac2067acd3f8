package io.github.neuralstyle.engine.losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;

import io.github.neuralstyle.engine.ImageResize;
import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.network.FeatureNetwork;
import io.github.neuralstyle.engine.network.Pooling;
import io.github.neuralstyle.engine.network.VggArchitecture;
import io.github.neuralstyle.engine.platform.Devices;
import io.github.neuralstyle.testsupport.SyntheticVgg;
import io.github.neuralstyle.testsupport.TestImages;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Blended, scaled targets against the single-style targets a run takes today. */
class StyleTargetsTest {

	private static final List<String> LAYERS = List.of("relu1_1", "relu2_1");

	private NDManager manager;
	private FeatureNetwork net;

	@BeforeEach
	void open() {
		manager = NDManager.newBaseManager(ai.djl.Device.cpu(), Devices.ENGINE);
		net = new FeatureNetwork(SyntheticVgg.vgg19(16, 9), Pooling.MAX, VggArchitecture.VGG19.index("relu2_1"), manager);
	}

	@AfterEach
	void close() {
		net.close();
		manager.close();
	}

	/** As StyleObjective does: the style fitted to the working long side, then each layer's Gram matrix. */
	private float[] today(RgbImage style, int w, int h, String layer) {
		int[] s = ImageResize.fitLongSide(style.width(), style.height(), Math.max(w, h));
		RgbImage r = ImageResize.resize(style, s[0], s[1]);
		return GramMatrix.of(net.features(net.toArray(r, manager), LAYERS).get(layer)).toFloatArray();
	}

	@Test
	void twoStylesWeightedOneAndZeroEqualTheSingleStyleExactly() {
		RgbImage a = TestImages.style(30, 20), b = TestImages.content(25, 25);
		Map<String, ai.djl.ndarray.NDArray> t = StyleTargets.of(net, LAYERS, List.of(a, b), new double[] { 1, 0 }, 1, 32, 24, manager);
		for (String layer : LAYERS) assertArrayEquals(today(a, 32, 24, layer), t.get(layer).toFloatArray(), 0f, layer);
	}

	@Test
	void blendIsTheWeightedMeanOfTheSingleTargets() {
		RgbImage a = TestImages.style(30, 20), b = TestImages.content(25, 25);
		Map<String, ai.djl.ndarray.NDArray> t = StyleTargets.of(net, LAYERS, List.of(a, b), new double[] { 3, 7 }, 1, 32, 24, manager);
		for (String layer : LAYERS) {
			float[] ga = today(a, 32, 24, layer), gb = today(b, 32, 24, layer), got = t.get(layer).toFloatArray();
			for (int i = 0; i < got.length; i++) {
				double want = 0.3 * ga[i] + 0.7 * gb[i];
				assertTrue(Math.abs(want - got[i]) <= 1e-5 * Math.max(1, Math.abs(want)), layer + " at " + i);
			}
		}
	}

	@Test
	void scaledTargetsComeFromTheResizedStyleAndMismatchesAreRefused() {
		RgbImage a = TestImages.style(30, 20);
		Map<String, ai.djl.ndarray.NDArray> t = StyleTargets.of(net, LAYERS, List.of(a), new double[] { 1 }, 0.5, 32, 24, manager);
		// ⌈0.5 · 32⌉ = 16: the style becomes 16 × 11 (20·16/30 = 10.7).
		float[] want = GramMatrix.of(net.features(net.toArray(ImageResize.resize(a, 16, 11), manager), LAYERS).get("relu2_1"))
			.toFloatArray();
		assertArrayEquals(want, t.get("relu2_1").toFloatArray(), 0f);
		String m = assertThrows(IllegalArgumentException.class,
			() -> StyleTargets.of(net, LAYERS, List.of(a, a), new double[] { 1 }, 1, 32, 24, manager)).getMessage();
		assertTrue(m.contains("one weight per style"), m);
	}
}
