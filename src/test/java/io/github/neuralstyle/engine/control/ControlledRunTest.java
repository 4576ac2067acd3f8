package io.github.neuralstyle.engine.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.neuralstyle.engine.DefaultStyleTransfer;
import io.github.neuralstyle.engine.InitMode;
import io.github.neuralstyle.engine.Preset;
import io.github.neuralstyle.engine.ProgressListener;
import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.StyleControls;
import io.github.neuralstyle.engine.StyleTransferResult;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.color.ColourMatch;
import io.github.neuralstyle.engine.color.ColourMode;
import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.engine.optimizers.OptimizerKind;
import io.github.neuralstyle.engine.platform.DeviceChoice;
import io.github.neuralstyle.engine.tiling.TilingOptions;
import io.github.neuralstyle.testsupport.SyntheticVgg;
import io.github.neuralstyle.testsupport.TestImages;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Whole runs with controls on a small network of the VGG19 shape family. */
class ControlledRunTest {

	private static final VggWeights WEIGHTS = SyntheticVgg.vgg19(16, 42);
	private static final RgbImage CONTENT = TestImages.content(40, 30);
	private static final RgbImage STYLE = TestImages.style(32, 32);

	private static StyleTransferSettings.Builder small() {
		return StyleTransferSettings.builder().optSize(40).optScales(1).optSteps(8).optOptimizer(OptimizerKind.LBFGS)
			.optContentLayers(Map.of("relu2_1", 1.0)).optStyleLayers(StyleTransferSettings.parseLayers("style", "relu1_1,relu2_1"))
			.optContentWeight(1).optStyleWeight(1e4).optTvWeight(0).optInit(InitMode.CONTENT).optDevice(DeviceChoice.CPU);
	}

	private static StyleTransferResult run(StyleTransferSettings s, RgbImage content, RgbImage style) {
		return new DefaultStyleTransfer().run(content, style, WEIGHTS, s, ProgressListener.NONE, () -> false);
	}

	/** {Y, U, V} of pixel i, BT.601, written out here (not the code under test). */
	private static double[] yuv(RgbImage im, int i) {
		int n = im.width() * im.height();
		double r = im.data()[i], g = im.data()[n + i], b = im.data()[2 * n + i];
		double y = 0.299 * r + 0.587 * g + 0.114 * b;
		return new double[] { y, 0.492 * (b - y), 0.877 * (r - y) };
	}

	@ParameterizedTest
	@EnumSource(value = ColourMode.class, names = { "LUMINANCE", "YUV" })
	void keptColoursHaveTheContentsChromaAndAStyledLuminance(ColourMode mode) {
		StyleTransferResult r = run(small().optControls(c -> c.colourMode(mode)).build(), CONTENT, STYLE);
		RgbImage out = r.image();
		int n = out.width() * out.height(), checked = 0;
		double moved = 0;
		for (int i = 0; i < n; i++) {
			double[] o = yuv(out, i), c = yuv(CONTENT, i);
			moved += Math.abs(o[0] - c[0]);
			// Pixels where content + ΔY left [0,1] were clipped, which changes their chroma: skip those.
			boolean clipped = false;
			for (int k = 0; k < 3; k++) {
				double v = CONTENT.data()[k * n + i] + (o[0] - c[0]);
				clipped |= v <= 1e-6 || v >= 1 - 1e-6;
			}
			if (clipped) continue;
			checked++;
			assertEquals(c[1], o[1], 1 / 255.0, "U at pixel " + i);
			assertEquals(c[2], o[2], 1 / 255.0, "V at pixel " + i);
		}
		assertTrue(checked > n / 2, "only " + checked + " of " + n + " pixels unclipped");
		assertTrue(moved / n > 0.01, "luminance barely changed: mean |ΔY| " + moved / n);
	}

	@Test
	void histogramModeRunsAgainstTheStyleMatchedToTheContent() {
		RgbImage matched = ColourMatch.matchStyleToContent(STYLE, CONTENT, ColourMatch.Method.SYMMETRIC, true);
		StyleTransferResult viaMode = run(small().optControls(c -> c.colourMode(ColourMode.HISTOGRAM)).build(), CONTENT, STYLE);
		StyleTransferResult byHand = run(small().build(), CONTENT, matched);
		assertArrayEquals(byHand.image().data(), viaMode.image().data());
		StyleTransferResult plain = run(small().build(), CONTENT, STYLE);
		assertTrue(!java.util.Arrays.equals(plain.image().data(), viaMode.image().data()), "histogram mode changed nothing");
	}

	@Test
	void twoStylesWeightedOneAndZeroEqualTheSingleStyleRunExactly() {
		RgbImage other = TestImages.content(30, 30);
		StyleTransferResult single = run(small().build(), CONTENT, STYLE);
		StyleTransferResult blended = run(small().optControls(c -> c.extraStyles(List.of(other)).blendWeights(1, 0)).build(),
			CONTENT, STYLE);
		assertArrayEquals(single.image().data(), blended.image().data());
		StyleTransferResult mixed = run(small().optControls(c -> c.extraStyles(List.of(other)).blendWeights(1, 1)).build(),
			CONTENT, STYLE);
		assertTrue(!java.util.Arrays.equals(single.image().data(), mixed.image().data()), "the second style changed nothing");
	}

	@Test
	void toleranceStopsAScaleOnceTheLossSettles() {
		StyleTransferSettings s = small().optSteps(40).optOptimizer(OptimizerKind.ADAM).optLearningRate(1e-4)
			.optControls(c -> c.tolerance(0.5)).build();
		StyleTransferResult r = run(s, CONTENT, STYLE);
		// The first step gives the first loss, then PATIENCE steps in a row below the tolerance.
		assertEquals(1 + StyleControls.TOLERANCE_PATIENCE, r.steps());
		assertEquals(r.steps(), r.scales().get(0).steps());
		assertEquals(40, run(small().optSteps(40).optOptimizer(OptimizerKind.ADAM).optLearningRate(1e-4).build(), CONTENT, STYLE).steps());
	}

	@Test
	void recipeStartsAreRead() {
		// jcjohnson: 0.001 · randn in Caffe space, an almost flat image of the Caffe mean colour.
		StyleTransferSettings jj = StyleTransferSettings.builder(Preset.JCJOHNSON).build();
		RgbImage start = DefaultStyleTransfer.initialImage(jj, CONTENT, STYLE);
		double[] mean = { 123.68 / 255, 116.779 / 255, 103.939 / 255 };
		int n = start.width() * start.height();
		for (int k = 0; k < 3; k++) for (int i = 0; i < n; i++) assertEquals(mean[k], start.data()[k * n + i], 1e-4);
		// Coursera: the content plus U[−0.25, 0.25).
		RgbImage c = DefaultStyleTransfer.initialImage(StyleTransferSettings.builder(Preset.COURSERA).build(), CONTENT, STYLE);
		double maxDiff = 0;
		for (int i = 0; i < c.data().length; i++) maxDiff = Math.max(maxDiff, Math.abs(c.data()[i] - CONTENT.data()[i]));
		assertTrue(maxDiff > 0.2 && maxDiff <= 0.25, "largest change " + maxDiff);
		// gatys keeps uniform noise in [0,1) for init=noise.
		RgbImage g = DefaultStyleTransfer.initialImage(small().optInit(InitMode.NOISE).build(), CONTENT, STYLE);
		double lo = 1, hi = 0;
		for (float v : g.data()) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
		assertTrue(lo < 0.01 && hi > 0.99, lo + " … " + hi);
	}

	@Test
	void tiledRunsRefuseControlsTheyCannotComputeButKeepColours() {
		StyleTransferSettings blend = small().optControls(c -> c.extraStyles(List.of(CONTENT))).build();
		DefaultStyleTransfer tiled = new DefaultStyleTransfer(new TilingOptions(16, TilingOptions.AUTO));
		String m = assertThrows(IllegalArgumentException.class,
			() -> tiled.run(CONTENT, STYLE, WEIGHTS, blend, ProgressListener.NONE, () -> false)).getMessage();
		assertTrue(m.contains("not supported tiled") && m.contains("lower the size"), m);
		StyleTransferResult r = tiled.run(CONTENT, STYLE, WEIGHTS, small().optSteps(1).optControls(c -> c.colourMode(ColourMode.YUV))
			.build(), ProgressListener.NONE, () -> false);
		assertTrue(r.tiling().tiled());
	}

	@Test
	void badControlsAreRefusedWithTheFix() {
		assertTrue(message(() -> small().optControls(c -> c.blendWeights(3, 7))).contains("2 weights for 1 styles"));
		assertTrue(message(() -> small().optControls(c -> c.styleScale(9))).contains("style scale must be in (0, 8]"));
		assertTrue(message(() -> small().optControls(c -> c.tolerance(-1))).contains("tolerance must be in [0, 1)"));
		StyleTransferSettings wrongSize = small().optControls(c -> c.regions(io.github.neuralstyle.engine.regions.StyleRegions.of(
			2, 1, new int[] { 0, 1 }, Map.of(0, -1, 1, 0)))).build();
		String m = assertThrows(IllegalArgumentException.class, () -> run(wrongSize, CONTENT, STYLE)).getMessage();
		assertTrue(m.contains("region labels are 2×1 but the content is 40×30"), m);
	}

	private static String message(org.junit.jupiter.api.function.Executable e) {
		return assertThrows(IllegalArgumentException.class, e).getMessage();
	}
}
