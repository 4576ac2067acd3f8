package io.github.neuralstyle.engine.control;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.neuralstyle.engine.DefaultStyleTransfer;
import io.github.neuralstyle.engine.InitMode;
import io.github.neuralstyle.engine.ProgressListener;
import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.engine.optimizers.OptimizerKind;
import io.github.neuralstyle.engine.platform.DeviceChoice;
import io.github.neuralstyle.engine.regions.RegionAssignment;
import io.github.neuralstyle.engine.regions.StyleRegions;
import io.github.neuralstyle.testsupport.SyntheticVgg;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Two regions, two styles: each region takes its own style's colours, and "none" keeps the content. */
class RegionRunTest {

	private static final VggWeights WEIGHTS = SyntheticVgg.vgg19(4, 42);
	private static final int W = 40, H = 32;

	/** A striped texture around {@code rgb}. */
	private static RgbImage texture(double[] rgb, int size, double freq) {
		float[] d = new float[3 * size * size];
		int n = size * size;
		for (int y = 0; y < size; y++) {
			for (int x = 0; x < size; x++) {
				double s = 0.12 * Math.sin((x + 2 * y) * freq);
				for (int c = 0; c < 3; c++) d[c * n + y * size + x] = (float) (rgb[c] + s);
			}
		}
		return new RgbImage(size, size, d);
	}

	/** Mean colour of the pixels whose label is {@code label}. */
	private static double[] mean(RgbImage im, int[] labels, int label) {
		int n = im.width() * im.height(), count = 0;
		double[] m = new double[3];
		for (int i = 0; i < n; i++) {
			if (labels[i] != label) continue;
			count++;
			for (int c = 0; c < 3; c++) m[c] += im.data()[c * n + i];
		}
		for (int c = 0; c < 3; c++) m[c] /= count;
		return m;
	}

	private static double distance(double[] a, double[] b) {
		return Math.sqrt(Math.pow(a[0] - b[0], 2) + Math.pow(a[1] - b[1], 2) + Math.pow(a[2] - b[2], 2));
	}

	@Test
	void eachRegionTakesItsOwnStylesColoursAndNoneKeepsTheContent() {
		double[] red = { 0.8, 0.2, 0.2 }, blue = { 0.2, 0.3, 0.8 }, grey = { 0.5, 0.5, 0.5 };
		RgbImage styleRed = texture(red, 32, 0.9), styleBlue = texture(blue, 32, 0.5);
		RgbImage content = flatGrey(W, H);
		// Left third label 1, middle third label 2, right third 0 (background, kept).
		int[] labels = new int[W * H];
		for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) labels[y * W + x] = x < 14 ? 1 : x < 27 ? 2 : 0;
		StyleRegions regions = StyleRegions.of(W, H, labels, Map.of(1, 0, 2, 1, 0, RegionAssignment.NONE));
		StyleTransferSettings s = StyleTransferSettings.builder().optSize(W).optScales(1).optSteps(25)
			.optOptimizer(OptimizerKind.LBFGS).optContentLayers(Map.of("relu2_1", 1.0))
			.optStyleLayers(StyleTransferSettings.parseLayers("style", "relu1_1,relu2_1")).optContentWeight(1e-3)
			.optStyleWeight(1e4).optTvWeight(0).optInit(InitMode.CONTENT).optDevice(DeviceChoice.CPU)
			.optControls(c -> c.extraStyles(List.of(styleBlue)).regions(regions)).build();
		RgbImage out = new DefaultStyleTransfer().run(content, styleRed, WEIGHTS, s, ProgressListener.NONE, () -> false).image();
		double[] left = mean(out, labels, 1), middle = mean(out, labels, 2), right = mean(out, labels, 0);
		String got = "left " + java.util.Arrays.toString(left) + " middle " + java.util.Arrays.toString(middle) + " right "
			+ java.util.Arrays.toString(right);
		assertTrue(distance(left, red) < distance(left, blue) / 2, got);
		assertTrue(distance(middle, blue) < distance(middle, red) / 2, got);
		assertTrue(left[0] > left[2] + 0.2 && middle[2] > middle[0] + 0.2, got);
		// The background has no style term, only a weak content term: it stays nearer grey than either style.
		assertTrue(distance(right, grey) < Math.min(distance(right, red), distance(right, blue)), got);
	}

	private static RgbImage flatGrey(int w, int h) {
		float[] d = new float[3 * w * h];
		java.util.SplittableRandom r = new java.util.SplittableRandom(1);
		for (int i = 0; i < d.length; i++) d[i] = (float) (0.5 + 0.02 * r.nextGaussian());
		return new RgbImage(w, h, d);
	}
}
