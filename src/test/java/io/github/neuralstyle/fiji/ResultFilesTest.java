package io.github.neuralstyle.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;

import io.github.neuralstyle.files.ImageFiles;
import io.github.neuralstyle.testsupport.FolderSnapshot;
import io.github.neuralstyle.testsupport.TestImagePlus;
import io.github.neuralstyle.testsupport.TestImages;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;

/**
 * {@code output=}: checked before the run by the same rules as the command line's {@code --out}
 * (an unwritable folder used to report success and write nothing), and written whole or not at all.
 */
class ResultFilesTest {

	private static CommandHarness harness;

	@TempDir
	Path dir;

	@BeforeAll
	static void start() {
		harness = new CommandHarness();
	}

	@AfterAll
	static void stop() {
		harness.close();
	}

	@Test
	void anUnwritableFolderIsRefusedBeforeTheRun() throws Exception {
		// /proc takes no new files, even as root (a 555 folder does not stop root).
		assertRefused(Map.of("output", new File("/proc/x.png")), "output=/proc/x.png: cannot create files in folder /proc",
			"choose a writable folder");
	}

	@Test
	void theContentImagesFileIsNeverOverwritten() throws Exception {
		Path file = dir.resolve("cells.png");
		ImageFiles.write(TestImages.content(32, 32), file);
		ImagePlus opened = IJ.openImage(file.toString());
		FolderSnapshot before = FolderSnapshot.of(dir);
		assertRefused(Map.of("content", opened, "output", file.toFile()), "output=" + file + " is the content image's file",
			"choose another output name");
		before.assertUnchanged();
	}

	@Test
	void aLinkIsRefusedNamingItsTarget() throws Exception {
		Path target = Files.writeString(dir.resolve("keep.txt"), "keep");
		Path link = Files.createSymbolicLink(dir.resolve("link.tif"), target);
		assertRefused(Map.of("output", link.toFile()), "is a symbolic link (to " + target + ")", "name the file itself");
		assertEquals("keep", Files.readString(target));
	}

	@Test
	void unknownFormatsAreRefused() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> ResultFiles.checkOutput(dir.resolve("out.gif").toFile(), Map.of()));
		assertTrue(e.getMessage().contains("the file name must end in .tif, .tiff or .png; '.gif' is not an image format written here"),
			e.getMessage());
	}

	@Test
	void savedFilesAreWholeAndLeaveNothingElse() throws Exception {
		ImagePlus imp = TestImagePlus.of("rgb", "result", 24, 16);
		Path png = dir.resolve("r.png"), tif = dir.resolve("r.tif");
		Files.writeString(png, "an older result");
		ResultFiles.save(imp, png.toFile());
		ResultFiles.save(imp, tif.toFile());
		assertEquals(24, IJ.openImage(png.toString()).getWidth());
		assertEquals(16, IJ.openImage(tif.toString()).getHeight());
		assertEquals("result", imp.getTitle(), "the result keeps its title");
		try (var files = Files.list(dir)) {
			assertEquals(List.of(png, tif), files.sorted().toList(), "no temporary files left");
		}
	}

	private static void assertRefused(Map<String, Object> overrides, String... parts) throws Exception {
		Map<String, Object> in = new java.util.HashMap<>(Map.of("content", TestImagePlus.of("rgb", "c", 32, 32), "style",
			TestImagePlus.of("rgb", "s", 32, 32)));
		in.putAll(overrides);
		int calls = harness.engine.calls();
		CommandModule m = harness.run(CommandHarness.fast(in));
		assertTrue(m.isCanceled(), "not refused");
		for (String p : parts) assertTrue(m.getCancelReason().contains(p), () -> "missing '" + p + "' in: " + m.getCancelReason());
		assertNull(m.getOutput("result"));
		assertEquals(calls, harness.engine.calls(), "the engine must not run");
	}
}
