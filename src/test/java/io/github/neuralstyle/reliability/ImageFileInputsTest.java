package io.github.neuralstyle.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.io.Opener;

import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.files.ImageFile;
import io.github.neuralstyle.files.ImageFileReader;
import io.github.neuralstyle.image.ImageToRgb;
import io.github.neuralstyle.testsupport.CliInputs;
import io.github.neuralstyle.testsupport.CliRun;
import io.github.neuralstyle.testsupport.FolderSnapshot;
import io.github.neuralstyle.testsupport.ImageFileFixtures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Image files as users bring them: the command line reads each to the pixels the Fiji command
 * would style after File › Open (one reader), and refuses damaged or oversized files by name.
 */
class ImageFileInputsTest {

	private static final int[] RAMP = ImageFileFixtures.RAMP;

	@TempDir
	Path dir;

	private CliInputs in;

	@BeforeEach
	void inputs() throws IOException {
		in = CliInputs.in(dir);
	}

	@ParameterizedTest
	@ValueSource(strings = { "png", "tiff" })
	void greyIsNotBrightened(String format) throws IOException {
		RgbImage img = read(ImageFileFixtures.grey8(dir.resolve("ramp." + format), format));
		for (int x = 0; x < RAMP.length; x++) {
			for (int c = 0; c < 3; c++) assertEquals(RAMP[x] / 255f, sample(img, c, x, 2), 1e-6, "grey " + RAMP[x] + ", channel " + c);
		}
	}

	@Test
	void greyWithAlphaKeepsItsGrey() throws IOException {
		RgbImage img = read(ImageFileFixtures.greyAlpha(dir.resolve("ga.png")));
		for (int x = 0; x < RAMP.length; x++) assertEquals(RAMP[x] / 255f, sample(img, 1, x, 0), 1e-6, "grey " + RAMP[x]);
	}

	@Test
	void sixteenBitGreyIsWhatFijiShows() throws IOException {
		Path file = ImageFileFixtures.grey16(dir.resolve("g16.png"));
		RgbImage img = read(file);
		assertSameAsFiji(file, img);
		// ImageJ's display range on opening is the data's min–max: 0 → black, 255·257 → white, grey throughout.
		assertEquals(0f, sample(img, 0, 0, 0), 1e-6);
		assertEquals(1f, sample(img, 2, RAMP.length - 1, 0), 1e-6);
		assertEquals(128 / 255f, sample(img, 1, 3, 0), 1e-3);
	}

	@Test
	void eightBitFilesAgreeWithImageJsOpener() throws IOException {
		assertSameAsFiji(ImageFileFixtures.grey8(dir.resolve("a.png"), "png"), null);
		assertSameAsFiji(ImageFileFixtures.grey8(dir.resolve("a.tif"), "tiff"), null);
		assertSameAsFiji(ImageFileFixtures.rgbPng(dir.resolve("rgb.png")), null);
	}

	@Test
	void floatTiffUsesItsDisplayRange() throws IOException {
		Path file = ImageFileFixtures.float32(dir.resolve("f32.tif"));
		RgbImage img = read(file);
		assertEquals(0f, sample(img, 0, 0, 0), 1e-6, "the minimum, −5");
		assertEquals(1f, sample(img, 0, 1, 0), 1e-6, "the maximum, 100");
		assertEquals((12 + 5) / 105f, sample(img, 0, 2, 0), 1e-5, "12 within −5…100");
		assertSameAsFiji(file, img);
	}

	@Test
	void aTiffStackIsReadPageByPageAndRefusedIntoOnePng() throws IOException {
		Path file = ImageFileFixtures.stack(dir.resolve("stack.tif"));
		ImageFile f = ImageFileReader.read(file, "content image", 32);
		assertEquals(60 / 255f, f.image().data()[0], 1e-6, "page 1 is filled with 60");
		assertEquals(1, f.notices().size(), f.notices().toString());
		assertTrue(f.notices().get(0).contains("stack.tif has 3 planes; using slice 1/3"), f.notices().get(0));
		// The command line styles every page of a stack as a sequence: one PNG cannot hold it.
		CliRun r = CliRun.of(in.with(dir.resolve("out.png"), "--content", file.toString()));
		assertEquals(2, r.exit(), r::toString);
		assertTrue(r.err().contains("a sequence of 3 frame(s) is written as one multi-page TIFF"), r::toString);
		assertFalse(Files.exists(dir.resolve("out.png")));
	}

	@ParameterizedTest
	@ValueSource(ints = { -1, 0 })
	void cmykJpegsGetTheirColours(int adobe) throws IOException {
		Path file = ImageFileFixtures.cmykJpeg(dir.resolve("cmyk" + adobe + ".jpg"), adobe);
		ImageFile f = ImageFileReader.read(file, "style image", 32);
		// Pure cyan ink: no red, full green and blue.
		assertEquals(0f, sample(f.image(), 0, 8, 8), 0.02);
		assertEquals(1f, sample(f.image(), 1, 8, 8), 0.02);
		assertEquals(1f, sample(f.image(), 2, 8, 8), 0.02);
		assertTrue(f.notices().get(0).contains("CMYK JPEG") && f.notices().get(0).contains("approximate"), f.notices().toString());
	}

	@Test
	void ycckJpegsAreRefusedWithAWayOut() {
		Path file = ImageFileFixtures.cmykJpeg(dir.resolve("ycck.jpg"), 2);
		assertRefused(file, "content image " + file, "YCCK", "save it as an RGB JPEG, PNG or TIFF");
	}

	@ParameterizedTest
	@ValueSource(ints = { 3, 6, 8 })
	void exifOrientationIsApplied(int orientation) throws IOException {
		RgbImage img = read(ImageFileFixtures.exifJpeg(dir.resolve("o" + orientation + ".jpg"), orientation));
		// Stored: 16×8, left half red. 3 = turned 180° (red right), 6 = 90° clockwise (red top), 8 = anticlockwise (red bottom).
		int w = orientation == 3 ? 16 : 8, h = orientation == 3 ? 8 : 16;
		assertEquals(w, img.width());
		assertEquals(h, img.height());
		int[] red = orientation == 3 ? new int[] { 12, 4 } : orientation == 6 ? new int[] { 4, 3 } : new int[] { 4, 12 };
		int[] blue = orientation == 3 ? new int[] { 3, 4 } : orientation == 6 ? new int[] { 4, 12 } : new int[] { 4, 3 };
		assertTrue(sample(img, 0, red[0], red[1]) > 0.8 && sample(img, 2, red[0], red[1]) < 0.2, "red at " + red[0] + "," + red[1]);
		assertTrue(sample(img, 2, blue[0], blue[1]) > 0.8 && sample(img, 0, blue[0], blue[1]) < 0.2, "blue at " + blue[0] + "," + blue[1]);
	}

	@ParameterizedTest
	@ValueSource(ints = { 20000, 30000 })
	void hugeDeclaredSizesAreRefusedBeforeDecoding(int side) {
		Path file = ImageFileFixtures.declaredPng(dir.resolve("huge" + side + ".png"), side, side);
		long start = System.nanoTime();
		assertRefused(file, "content image " + file, side + "×" + side + " px", "scale it down");
		assertTrue(System.nanoTime() - start < 5e9, "refused from the header, not after decoding");
	}

	@Test
	void aTruncatedPngIsNamedAndCalledDamaged() {
		Path file = ImageFileFixtures.truncated(ImageFileFixtures.rgbPng(dir.resolve("whole.png")), dir.resolve("cut.png"), 0.5);
		assertRefused(file, "content image " + file, "could not be read", "damaged or truncated; re-save or re-download it");
	}

	@Test
	void aTextFileIsNotAnImage() throws IOException {
		Path file = Files.writeString(dir.resolve("notes.png"), "hello");
		assertRefused(file, "Not a readable image", file.toString(), "convert it to one of these");
	}

	@Test
	void anEmptyFolderIsNamed() throws IOException {
		// A folder as content is a sequence of its images; an empty one is named with the fix.
		Path sub = Files.createDirectory(dir.resolve("folder.png"));
		CliRun r = CliRun.of(in.with(dir.resolve("never.png"), "--content", sub.toString()));
		assertEquals(2, r.exit(), r::toString);
		assertTrue(r.err().contains("content folder " + sub + " holds no images") && r.err().contains("put the frames there"),
			r::toString);
		// The one-image reader (Fiji, the style) still says what a folder is not.
		IOException e = assertThrows(IOException.class, () -> ImageFileReader.read(sub, "content image", 32));
		assertTrue(e.getMessage().contains("content image " + sub + " is not a file"), e.getMessage());
	}

	@Test
	void aMissingFileIsNamed() {
		Path file = dir.resolve("missing.png");
		assertRefused(file, "No such image file: " + file, "check the path");
	}

	/** The command line refuses {@code file} as the content image: exit 2, one line, the parts, nothing written or changed. */
	private void assertRefused(Path file, String... parts) {
		FolderSnapshot before = FolderSnapshot.of(dir);
		Path out = dir.resolve("never.png");
		CliRun r = CliRun.of(in.with(out, "--content", file.toString()));
		assertEquals(2, r.exit(), r::toString);
		String err = r.err().trim();
		assertEquals(1, err.lines().count(), r::toString);
		for (String p : parts) assertTrue(err.contains(p), () -> "missing '" + p + "' in: " + err);
		assertFalse(err.contains("Exception") || err.contains("\tat "), err);
		assertFalse(Files.exists(out));
		before.assertUnchanged();
		IOException e = assertThrows(IOException.class, () -> ImageFileReader.read(file, "content image", 32));
		assertEquals(err, "neural-style: " + e.getMessage());
	}

	private static RgbImage read(Path file) throws IOException {
		ImageFile f = ImageFileReader.read(file, "content image", 32);
		return f.image();
	}

	/** The reader gives what ImageJ's own opener + the Fiji command's conversion give. */
	private static void assertSameAsFiji(Path file, RgbImage ours) throws IOException {
		RgbImage mine = ours == null ? read(file) : ours;
		ImagePlus imp = new Opener().openImage(file.toString());
		RgbImage fiji = ImageToRgb.convert(imp, "content").image();
		assertEquals(fiji.width(), mine.width());
		assertEquals(fiji.height(), mine.height());
		float[] a = fiji.data(), b = mine.data();
		for (int i = 0; i < a.length; i++) assertEquals(a[i], b[i], 1e-6, file + " sample " + i);
	}

	private static float sample(RgbImage img, int c, int x, int y) {
		return img.data()[(c * img.height() + y) * img.width() + x];
	}
}
