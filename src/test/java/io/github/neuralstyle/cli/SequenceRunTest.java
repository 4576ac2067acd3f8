package io.github.neuralstyle.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.io.Opener;
import ij.process.ColorProcessor;

import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.files.FolderOutput;
import io.github.neuralstyle.files.ImageFiles;
import io.github.neuralstyle.testsupport.CliInputs;
import io.github.neuralstyle.testsupport.CliRun;
import io.github.neuralstyle.testsupport.SyntheticMotion;
import io.github.neuralstyle.testsupport.TestImages;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sequences on the command line: a multi-page TIFF in and out with the same frames, a folder in
 * and out that resumes and refuses changed settings, and clear messages on bad inputs.
 */
class SequenceRunTest {

	@TempDir
	static Path dir;
	static CliInputs in;
	static List<RgbImage> frames = SyntheticMotion.drift(40, 30, 4, 1, 0.5);

	@BeforeAll
	static void files() throws Exception {
		in = CliInputs.in(dir);
	}

	@Test
	void multiPageTiffInGivesMultiPageTiffOutWithTheSameFramesAndCalibration() throws Exception {
		Path tiff = dir.resolve("lapse.tif");
		writeTimeLapse(tiff, frames);
		Path out = dir.resolve("styled.tif");
		CliRun r = CliRun.of(in.with(out, "--content", tiff.toString()));
		assertEquals(0, r.exit(), r::toString);
		ImagePlus result = new Opener().openImage(out.toString());
		assertEquals(4, result.getStackSize());
		assertEquals(4, result.getNFrames(), "a time series stays a time series");
		assertEquals(24, result.getBitDepth());
		assertEquals(40, result.getWidth());
		assertEquals(10.0, result.getCalibration().frameInterval, 1e-9);
		JsonObject json = lastJson(r.out());
		assertEquals(4, json.get("frames").getAsInt());
		JsonArray perFrame = json.getAsJsonArray("per_frame");
		assertEquals(4, perFrame.size());
		for (int i = 0; i < 4; i++) {
			JsonObject f = perFrame.get(i).getAsJsonObject();
			assertEquals(i + 1, f.get("frame").getAsInt());
			assertTrue(f.get("final_loss").getAsDouble() < f.get("first_loss").getAsDouble(), f.toString());
			assertTrue(f.get("steps").getAsInt() >= 1, f.toString());
		}
		double e = json.get("temporal_error").getAsDouble();
		assertTrue(e > 0 && e < 1, "temporal error " + e);
	}

	@Test
	void folderOutputResumesAndRefusesChangedSettings() throws Exception {
		Path frameDir = Files.createDirectories(dir.resolve("frames"));
		// Named so that plain text order (f10 < f2) and playing order differ.
		String[] names = { "f1.png", "f2.png", "f3.png", "f10.png" };
		for (int i = 0; i < 4; i++) ImageFiles.write(frames.get(i), frameDir.resolve(names[i]));
		Path out = dir.resolve("styled-frames");
		CliRun part = CliRun.of(in.with(out, "--content", frameDir.toString(), "--planes", "1-2"));
		assertEquals(0, part.exit(), part::toString);
		assertTrue(Files.isRegularFile(out.resolve("f1.png")) && Files.isRegularFile(out.resolve("f2.png")));
		assertFalse(Files.exists(out.resolve("f3.png")));
		assertTrue(Files.isRegularFile(out.resolve(FolderOutput.RECORD)));
		byte[] f2 = Files.readAllBytes(out.resolve("f2.png"));
		FileTime f2Time = Files.getLastModifiedTime(out.resolve("f2.png"));

		CliRun rest = CliRun.of(in.with(out, "--content", frameDir.toString()));
		assertEquals(0, rest.exit(), rest::toString);
		JsonObject json = lastJson(rest.out());
		assertEquals(2, json.get("resumed").getAsInt());
		assertEquals(2, json.get("styled").getAsInt());
		JsonArray perFrame = json.getAsJsonArray("per_frame");
		assertEquals("f10.png", perFrame.get(3).getAsJsonObject().get("name").getAsString());
		assertTrue(perFrame.get(1).getAsJsonObject().get("resumed").getAsBoolean());
		assertArrayEquals(f2, Files.readAllBytes(out.resolve("f2.png")), "a resumed frame is not written again");
		assertEquals(f2Time, Files.getLastModifiedTime(out.resolve("f2.png")));
		assertTrue(Files.isRegularFile(out.resolve("f10.png")));
		try (var list = Files.list(out)) {
			assertEquals(5, list.count(), "four frames and the record, no temporary files");
		}

		CliRun changed = CliRun.of(in.with(out, "--content", frameDir.toString(), "--temporal-weight", "0"));
		assertEquals(Main.USAGE, changed.exit(), changed::toString);
		assertTrue(changed.err().contains("holds frames styled with other settings") && changed.err().contains("temporal-weight=0")
			&& changed.err().contains("choose a new --out folder"), changed.err());
	}

	@Test
	void badSequencesAreRefusedNamingTheProblemAndTheFix() throws Exception {
		Path empty = Files.createDirectories(dir.resolve("empty"));
		Files.writeString(empty.resolve("notes.txt"), "not an image");
		CliRun r = CliRun.of(in.with(dir.resolve("o1"), "--content", empty.toString()));
		assertEquals(Main.USAGE, r.exit(), r::toString);
		assertTrue(r.err().contains("holds no images") && r.err().contains("put the frames there"), r.err());

		Path mixed = Files.createDirectories(dir.resolve("mixed"));
		ImageFiles.write(TestImages.content(40, 30), mixed.resolve("a.png"));
		ImageFiles.write(TestImages.content(36, 30), mixed.resolve("b.png"));
		r = CliRun.of(in.with(dir.resolve("o2"), "--content", mixed.toString()));
		assertEquals(Main.USAGE, r.exit(), r::toString);
		assertTrue(r.err().contains("b.png is 36×30 px but a.png is 40×30 px") && r.err().contains("resize them"), r.err());
		assertFalse(Files.exists(dir.resolve("o2")), "nothing is written for a refused sequence");

		Path tiff = dir.resolve("lapse3.tif");
		writeTimeLapse(tiff, frames.subList(0, 3));
		r = CliRun.of(in.with(dir.resolve("one.png"), "--content", tiff.toString()));
		assertEquals(Main.USAGE, r.exit(), r::toString);
		assertTrue(r.err().contains("multi-page TIFF") && r.err().contains("folder"), r.err());
		r = CliRun.of(in.with(dir.resolve("o3"), "--content", tiff.toString(), "--planes", "2-5"));
		assertEquals(Main.USAGE, r.exit(), r::toString);
		assertTrue(r.err().contains("beyond the 3 planes"), r.err());
		r = CliRun.of(in.with(dir.resolve("o4"), "--content", tiff.toString(), "--temporal-weight", "-1"));
		assertEquals(Main.USAGE, r.exit(), r::toString);
		assertTrue(r.err().contains("temporal weight must be"), r.err());
	}

	@Test
	void planeRangesParse() {
		assertEquals(List.of(2, 3, 4, 7), PlaneSelection.parse("3-5,8").choose(10));
		assertEquals(List.of(8, 9), PlaneSelection.parse("9-").choose(10));
		assertEquals(new PlaneSelection("slice", 3, "1-2"), PlaneSelection.parse("slice=3:1-2"));
		assertTrue(SequenceInput.byName(Path.of("f2.png"), Path.of("f10.png")) < 0);
	}

	/** An ImageJ time series of RGB frames, 10 min apart. */
	static void writeTimeLapse(Path file, List<RgbImage> images) {
		ImageStack s = new ImageStack(images.get(0).width(), images.get(0).height());
		for (RgbImage i : images) s.addSlice(new ColorProcessor(ImageFiles.toBufferedImage(i)));
		ImagePlus imp = new ImagePlus("lapse", s);
		imp.setDimensions(1, 1, images.size());
		imp.getCalibration().frameInterval = 10;
		imp.getCalibration().setTimeUnit("min");
		assertTrue(new FileSaver(imp).saveAsTiffStack(file.toString()));
	}

	private static JsonObject lastJson(String out) {
		String[] lines = out.strip().split("\n");
		return JsonParser.parseString(lines[lines.length - 1]).getAsJsonObject();
	}
}
