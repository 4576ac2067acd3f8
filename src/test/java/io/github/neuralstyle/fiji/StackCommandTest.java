package io.github.neuralstyle.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.measure.Calibration;

import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.image.ImageToRgb;
import io.github.neuralstyle.testsupport.TestHyperstacks;
import io.github.neuralstyle.testsupport.TestImagePlus;

import java.awt.event.KeyEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.scijava.app.event.StatusEvent;
import org.scijava.command.CommandModule;
import org.scijava.event.EventHandler;
import org.scijava.event.EventService;

/** The command on stacks and hyperstacks: every chosen plane styled by the real engine (tiny network), put back in place. */
class StackCommandTest {

	@AutoClose
	private static final CommandHarness harness = new CommandHarness();

	/** Status lines and progress-bar values the command shows. */
	private static final class StatusLog {
		final List<String> lines = new CopyOnWriteArrayList<>();
		final List<int[]> bars = new CopyOnWriteArrayList<>();
		volatile String escapeAt;

		@EventHandler
		void onStatus(StatusEvent e) {
			String m = e.getStatusMessage();
			if (m != null) lines.add(m);
			if (e.getProgressMaximum() > 0) bars.add(new int[] { e.getProgressValue(), e.getProgressMaximum() });
			if (escapeAt != null && m != null && m.startsWith(escapeAt)) IJ.setKeyDown(KeyEvent.VK_ESCAPE);
		}
	}

	private static StatusLog listen() {
		StatusLog log = new StatusLog();
		harness.context.service(EventService.class).subscribe(log);
		return log;
	}

	private static ImagePlus result(CommandModule m) {
		assertFalse(m.isCanceled(), m::getCancelReason);
		return (ImagePlus) m.getOutput("result");
	}

	/** Mean absolute difference between two images. */
	private static double distance(RgbImage a, RgbImage b) {
		double sum = 0;
		for (int i = 0; i < a.data().length; i++) sum += Math.abs(a.data()[i] - b.data()[i]);
		return sum / a.data().length;
	}

	@Test
	void everyPlaneOfAFiveDimensionalHyperstackIsStyledAndPutBackInPlace() throws Exception {
		ImagePlus content = TestHyperstacks.composite("cells.tif", 32, 24, 2, 2, 3);
		ImagePlus style = TestImagePlus.of("rgb", "wave.png", 24, 24);
		TestImagePlus.Snapshot before = TestImagePlus.snapshot(content);
		int calls = harness.engine.calls();
		ImagePlus r = result(harness.run(CommandHarness.fast(Map.of("content", content, "style", style,
			"planes", "all", "temporal", "0"))));
		assertEquals(6, harness.engine.calls() - calls, "one engine run per plane");
		assertEquals("cells-styled-by-wave", r.getTitle());
		assertEquals(List.of(32, 24, 1, 2, 3), List.of(r.getWidth(), r.getHeight(), r.getNChannels(), r.getNSlices(),
			r.getNFrames()));
		assertEquals(ImagePlus.COLOR_RGB, r.getType());
		Calibration cal = r.getCalibration();
		assertEquals(List.of(0.5, 0.25, 2.0, 10.0), List.of(cal.pixelWidth, cal.pixelHeight, cal.pixelDepth,
			cal.frameInterval));
		assertEquals("min", cal.getTimeUnit());
		assertEquals("c1 z2 t3", r.getStack().getSliceLabel(r.getStackIndex(1, 2, 3)));
		assertTrue(r.getInfoProperty().contains("content=cells.tif (planes=all, slices 1-2 of 2, frames 1-3 of 3)"),
			r.getInfoProperty());
		// Order: 2 small steps from the content leave each result plane nearest to its own content plane.
		for (int t = 1; t <= 3; t++) {
			for (int z = 1; z <= 2; z++) {
				r.setPosition(1, z, t);
				RgbImage styled = ImageToRgb.convert(r, "result").image();
				int nearest = -1;
				double best = Double.MAX_VALUE;
				for (int k = 0; k < 6; k++) {
					double d = distance(styled, ImageToRgb.convertAt(content, "content", k % 2 + 1, k / 2 + 1).image());
					if (d < best) {
						best = d;
						nearest = k;
					}
				}
				assertEquals((t - 1) * 2 + z - 1, nearest, "z" + z + " t" + t);
			}
		}
		before.assertUnchanged(content);
		assertTrue(harness.messages.stream().anyMatch(m -> m.startsWith("Neural Style: 'cells-styled-by-wave' (32×24)")
			&& m.contains("; 6 planes, temporal error ")), harness.messages::toString);
		assertTrue(r.getInfoProperty().contains("Neural Style sequence: temporal-weight=0 "), r.getInfoProperty());
	}

	@Test
	void aRangeOfFramesShowsFrameAndIterationInTheStatusBar() throws Exception {
		StatusLog log = listen();
		ImagePlus content = TestHyperstacks.gray16("t.tif", 32, 24, 1, 5);
		ImagePlus r = result(harness.run(CommandHarness.fast(Map.of("content", content, "style", content,
			"planes", "frames", "range", "2-4", "temporal", "0"))));
		assertEquals(3, r.getNFrames());
		assertEquals(ImagePlus.GRAY16, r.getType());
		assertEquals("z1 t2", r.getStack().getSliceLabel(1));
		assertTrue(log.lines.stream().anyMatch(l -> l.startsWith("Neural Style: frame 3 (2/3), iteration 1/2, loss ")),
			log.lines::toString);
		assertTrue(log.lines.stream().anyMatch(l -> l.matches("Neural Style: frame 4 \\(3/3\\), iteration 2/2, loss .+")),
			log.lines::toString);
		int[] lastStep = log.bars.get(log.bars.size() - 2); // before the bar is cleared
		assertEquals(List.of(3000, 3000), List.of(lastStep[0], lastStep[1]), "one bar over the three frames");
		int previous = 0;
		for (int[] bar : log.bars.subList(0, log.bars.size() - 1)) {
			assertTrue(bar[0] >= previous, "the bar never goes back");
			previous = bar[0];
		}
	}

	@Test
	void escapeInTheMiddleOfASequenceStopsItAndLeavesNoImage() throws Exception {
		StatusLog log = listen();
		log.escapeAt = "Neural Style: frame 2/4, iteration 1/";
		ImagePlus content = TestHyperstacks.gray16("t.tif", 32, 24, 1, 4);
		int images = WindowManager.getImageCount();
		int calls = harness.engine.calls();
		int logged = harness.messages.size();
		try {
			CommandModule m = harness.start(CommandHarness.fast(Map.of("content", content, "style",
				TestImagePlus.of("rgb", "wave.png", 24, 24), "planes", "frames", "iterations", 3, "temporal", "0")))
				.get(60, TimeUnit.SECONDS);
			assertTrue(m.isCanceled());
			assertEquals("", m.getCancelReason(), "no dialog after Esc");
			assertNull(m.getOutput("result"));
		}
		finally {
			IJ.resetEscape();
		}
		assertEquals(2, harness.engine.calls() - calls, "frame 3 was never started");
		assertEquals(List.of("Neural Style: cancelled at frame 2/4 (1 of 4 planes were done; they are dropped)",
			"Neural Style: cancelled; no result was made"), new ArrayList<>(harness.messages.subList(logged,
				harness.messages.size())));
		assertEquals(images, WindowManager.getImageCount(), "no partial image");
		int[] last = log.bars.get(log.bars.size() - 1);
		assertEquals(last[1], last[0], "the progress bar ends full (hidden)");
	}

	@Test
	void framesAfterTheFirstStartFromThePreviousResultUnlessTheTemporalWeightIsZero() throws Exception {
		ImagePlus content = TestHyperstacks.gray16("t.tif", 32, 24, 1, 3);
		ImagePlus style = TestImagePlus.of("rgb", "wave.png", 24, 24);
		ImagePlus r = result(harness.run(CommandHarness.fast(Map.of("content", content, "style", style,
			"planes", "frames", "iterations", 4))));
		assertEquals(3, r.getNFrames());
		StyleTransferSettings later = harness.engine.lastSettings();
		assertNotNull(later.initImage(), "the warped previous result");
		assertEquals(2, later.steps(), "later frames get half the steps");
		assertTrue(r.getInfoProperty().contains("Neural Style sequence: temporal-weight=" + PlaneChoice.DEFAULT_TEMPORAL
			+ " "), r.getInfoProperty());
		assertTrue(r.getInfoProperty().contains("steps per plane 4,2,2"), r.getInfoProperty());

		harness.run(CommandHarness.fast(Map.of("content", content, "style", style, "planes", "frames",
			"iterations", 4, "temporal", "0")));
		assertNull(harness.engine.lastSettings().initImage(), "independent: every frame from its own start");
		assertEquals(4, harness.engine.lastSettings().steps());
	}

	@Test
	void theCurrentPlaneAndSinglePlaneImagesGiveOnePlaneAsBefore() throws Exception {
		ImagePlus stack = TestHyperstacks.gray16("z.tif", 32, 24, 3, 1);
		stack.setSlice(2);
		ImagePlus r = result(harness.run(CommandHarness.fast(Map.of("content", stack, "style", stack))));
		assertEquals(1, r.getStackSize(), "planes=current is the default");
		ImagePlus single = TestImagePlus.of("rgb", "one.png", 32, 24);
		int logged = harness.messages.size();
		r = result(harness.run(CommandHarness.fast(Map.of("content", single, "style", single, "planes", "all"))));
		assertEquals(1, r.getStackSize());
		assertFalse(harness.messages.get(logged).contains("planes"), "the single-image run: " + harness.messages);
		assertFalse(r.getInfoProperty().contains("Neural Style sequence"), r.getInfoProperty());
		// One frame that is not the one shown: styled from that frame, labelled as it
		ImagePlus t = TestHyperstacks.gray16("t.tif", 32, 24, 1, 3);
		r = result(harness.run(CommandHarness.fast(Map.of("content", t, "style", single, "planes", "frames",
			"range", "3"))));
		assertEquals("z1 t3", r.getStack().getSliceLabel(1));
	}

	@Test
	void impossibleChoicesAreRefusedBeforeTheRun() throws Exception {
		ImagePlus z = TestHyperstacks.gray16("z.tif", 32, 24, 3, 1);
		int calls = harness.engine.calls();
		for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("planes", "frames"),
			Map.of("planes", "slices", "range", "2-7"), Map.of("planes", "everything"),
			Map.of("planes", "slices", "temporal", "-1"), Map.of("planes", "slices", "temporal", "abc")))
		{
			Map<String, Object> in = new java.util.HashMap<>(CommandHarness.fast(Map.of("content", z, "style", z)));
			in.putAll(bad);
			CommandModule m = harness.run(in);
			assertTrue(m.isCanceled(), bad::toString);
			String key = bad.containsKey("temporal") ? "temporal=" : bad.containsKey("range") ? "range=" : "planes=";
			assertTrue(m.getCancelReason().startsWith("Neural Style: " + key), m.getCancelReason());
		}
		assertEquals(calls, harness.engine.calls());
	}
}
