package io.github.neuralstyle.engine.tiling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

import io.github.neuralstyle.engine.InitMode;
import io.github.neuralstyle.engine.Preset;
import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.losses.LossObjective;
import io.github.neuralstyle.engine.losses.StyleObjective;
import io.github.neuralstyle.engine.network.FeatureNetwork;
import io.github.neuralstyle.engine.network.InputConvention;
import io.github.neuralstyle.engine.network.Pooling;
import io.github.neuralstyle.engine.network.VggArchitecture;
import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.engine.optimizers.Evaluation;
import io.github.neuralstyle.engine.platform.Devices;
import io.github.neuralstyle.testsupport.SyntheticVgg;
import io.github.neuralstyle.testsupport.TestImages;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tiled against untiled loss and gradient, term by term, for every preset's layers, both
 * poolings and both architectures, at sizes that are no multiple of the core, with windows
 * smaller than the image (interior halos) and at least 3×3 tiles.
 */
class TiledObjectiveTest {

	/**
	 * Each distinct layer choice of the presets (GATYS uses JCJOHNSON's) with each architecture
	 * and each pooling, every pair of the three once (the deep layer choice costs the most).
	 */
	static Stream<Arguments> configurations() {
		return Stream.of(Arguments.of(Preset.JCJOHNSON, VggArchitecture.VGG19, Pooling.MAX),
			Arguments.of(Preset.JCJOHNSON, VggArchitecture.VGG16, Pooling.AVG),
			Arguments.of(Preset.PYTORCH_TUTORIAL, VggArchitecture.VGG19, Pooling.AVG),
			Arguments.of(Preset.PYTORCH_TUTORIAL, VggArchitecture.VGG16, Pooling.MAX));
	}

	/** Float32, as runs are: ≤ 1e-4 relative, content and style (+ TV) checked apart so neither hides the other. */
	@ParameterizedTest
	@MethodSource("configurations")
	void tiledEqualsUntiled(Preset preset, VggArchitecture arch, Pooling pooling) {
		compare(preset, arch, pooling, 16, DataType.FLOAT32, 1e-4, new double[][] { { 1, 0, 0 }, { 0, 1, 1 } });
	}

	/**
	 * Float64, where rounding cannot flip a max pooling's choice between two nearly equal inputs:
	 * tiled and untiled content gradients agree to 1e-9, so the tiling is exact. In float32 this
	 * configuration (2 channels in block 1) differed by 2% of the largest gradient entry: a window's convolutions round
	 * differently from the whole image's, and where two pooled inputs differ by less than that
	 * rounding the gradient goes to the other one.
	 */
	@Test
	void exactInDoublePrecision() {
		compare(Preset.JCJOHNSON, VggArchitecture.VGG16, Pooling.MAX, 32, DataType.FLOAT64, 1e-9, new double[][] { { 1, 0, 0 } });
	}

	/** Compares at each {α, β, γ} factor triple of {@code weightsPerTerm}. */
	private static void compare(Preset preset, VggArchitecture arch, Pooling pooling, int divisor, DataType type,
		double tolerance, double[][] weightsPerTerm)
	{
		StyleTransferSettings base = StyleTransferSettings.builder(preset).optPooling(pooling).optInit(InitMode.NOISE)
			.optSeed(4).build();
		int deepest = base.deepestLayerIndex(arch);
		TileGrid grid = grid(TileGeometry.of(arch, deepest));
		int width = grid.width(), height = grid.height();
		RgbImage content = TestImages.content(width, height);
		RgbImage style = TestImages.style(width - 5, height + 7);
		// Not the preset's start: jcjohnson's recipe start is a nearly flat image (docs/presets.md).
		RgbImage start = TestImages.noise(width, height, 4);
		try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu(), Devices.ENGINE);
			FeatureNetwork net = new FeatureNetwork(weights(arch, divisor), pooling, deepest, m, type))
		{
			for (double[] w : weightsPerTerm) {
				StyleTransferSettings s = base.toBuilder().optContentWeight(w[0]).optStyleWeight(w[1] * 1e3)
					.optTvWeight(w[2] * 0.1).build();
				try (NDManager each = m.newSubManager();
					LossObjective untiled = new StyleObjective(net, s, content, style, each);
					LossObjective tiled = new TiledObjective(net, s, content, style, grid, each))
				{
					NDArray x = net.toArray(start, each);
					Evaluation a = untiled.evaluate(x);
					Evaluation b = tiled.evaluate(x);
					String what = preset + " " + arch + " " + pooling + " " + type + " weights " + java.util.Arrays.toString(w)
						+ ", " + grid;
					assertClose(doubles(a.loss()), doubles(b.loss()), tolerance, "loss of " + what);
					assertClose(doubles(a.gradient()), doubles(b.gradient()), tolerance, "gradient of " + what);
				}
			}
		}
	}

	/**
	 * 3×3 tiles over an image whose sides are no multiple of the core, small enough that halos
	 * end inside the image on both sides of some windows: the case where a wrong halo or a
	 * padding inside the image would show.
	 */
	static TileGrid grid(TileGeometry g) {
		int core = g.halo() + g.stride();
		TileGrid grid = new TileGrid(2 * core + core / 2 + 3, 2 * core + core / 3 + 1, core, g);
		assertEquals(9, grid.tiles().size(), grid::toString);
		assertTrue(grid.tiles().stream().anyMatch(t -> t.wx0() > 0 && t.wx1() < grid.width()) 
			|| grid.tiles().stream().anyMatch(t -> t.wx0() > 0) && grid.tiles().stream().anyMatch(t -> t.wx1() < grid.width()),
			grid::toString);
		return grid;
	}

	private static double[] doubles(NDArray a) {
		return a.toType(DataType.FLOAT64, false).toDoubleArray();
	}

	/** Max |a − b| ≤ tolerance · max |a|, and a not all zero. */
	static void assertClose(double[] a, double[] b, double tolerance, String what) {
		double scale = 0, diff = 0;
		for (int i = 0; i < a.length; i++) {
			scale = Math.max(scale, Math.abs(a[i]));
			diff = Math.max(diff, Math.abs(a[i] - b[i]));
		}
		double s = scale, d = diff;
		assertTrue(s > 0, () -> what + ": all zero");
		assertTrue(d <= tolerance * s, () -> what + ": max |diff| " + d + " vs max " + s + " (relative " + d / s + ")");
	}

	static VggWeights weights(VggArchitecture arch, int divisor) {
		return SyntheticVgg.create(arch, InputConvention.TORCHVISION, divisor, 7, arch.convCount());
	}
}
