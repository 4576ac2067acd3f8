package io.github.neuralstyle.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;

import io.github.neuralstyle.files.FolderOutput;
import io.github.neuralstyle.files.ImageFiles;
import io.github.neuralstyle.image.ImageToRgb;
import io.github.neuralstyle.testsupport.TestHyperstacks;
import io.github.neuralstyle.testsupport.TestImagePlus;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;

/**
 * {@code shard=} and {@code output=} a folder through the command on the real engine (tiny
 * synthetic network): two shards fill one folder, a rerun keeps what is there, and impossible
 * combinations are refused before anything runs.
 */
class ShardedPlanesTest {

	@AutoClose
	private static final CommandHarness harness = new CommandHarness();

	@TempDir
	Path dir;

	private static final List<String> FILES = List.of(".neural-style.json", "t-0001.png", "t-0002.png", "t-0003.png",
		"t-0004.png");

	private CommandModule run(ImagePlus content, Object... keys) throws Exception {
		Map<String, Object> in = new HashMap<>(Map.of("content", content, "style", TestImagePlus.of("rgb", "wave.png", 24, 24),
			"planes", "frames"));
		for (int i = 0; i < keys.length; i += 2) in.put((String) keys[i], keys[i + 1]);
		return harness.run(CommandHarness.fast(in));
	}

	private static List<String> files(Path folder) throws IOException {
		try (Stream<Path> s = Files.list(folder)) {
			return s.map(p -> p.getFileName().toString()).sorted().toList();
		}
	}

	@Test
	void twoShardsFillOneFolderAndARerunKeepsWhatIsThere() throws Exception {
		ImagePlus t = TestHyperstacks.gray16("t.tif", 32, 24, 1, 4);
		File out = dir.resolve("styled").toFile();
		int calls = harness.engine.calls();
		CommandModule first = run(t, "shard", "0/2", "output", out);
		assertFalse(first.isCanceled(), first::getCancelReason);
		assertEquals(2, harness.engine.calls() - calls, "frames 1-2");
		assertEquals(List.of(".neural-style.json", "t-0001.png", "t-0002.png"), files(out.toPath()));
		ImagePlus r = (ImagePlus) first.getOutput("result");
		assertEquals(List.of(2, 32, 24), List.of(r.getNFrames(), r.getWidth(), r.getHeight()), "the shard's planes");
		calls = harness.engine.calls();
		assertFalse(run(t, "shard", "1/2", "output", out).isCanceled());
		assertEquals(4, harness.engine.calls() - calls, "frames 3-4 after a lead-in of frames 1-2 (temporal weight > 0)");
		assertEquals(FILES, files(out.toPath()));
		// With its lead-in, shard 1 continues the sequence as one long run does: every file is that run's plane.
		ImagePlus whole = (ImagePlus) run(t).getOutput("result");
		for (int f = 1; f <= 4; f++) {
			whole.setPosition(1, 1, f);
			float[] expected = ImageToRgb.convert(whole, "whole").image().data();
			float[] written = ImageFiles.read(out.toPath().resolve("t-000" + f + ".png")).data();
			double worst = 0;
			for (int i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(expected[i] - written[i]));
			assertTrue(worst <= 1.01 / 255, "t-000" + f + ".png differs from the whole run by " + worst * 255 + "/255");
		}

		Map<String, FileTime> times = new HashMap<>();
		for (String f : FILES.subList(1, 5)) times.put(f, Files.getLastModifiedTime(out.toPath().resolve(f)));
		byte[] plane1 = Files.readAllBytes(out.toPath().resolve("t-0001.png"));
		calls = harness.engine.calls();
		CommandModule again = run(t, "shard", "0/2", "output", out);
		assertEquals(0, harness.engine.calls() - calls, "nothing to style again");
		assertEquals(2, ((ImagePlus) again.getOutput("result")).getNFrames(), "the kept planes are the result");
		assertTrue(harness.messages.contains("Neural Style: shard 0/2: 0 plane(s) styled, 2 kept from an earlier run, in "
			+ out.toPath().toAbsolutePath()), harness.messages::toString);
		for (String f : FILES.subList(1, 5)) assertEquals(times.get(f), Files.getLastModifiedTime(out.toPath().resolve(f)), f);
		assertArrayEquals(plane1, Files.readAllBytes(out.toPath().resolve("t-0001.png")));

		// a lost plane is styled again; its predecessor is written, so no lead-in is needed
		Files.delete(out.toPath().resolve("t-0004.png"));
		calls = harness.engine.calls();
		run(t, "shard", "1/2", "output", out);
		assertEquals(1, harness.engine.calls() - calls, "only frame 4");
		assertEquals(FILES, files(out.toPath()));

		CommandModule changed = run(t, "shard", "1/2", "output", out, "iterations", 3);
		assertTrue(changed.isCanceled());
		assertTrue(changed.getCancelReason().startsWith("Neural Style: output=" + out + " holds frames styled with other"
			+ " settings (settings: "), changed::getCancelReason);
		assertTrue(changed.getCancelReason().endsWith("rerun with the same settings to resume, or choose a new output="
			+ " folder (or delete its .neural-style.json and frames to restyle them)"), changed::getCancelReason);
	}

	@Test
	void withoutAShardAFolderTakesEveryPlane() throws Exception {
		ImagePlus t = TestHyperstacks.gray16("t.tif", 32, 24, 1, 4);
		Path out = dir.resolve("all");
		int calls = harness.engine.calls();
		ImagePlus r = (ImagePlus) run(t, "temporal", "0", "output", out.toFile()).getOutput("result");
		assertEquals(4, harness.engine.calls() - calls);
		assertEquals(FILES, files(out));
		ImagePlus inMemory = (ImagePlus) run(t, "temporal", "0").getOutput("result");
		assertEquals(List.of(inMemory.getType(), 1, 4), List.of(r.getType(), r.getNSlices(), r.getNFrames()),
			"the planes a stack run gives");
		for (int f = 1; f <= 4; f++) {
			assertArrayEquals((int[]) inMemory.getStack().getPixels(f), (int[]) r.getStack().getPixels(f), "frame " + f);
		}
		assertEquals(inMemory.getCalibration().frameInterval, r.getCalibration().frameInterval);
		String record = Files.readString(out.resolve(FolderOutput.RECORD));
		assertTrue(record.contains("\"content\":\"image t.tif\"") && record.contains("temporal-weight=0"), record);
	}

	@Test
	void impossibleCombinationsAreRefusedBeforeAnythingRuns() throws Exception {
		ImagePlus t = TestHyperstacks.gray16("t.tif", 32, 24, 1, 4);
		File out = dir.resolve("out").toFile();
		assertRefused("Neural Style: shard=0/2: planes=current styles one plane, nothing to split among shards: give"
			+ " planes=frames, slices or all, or shard=none", run(t, "shard", "0/2", "output", out, "planes", "current"));
		assertRefused("Neural Style: shard=0/2: 'one.png' has a single plane, nothing to split among shards: give a stack,"
			+ " or shard=none", run(TestImagePlus.of("rgb", "one.png", 32, 24), "shard", "0/2", "output", out));
		assertRefused("Neural Style: shard=1/2 writes only its own planes, one PNG each, into a folder all shards share: give"
			+ " output=[/path/to/folder] (a name without extension)", run(t, "shard", "1/2"));
		File tif = dir.resolve("styled.tif").toFile();
		assertRefused("Neural Style: shard=1/2: output=" + tif + " is one file, but a shard writes only its own planes: give"
			+ " a folder all shards share (a name without extension), e.g. output=[" + dir.resolve("styled") + "]",
			run(t, "shard", "1/2", "output", tif));
		assertRefused("Neural Style: shard=2/2: shard 2 of 2 does not exist: shards are numbered 0 to 1 (like sbatch"
			+ " --array=0-1)", run(t, "shard", "2/2", "output", out));
		assertFalse(Files.exists(out.toPath()), "no folder made");
		assertFalse(Files.exists(tif.toPath()));
	}

	private static void assertRefused(String message, CommandModule m) {
		assertTrue(m.isCanceled(), "not refused: " + message);
		assertEquals(message, m.getCancelReason());
		assertNull(m.getOutput("result"));
	}
}
