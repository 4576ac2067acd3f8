package io.github.neuralstyle.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.neuralstyle.files.ImageFiles;
import io.github.neuralstyle.testsupport.CliInputs;
import io.github.neuralstyle.testsupport.CliRun;
import io.github.neuralstyle.testsupport.FolderSnapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --out}: refused before anything runs (no weights loaded, no step taken, nothing in the
 * folder changed) when it is an input, a link, a folder, a device, an unknown format or in a
 * folder that cannot take it; otherwise written whole or not at all.
 */
class OutputPathsTest {

	@TempDir
	Path dir;

	private CliInputs in;

	@BeforeEach
	void inputs() throws IOException {
		in = CliInputs.in(dir);
	}

	@Test
	void theContentImageIsNeverOverwritten() {
		assertRefusedBeforeTheRun(in.args(in.content()), "--out " + in.content() + " is the content image (--content)",
			"choose another output name");
	}

	@Test
	void theStyleImageIsNeverOverwrittenBySaveEvery() throws IOException {
		// --save-every 1 writes out-step0002.png: make that name the style image.
		Path style = dir.resolve("out-step0002.png");
		Files.copy(in.style(), style);
		List<String> args = in.with(dir.resolve("out.png"), "--style", style.toString(), "--save-every", "1");
		assertRefusedBeforeTheRun(args, "--save-every 1 writes " + style + ", which is the style image (--style)",
			"choose another output name");
	}

	@Test
	void theWeightsFileIsNeverOverwritten() throws IOException {
		Path w = Files.copy(in.weights(), dir.resolve("w.png"));
		assertRefusedBeforeTheRun(in.with(w, "--weights", w.toString()), "is the weights file (--weights)", "choose another output name");
	}

	@Test
	void theStartImageIsNeverOverwritten() throws IOException {
		Path start = Files.copy(in.content(), dir.resolve("start.png"));
		assertRefusedBeforeTheRun(in.args(start, "--init", "image", "--init-image", start.toString()),
			"is the start image (--init-image)", "choose another output name");
	}

	@Test
	void theSameFileUnderAnotherNameIsRecognised() throws IOException {
		Path alias = dir.resolve("sub/../content.png");
		assertRefusedBeforeTheRun(in.args(alias), "is the content image", "choose another output name");
	}

	@Test
	void symbolicLinksAreRefusedNamingTheirTarget() throws IOException {
		Path target = Files.copy(in.style(), dir.resolve("target.png"));
		Path link = Files.createSymbolicLink(dir.resolve("link.png"), target);
		assertRefusedBeforeTheRun(in.args(link), "is a symbolic link (to " + target + ")", "name the file itself, or remove the link");
	}

	@Test
	void aFolderIsRefused() throws IOException {
		Path folder = Files.createDirectory(dir.resolve("results.png"));
		assertRefusedBeforeTheRun(in.args(folder), "is a folder", "name a file in it");
	}

	@Test
	void aDeviceIsRefused() {
		assertRefusedBeforeTheRun(in.args(Path.of("/dev/full")), "--out /dev/full: the file name must end in .png, .tif, .tiff, .jpg, .jpeg or .bmp; it has no extension");
	}

	@Test
	void aPipeIsRefused() throws Exception {
		Path fifo = dir.resolve("pipe.png");
		assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
		assertRefusedBeforeTheRun(in.args(fifo), "is not a regular file (a device, pipe or socket)", "name an image file to write");
	}

	@Test
	void aDeviceWithAnImageNameIsRefused() throws IOException {
		Path dev = dir.resolve("device.png");
		Files.createSymbolicLink(dev, Path.of("/dev/null"));
		assertRefusedBeforeTheRun(in.args(dev), "is a symbolic link (to /dev/null)", "remove the link");
	}

	@ParameterizedTest
	@ValueSource(strings = { "out.gif", "out.xyz", "out" })
	void unknownFormatsAreRefused(String name) {
		Path out = dir.resolve(name);
		assertRefusedBeforeTheRun(in.args(out), "--out " + out + ": ", "the file name must end in .png, .tif, .tiff, .jpg, .jpeg or .bmp");
	}

	@Test
	void aParentThatIsAFileIsRefused() {
		Path out = in.content().resolve("x.png");
		assertRefusedBeforeTheRun(in.args(out), in.content() + " is a file, not a folder", "choose a path in a folder");
	}

	@Test
	void aTooLongNameIsRefused() {
		Path out = dir.resolve("a".repeat(296) + ".png");
		assertRefusedBeforeTheRun(in.args(out), "the file name is 300 bytes long", "use a shorter name");
	}

	@Test
	void aFolderThatCannotTakeFilesIsRefused() throws IOException {
		Path readOnly = Files.createDirectory(dir.resolve("ro"));
		Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
		// As root a mode of 555 does not stop writes: /proc then stands in for a read-only folder.
		Path folder = Files.isWritable(readOnly) ? Path.of("/proc") : readOnly;
		try {
			assertRefusedBeforeTheRun(in.args(folder.resolve("x.png")), "cannot create files in folder " + folder, "choose a writable folder");
		}
		finally {
			Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
		}
	}

	@Test
	void aMissingFolderIsCreatedAndTheResultWrittenWhole() throws IOException {
		Path out = dir.resolve("new/deeper/out.png");
		CliRun r = CliRun.of(in.args(out));
		assertEquals(0, r.exit(), r::toString);
		assertEquals(40, ImageFiles.read(out).width());
		try (var files = Files.list(out.getParent())) {
			assertEquals(List.of(out), files.toList(), "no temporary file left behind");
		}
	}

	@Test
	void anExistingResultIsReplacedWhole() throws IOException {
		Path out = Files.writeString(dir.resolve("old.png"), "previous result");
		CliRun r = CliRun.of(in.args(out));
		assertEquals(0, r.exit(), r::toString);
		assertEquals(30, ImageFiles.read(out).height());
	}

	/** Exit 2 with one line naming the problem and the fix, before the weights are read or a step taken; nothing changed. */
	private void assertRefusedBeforeTheRun(List<String> args, String... parts) {
		FolderSnapshot before = FolderSnapshot.of(dir);
		List<String> a = new java.util.ArrayList<>(args);
		int w = a.indexOf(in.weights().toString());
		// Missing weights would be the error if they were looked at first: the refusal proves the order.
		if (w > 0) a.set(w, dir.resolve("missing-weights.safetensors").toString());
		CliRun r = CliRun.of(a);
		assertEquals(2, r.exit(), r::toString);
		assertEquals("", r.out(), "no step was taken");
		String err = r.err().trim();
		assertEquals(1, err.lines().count(), r::toString);
		for (String p : parts) assertTrue(err.contains(p), () -> "missing '" + p + "' in: " + err);
		assertFalse(err.contains("Exception"), err);
		before.assertUnchanged();
	}
}
