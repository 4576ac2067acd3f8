package io.github.neuralstyle.engine.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import io.github.neuralstyle.engine.ImageResize;
import io.github.neuralstyle.engine.Preset;
import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.network.FeatureNetwork;
import io.github.neuralstyle.engine.network.InputConvention;
import io.github.neuralstyle.engine.network.Pooling;
import io.github.neuralstyle.engine.network.VggArchitecture;
import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.engine.platform.Devices;
import io.github.neuralstyle.testsupport.SyntheticVgg;
import io.github.neuralstyle.testsupport.TestImages;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The controlled objective's terms against the formulas written out here in plain Java on the
 * network's features: blended and scaled Gram targets, and each sum-based preset at a size that
 * is not 512 (its document's formula, with the document's weights).
 */
class ControlledObjectiveTest {

	private static final List<String> LAYERS = List.of("relu1_1", "relu2_1");

	private NDManager manager;

	@BeforeEach
	void open() {
		manager = NDManager.newBaseManager(ai.djl.Device.cpu(), Devices.ENGINE);
	}

	@AfterEach
	void close() {
		manager.close();
	}

	private static StyleTransferSettings.Builder styleOnly() {
		return StyleTransferSettings.builder().optContentLayers(Map.of()).optStyleLayers(Map.of("relu1_1", 1.0, "relu2_1", 2.0))
			.optContentWeight(0).optStyleWeight(1).optTvWeight(0);
	}

	/** {style, content, tv} terms of the objective at {@code x}. */
	private double[] terms(FeatureNetwork net, StyleTransferSettings s, RgbImage c, List<RgbImage> styles, RgbImage x) {
		try (ControlledObjective o = new ControlledObjective(net, s, c, styles, manager); NDManager step = manager.newSubManager()) {
			o.beginStep();
			o.evaluate(net.toArray(x, step));
			NDArray[] t = o.stepTerms();
			return new double[] { value(t[1]), value(t[0]), value(t[2]) };
		}
	}

	private static double value(NDArray a) {
		return a == null ? Double.NaN : a.toFloatArray()[0];
	}

	/** Normalised Gram matrix F·Fᵀ / (C·M) of one layer, in double. */
	private static double[][] gram(FeatureNetwork net, RgbImage image, String layer, NDManager m) {
		NDArray f = net.features(net.toArray(image, m), List.of(layer)).get(layer);
		int c = (int) f.getShape().get(1);
		int n = (int) (f.getShape().size() / c);
		float[] v = f.toFloatArray();
		double[][] g = new double[c][c];
		for (int a = 0; a < c; a++) {
			for (int b = 0; b < c; b++) {
				double s = 0;
				for (int k = 0; k < n; k++) s += (double) v[a * n + k] * v[b * n + k];
				g[a][b] = s / ((double) c * n);
			}
		}
		return g;
	}

	private static double meanSquaredDiff(double[][] g, double[][] t) {
		double s = 0;
		for (int a = 0; a < g.length; a++) for (int b = 0; b < g.length; b++) s += Math.pow(g[a][b] - t[a][b], 2);
		return s / ((double) g.length * g.length);
	}

	private static double[][] mix(double wa, double[][] a, double wb, double[][] b) {
		double[][] out = new double[a.length][a.length];
		for (int i = 0; i < a.length; i++) for (int j = 0; j < a.length; j++) out[i][j] = wa * a[i][j] + wb * b[i][j];
		return out;
	}

	@Test
	void blendedTargetIsTheWeightedSumOfGramsAndScaleResizesTheStyle() {
		try (FeatureNetwork net = new FeatureNetwork(SyntheticVgg.vgg19(16, 5), Pooling.MAX, VggArchitecture.VGG19.index("relu2_1"), manager)) {
			RgbImage c = TestImages.content(32, 24), x = noise(32, 24);
			RgbImage a = TestImages.style(30, 20), b = TestImages.content(25, 25);
			StyleTransferSettings blend = styleOnly().optControls(k -> k.extraStyles(List.of(b)).blendWeights(3, 7)).build();
			// Styles fitted to the working long side 32 (as the run does at style scale 1): a 32 × 21, b 32 × 32.
			RgbImage a32 = ImageResize.resize(a, 32, 21), b32 = ImageResize.resize(b, 32, 32);
			double want = 0;
			for (String l : LAYERS) {
				double w = l.equals("relu1_1") ? 1 : 2;
				want += w * meanSquaredDiff(gram(net, x, l, manager), mix(0.3, gram(net, a32, l, manager), 0.7, gram(net, b32, l, manager)));
			}
			assertEquals(want, terms(net, blend, c, List.of(a, b), x)[0], 1e-4 * want);
			// Style scale 0.5: the style's long side becomes ⌈0.5 · 32⌉ = 16, a is 16 × 11.
			StyleTransferSettings half = styleOnly().optControls(k -> k.styleScale(0.5)).build();
			RgbImage a16 = ImageResize.resize(a, 16, 11);
			double wantHalf = 0;
			for (String l : LAYERS) {
				double w = l.equals("relu1_1") ? 1 : 2;
				wantHalf += w * meanSquaredDiff(gram(net, x, l, manager), gram(net, a16, l, manager));
			}
			assertEquals(wantHalf, terms(net, half, c, List.of(a), x)[0], 1e-4 * wantHalf);
			// And the scale matters: at scale 1 the term differs by over 1 %.
			double full = terms(net, styleOnly().build(), c, List.of(a), x)[0];
			assertEquals(true, Math.abs(full - wantHalf) > 0.01 * wantHalf, full + " vs " + wantHalf);
		}
	}

	@Test
	void sumBasedPresetsMatchTheirDocumentsAtASizeThatIsNot512() {
		// VGG16 at full width up to relu2_2 (four convolutions): the Keras article's content layer block2_conv2.
		VggWeights vgg16 = SyntheticVgg.create(VggArchitecture.VGG16, InputConvention.CAFFE, 1, 8, 4);
		try (FeatureNetwork net = new FeatureNetwork(vgg16, Pooling.MAX, VggArchitecture.VGG16.index("relu2_2"), manager)) {
			RgbImage c = TestImages.content(40, 28), x = noise(40, 28);
			StyleTransferSettings keras = StyleTransferSettings.builder(Preset.KERAS_VGG16).optStyleWeight(0).optSize(40).build();
			double[] t = terms(net, keras, c, List.of(TestImages.style(20, 20)), x);
			// 004:1022–1030: 0.025 · Σ(combination − content)² on block2_conv2.
			float[] fx = net.features(net.toArray(x, manager), List.of("relu2_2")).get("relu2_2").toFloatArray();
			float[] fc = net.features(net.toArray(c, manager), List.of("relu2_2")).get("relu2_2").toFloatArray();
			double sum = 0;
			for (int i = 0; i < fx.length; i++) sum += Math.pow(fx[i] - fc[i], 2);
			assertEquals(0.025 * sum, keras.contentWeight() * t[1], 1e-4 * 0.025 * sum);
			// 004:1103–1108: 1.0 · Σ over the corner of ((Δy)² + (Δx)²)^1.25 of the 0–255 image.
			double article = tvSum(x, 255, 1.25);
			assertEquals(article, keras.tvWeight() * t[2], 1e-4 * article);
			// jcjohnson: strength 1e-3 on ½·Σ((Δx)² + (Δy)²) of the 0–255 image, at 40 × 28 too.
			StyleTransferSettings jj = StyleTransferSettings.builder(Preset.JCJOHNSON).optContentLayers(Map.of("relu2_2", 1.0))
				.optStyleWeight(0).build();
			double lua = 1e-3 * 0.5 * tvSum(x, 255, 1);
			assertEquals(lua, jj.tvWeight() * terms(net, jj, c, List.of(c), x)[2], 1e-4 * lua);
		}
	}

	/** Σ over channels and the (H−1)×(W−1) corner of ((Δx)² + (Δy)²)^p of the image scaled by {@code k}. */
	private static double tvSum(RgbImage x, double k, double p) {
		int w = x.width(), h = x.height();
		double sum = 0;
		for (int ch = 0; ch < 3; ch++) {
			for (int i = 0; i < h - 1; i++) {
				for (int j = 0; j < w - 1; j++) {
					double v = x.get(ch, j, i);
					double dx = k * (x.get(ch, j + 1, i) - v), dy = k * (x.get(ch, j, i + 1) - v);
					sum += Math.pow(dx * dx + dy * dy, p);
				}
			}
		}
		return sum;
	}

	private static RgbImage noise(int w, int h) {
		java.util.SplittableRandom r = new java.util.SplittableRandom(4);
		float[] d = new float[3 * w * h];
		for (int i = 0; i < d.length; i++) d[i] = (float) r.nextDouble();
		return new RgbImage(w, h, d);
	}
}
