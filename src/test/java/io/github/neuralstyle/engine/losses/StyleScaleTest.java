package io.github.neuralstyle.engine.losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
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

import org.junit.jupiter.api.Test;

/** Style scale: the style's size, and the Gram targets taken from it. */
class StyleScaleTest {

	@Test
	void styleLongSideIsScaleTimesTheWorkingLongSide() {
		// jcjohnson: style_size = ceil(style_scale · image_size), applied to the long side.
		assertArrayEquals(new int[] { 256, 171 }, StyleScale.styleSize(300, 200, 512, 0.5)); // 200·256/300 = 170.7
		assertArrayEquals(new int[] { 130, 65 }, StyleScale.styleSize(40, 20, 100, 1.3)); // 1.3·100 is 130, not 131
		assertArrayEquals(new int[] { 34, 67 }, StyleScale.styleSize(50, 100, 66, 1.01)); // ⌈66.66⌉ = 67
		// Scale 1 is what a run does today: the style's long side fitted to the working long side.
		assertArrayEquals(ImageResize.fitLongSide(300, 200, 96), StyleScale.styleSize(300, 200, 96, 1));
		String m = assertThrows(IllegalArgumentException.class, () -> StyleScale.styleSize(10, 10, 64, 0)).getMessage();
		assertTrue(m.contains("style scale must be in (0, 8]"), m);
	}

	@Test
	void targetsComeFromTheRescaledStyle() {
		RgbImage stripes = TestImages.style(48, 32);
		float[] flat = new float[3 * 48 * 32];
		java.util.Arrays.fill(flat, 0.6f);
		RgbImage plain = new RgbImage(48, 32, flat);
		try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu(), Devices.ENGINE);
			FeatureNetwork net = new FeatureNetwork(SyntheticVgg.vgg19(16, 5), Pooling.AVG,
				VggArchitecture.VGG19.index("relu2_1"), m))
		{
			float[] at1 = gram(net, StyleScale.resize(stripes, 40, 30, 1), m);
			float[] at2 = gram(net, StyleScale.resize(stripes, 40, 30, 2), m);
			// Independently: scale 2 of a 40-px working size is an 80 × 53 style.
			float[] direct = gram(net, ImageResize.resize(stripes, 80, 53), m);
			assertArrayEquals(direct, at2, 0f);
			// A flat style has the same statistics at every size: its normalised target moves only through the
			// share of border pixels (zero padding); a textured style's moves far more, as its strokes change size.
			float[] plain1 = gram(net, StyleScale.resize(plain, 40, 30, 1), m);
			float[] plain2 = gram(net, StyleScale.resize(plain, 40, 30, 2), m);
			double textured = maxDiff(at1, at2) / max(at1);
			double flatMove = maxDiff(plain1, plain2) / max(plain1);
			assertTrue(textured > 5 * flatMove, "textured moved " + textured + ", flat " + flatMove);
		}
	}

	private static float[] gram(FeatureNetwork net, RgbImage image, NDManager m) {
		NDArray f = net.features(net.toArray(image, m), List.of("relu2_1")).get("relu2_1");
		return GramMatrix.of(f).toFloatArray();
	}

	private static double maxDiff(float[] a, float[] b) {
		double d = 0;
		for (int i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
		return d;
	}

	private static double max(float[] a) {
		double d = 0;
		for (float v : a) d = Math.max(d, Math.abs(v));
		return d;
	}
}
