package io.github.neuralstyle.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;

import io.github.neuralstyle.engine.DefaultStyleTransfer;
import io.github.neuralstyle.engine.tiling.TilingOptions;
import io.github.neuralstyle.testsupport.RecordingStyleTransfer;
import io.github.neuralstyle.testsupport.TestImagePlus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scijava.app.event.StatusEvent;
import org.scijava.command.CommandModule;
import org.scijava.event.EventHandler;
import org.scijava.event.EventService;

/**
 * {@code resultsize=full} and {@code memorybudget} through the command on the real engine with a
 * tiny network: what reaches the engine, the tiling message, the refusal, per-tile progress.
 */
class FullResolutionTest {

	@AutoClose
	private final CommandHarness harness = new CommandHarness();

	/** Each engine the command asked for: its tiling options and the engine (recording its calls). */
	private final List<TilingOptions> options = new CopyOnWriteArrayList<>();
	private final List<RecordingStyleTransfer> engines = new CopyOnWriteArrayList<>();
	private final List<StatusEvent> statuses = new CopyOnWriteArrayList<>();

	/** Held here: SciJava keeps subscribers weakly. */
	private final Object statusListener = new Object() {

		@EventHandler
		void onStatus(StatusEvent e) {
			statuses.add(e);
		}
	};

	@BeforeEach
	void recordEngines() {
		harness.context.service(NeuralStyleService.class).setEngines(o -> {
			options.add(o);
			RecordingStyleTransfer e = new RecordingStyleTransfer(new DefaultStyleTransfer(o));
			engines.add(e);
			return e;
		});
		harness.context.service(EventService.class).subscribe(statusListener);
	}

	/** Fast settings with layers up to relu2_2, whose 6 px halo lets a 64 px image split into tiles. */
	private static Map<String, Object> shallow(Map<String, Object> overrides) {
		Map<String, Object> in = new HashMap<>(Map.of("stylelayers", "relu1_1,relu2_1", "contentlayers", "relu2_2",
			"scales", "1"));
		in.putAll(overrides);
		return CommandHarness.fast(in);
	}

	@Test
	void fullOptimisesAtTheContentsSizeAndTheBudgetReachesTheEngine() throws Exception {
		ImagePlus content = TestImagePlus.of("rgb", "cells", 64, 48);
		ImagePlus style = TestImagePlus.of("rgb", "waves", 24, 24);
		CommandModule m = harness.run(shallow(Map.of("content", content, "style", style, "resultsize", "full",
			"memorybudget", "6m", "size", 32)));
		assertFalse(m.isCanceled(), m::getCancelReason);
		ImagePlus r = (ImagePlus) m.getOutput("result");
		assertEquals(64, r.getWidth());
		assertEquals(48, r.getHeight());
		assertEquals(List.of(new TilingOptions(TilingOptions.AUTO, 6L << 20)), options);
		// The optimisation ran at the content's size, not at the size field's 32 px.
		assertEquals(64, engines.get(0).lastSettings().size());
		String line = harness.messages.stream().filter(s -> s.contains("tiles of core")).findFirst().orElse("");
		Matcher t = Pattern.compile("Neural Style: 64×48 px in (\\d+) tiles of core \\d+ px, halo 6 px; estimated \\d+ MB of a"
			+ " 6 MB memory budget \\(as given by memorybudget\\)").matcher(line);
		assertTrue(t.matches(), harness.messages::toString);
		int tiles = Integer.parseInt(t.group(1));
		assertTrue(tiles >= 2, line);
		assertTrue(r.getInfoProperty().contains("size=64 "), r.getInfoProperty());

		// Every tile of every evaluation advanced the status bar: 2 steps, then the final loss.
		List<String> expected = new ArrayList<>();
		List<Integer> progress = new ArrayList<>();
		for (int e = 0; e <= 2; e++) {
			for (int i = 1; i <= tiles; i++) {
				expected.add("Neural Style: " + (e < 2 ? "iteration " + (e + 1) + "/2" : "final loss") + ", tile " + i + "/" + tiles);
				progress.add(Math.min(2 * tiles, e * tiles + i));
			}
		}
		List<StatusEvent> tileEvents = statuses.stream().filter(s -> s.getStatusMessage() != null
			&& s.getStatusMessage().contains(", tile ")).toList();
		assertEquals(expected, tileEvents.stream().map(StatusEvent::getStatusMessage).toList());
		assertEquals(progress, tileEvents.stream().map(StatusEvent::getProgressValue).toList());
		assertTrue(tileEvents.stream().allMatch(s -> s.getProgressMaximum() == 2 * tiles));
	}

	@Test
	void withoutFullTheSizeFieldDecidesAndASmallRunIsNotTiledNorLogged() throws Exception {
		ImagePlus content = TestImagePlus.of("rgb", "cells", 64, 48);
		CommandModule m = harness.run(shallow(Map.of("content", content, "style", content, "size", 32)));
		assertFalse(m.isCanceled(), m::getCancelReason);
		ImagePlus r = (ImagePlus) m.getOutput("result");
		assertEquals(64, r.getWidth()); // resultsize=content: resized back
		assertEquals(32, engines.get(0).lastSettings().size());
		assertEquals(List.of(TilingOptions.automatic()), options);
		assertTrue(harness.messages.stream().noneMatch(s -> s.contains("tiles")), harness.messages::toString);
	}

	@Test
	void aRunThatFitsInNoTilingIsRefusedBeforeItStartsNamingTheKeys() throws Exception {
		ImagePlus content = TestImagePlus.of("rgb", "cells", 64, 48);
		CommandModule m = harness.run(shallow(Map.of("content", content, "style", content, "resultsize", "full",
			"memorybudget", "1k")));
		assertTrue(m.isCanceled());
		assertNull(m.getOutput("result"));
		assertTrue(engines.stream().allMatch(e -> e.calls() == 0));
		String last = harness.messages.get(harness.messages.size() - 1);
		assertTrue(last.matches("Neural Style: resultsize=full: a 64×48 px run needs about [0-9.]+ GB even in the smallest tiles "
			+ "\\([0-9.]+ GB untiled\\), more than the memory budget of 0\\.0 GB \\(as given by memorybudget\\); raise memorybudget,"
			+ " or use resultsize=content with a smaller size"), last);

		harness.run(shallow(Map.of("content", content, "style", content, "size", 64, "memorybudget", "1k")));
		last = harness.messages.get(harness.messages.size() - 1);
		assertTrue(last.startsWith("Neural Style: size=64: a 64×48 px run needs about ") && last.endsWith(
			"; lower size or raise memorybudget"), last);

		// L-BFGS: 10 pairs and a direction, (2 × 10 + 4) arrays of 12 bytes per pixel more than Adam: 0.84 MiB at 64×48.
		harness.run(shallow(Map.of("content", content, "style", content, "size", 64, "memorybudget", "1k",
			"optimizer", "lbfgs")));
		last = harness.messages.get(harness.messages.size() - 1);
		assertTrue(last.endsWith("; lower size or raise memorybudget, use optimizer=adam (L-BFGS's history needs 1 MB more here)"),
			last);
	}

	@Test
	void badValuesAreRefusedWithTheKeyAndTheFix() throws Exception {
		ImagePlus content = TestImagePlus.of("rgb", "cells", 64, 48);
		harness.run(shallow(Map.of("content", content, "style", content, "memorybudget", "lots")));
		assertEquals("Neural Style: memorybudget=lots: must be auto or a size such as 6g, 512m or 4096k",
			harness.messages.get(harness.messages.size() - 1));
		harness.run(shallow(Map.of("content", content, "style", content, "resultsize", "huge")));
		assertEquals("Neural Style: resultsize=huge: accepted values are content, working, full",
			harness.messages.get(harness.messages.size() - 1));
		ImagePlus wide = TestImagePlus.of("gray8", "wide", 8193, 16);
		harness.run(shallow(Map.of("content", wide, "style", content, "resultsize", "full")));
		assertEquals("Neural Style: resultsize=full: content 'wide' is 8193×16 px, more than the 8192 px on the long side the"
			+ " engine optimises at; use resultsize=content size=8192 (optimised at that size, then resized), or crop the content",
			harness.messages.get(harness.messages.size() - 1));
		assertTrue(engines.stream().allMatch(e -> e.calls() == 0));
	}
}
