package io.github.neuralstyle.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;

import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.testsupport.TestImagePlus;
import io.github.neuralstyle.testsupport.WeightsFixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;

/** The command with the real weights package on a local file, and the weights cache. */
class WeightsFileTest {

	@Test
	void localSafetensorsFileThroughTheWeightsPackage(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("tiny vgg19.safetensors");
		Files.write(file, WeightsFixtures.safetensors(CommandHarness.WEIGHTS, Map.of(), false));
		try (CommandHarness h = new CommandHarness()) {
			h.context.service(NeuralStyleService.class).setWeightsResolver(DefaultWeights::resolve);
			ImagePlus img = TestImagePlus.of("rgb", "img", 32, 32);
			CommandModule m = h.run(CommandHarness.fast(Map.of("content", img, "style", img, "model", "file",
				"weights", file.toFile())));
			assertFalse(m.isCanceled(), m::getCancelReason);
			String info = ((ImagePlus) m.getOutput("result")).getInfoProperty();
			assertTrue(info.contains("tiny vgg19.safetensors"), info);
		}
	}

	@Test
	void weightsAreReadOnceForRepeatedRuns() throws Exception {
		NeuralStyleService service = new NeuralStyleService();
		AtomicInteger reads = new AtomicInteger();
		service.setWeightsResolver((spec, progress) -> {
			reads.incrementAndGet();
			return CommandHarness.WEIGHTS;
		});
		VggWeights a = service.weights("vgg19-caffe", WeightsResolver.Progress.NONE);
		VggWeights b = service.weights("vgg19-caffe", WeightsResolver.Progress.NONE);
		assertSame(a, b);
		assertEquals(1, reads.get());
		service.weights("vgg16-caffe", WeightsResolver.Progress.NONE);
		assertEquals(2, reads.get());
	}
}
