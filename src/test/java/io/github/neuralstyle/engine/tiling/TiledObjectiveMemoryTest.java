package io.github.neuralstyle.engine.tiling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import io.github.neuralstyle.engine.InitMode;
import io.github.neuralstyle.engine.Preset;
import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.network.FeatureNetwork;
import io.github.neuralstyle.engine.network.Pooling;
import io.github.neuralstyle.engine.network.VggArchitecture;
import io.github.neuralstyle.engine.platform.Devices;
import io.github.neuralstyle.testsupport.TestImages;

import org.junit.jupiter.api.Test;

/** A tiled evaluation holds the memory of one window at a time, however many tiles there are. */
class TiledObjectiveMemoryTest {

	/**
	 * The arrays an evaluation leaves in the step's manager do not depend on the number of
	 * tiles: before the fix each tile left two window-sized arrays there until the step ended.
	 */
	@Test
	void arraysLeftByAnEvaluationDoNotGrowWithTheTiles() {
		VggArchitecture arch = VggArchitecture.VGG19;
		StyleTransferSettings s = StyleTransferSettings.builder(Preset.JCJOHNSON).optInit(InitMode.NOISE).optTvWeight(0.1).build();
		int deepest = s.deepestLayerIndex(arch);
		TileGeometry geometry = TileGeometry.of(arch, deepest);
		TileGrid nine = TiledObjectiveTest.grid(geometry);
		int side = Math.max(nine.width(), nine.height());
		TileGrid one = new TileGrid(nine.width(), nine.height(), side + geometry.stride() - side % geometry.stride(), geometry);
		assertEquals(1, one.tiles().size(), one::toString);
		RgbImage content = TestImages.content(nine.width(), nine.height());
		RgbImage style = TestImages.style(nine.width(), nine.height());
		RgbImage start = TestImages.noise(nine.width(), nine.height(), 4);
		try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu(), Devices.ENGINE);
			FeatureNetwork net = new FeatureNetwork(TiledObjectiveTest.weights(arch, 16), Pooling.MAX, deepest, m))
		{
			assertEquals(leftInStep(net, s, content, style, one, start, m), leftInStep(net, s, content, style, nine, start, m),
				"arrays left in the step's manager with 9 tiles against 1");
		}
	}

	private static int leftInStep(FeatureNetwork net, StyleTransferSettings s, RgbImage content, RgbImage style,
		TileGrid grid, RgbImage start, NDManager m)
	{
		try (NDManager each = m.newSubManager();
			TiledObjective tiled = new TiledObjective(net, s, content, style, grid, each);
			NDManager step = each.newSubManager())
		{
			NDArray x = net.toArray(start, step);
			tiled.evaluate(x);
			return step.getManagedArrays().size();
		}
	}
}
