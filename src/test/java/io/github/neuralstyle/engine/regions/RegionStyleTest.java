package io.github.neuralstyle.engine.regions;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;

import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.losses.Losses;
import io.github.neuralstyle.engine.network.FeatureNetwork;
import io.github.neuralstyle.engine.network.Pooling;
import io.github.neuralstyle.engine.network.VggArchitecture;
import io.github.neuralstyle.engine.optimizers.Adam;
import io.github.neuralstyle.engine.optimizers.Evaluation;
import io.github.neuralstyle.engine.platform.Devices;
import io.github.neuralstyle.testsupport.SyntheticVgg;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Two regions of a label image, each matched to its own style by guided Gram matrices. */
class RegionStyleTest {

	private static final List<String> LAYERS = List.of("relu1_1", "relu2_1");
	private static final int W = 24, H = 16;

	/** A textured style around a mean colour. */
	private static RgbImage texture(float r, float g, float b, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		int n = 20 * 20;
		float[] d = new float[3 * n];
		float[] mean = { r, g, b };
		for (int c = 0; c < 3; c++) {
			for (int i = 0; i < n; i++) d[c * n + i] = (float) (mean[c] + 0.1 * (random.nextDouble() - 0.5));
		}
		return new RgbImage(20, 20, d);
	}

	@Test
	void eachRegionTakesTheColoursOfItsOwnStyle() {
		RgbImage red = texture(0.8f, 0.2f, 0.2f, 1);
		RgbImage blue = texture(0.2f, 0.3f, 0.8f, 2);
		int[] labels = new int[W * H];
		for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) labels[y * W + x] = x < W / 2 ? 1 : 2;
		Map<Integer, float[]> masks = RegionLabels.masks(labels);
		try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu(), Devices.ENGINE);
			FeatureNetwork net = new FeatureNetwork(SyntheticVgg.vgg19(16, 4), Pooling.AVG, VggArchitecture.VGG19.index("relu2_1"), m);
			Adam adam = new Adam(m, 0.05, 0.9, 0.999, 1e-8))
		{
			RegionStyle left = RegionStyle.of(net, LAYERS, masks.get(1), W, H, red, null, GuidanceMaps.Mode.SIMPLE, m);
			RegionStyle right = RegionStyle.of(net, LAYERS, masks.get(2), W, H, blue, null, GuidanceMaps.Mode.SIMPLE, m);
			float[] grey = new float[3 * W * H];
			java.util.Arrays.fill(grey, 0.5f);
			NDArray x = net.toArray(new RgbImage(W, H, grey), m);
			for (int step = 0; step < 30; step++) {
				try (NDManager s = m.newSubManager()) {
					x.tempAttach(s);
					adam.step(x, image -> {
						NDArray leaf = image.duplicate();
						leaf.setRequiresGradient(true);
						NDArray value;
						try (GradientCollector c = Engine.getEngine(Devices.ENGINE).newGradientCollector()) {
							Map<String, NDArray> f = net.features(leaf, LAYERS);
							Losses.StyleTerm a = left.term(f, Map.of()), b = right.term(f, Map.of());
							c.backward(a.surrogate().add(b.surrogate()));
							value = a.value().add(b.value());
						}
						return new Evaluation(value, leaf.getGradient());
					}, s);
					x.intern(x.clip(0f, 1f));
				}
			}
			float[] out = x.toFloatArray();
			double[] l = meanColour(out, 0, W / 2 - 3), r = meanColour(out, W / 2 + 3, W);
			// Away from the border (a few pixels where both regions' neurons overlap), each side is nearer its own style's colour.
			assertTrue(distance(l, 0.8, 0.2, 0.2) < distance(l, 0.2, 0.3, 0.8) - 0.2, "left " + java.util.Arrays.toString(l));
			assertTrue(distance(r, 0.2, 0.3, 0.8) < distance(r, 0.8, 0.2, 0.2) - 0.2, "right " + java.util.Arrays.toString(r));
		}
	}

	private static double[] meanColour(float[] chw, int x0, int x1) {
		double[] m = new double[3];
		int count = 0;
		for (int y = 0; y < H; y++) {
			for (int x = x0; x < x1; x++) {
				for (int c = 0; c < 3; c++) m[c] += chw[(c * H + y) * W + x];
				count++;
			}
		}
		for (int c = 0; c < 3; c++) m[c] /= count;
		return m;
	}

	private static double distance(double[] m, double r, double g, double b) {
		return Math.sqrt(Math.pow(m[0] - r, 2) + Math.pow(m[1] - g, 2) + Math.pow(m[2] - b, 2));
	}
}
