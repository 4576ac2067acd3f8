package io.github.neuralstyle.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;

import io.github.neuralstyle.testsupport.RealFiji;
import io.github.neuralstyle.testsupport.RealFiji.Launch;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Stacks inside a real Fiji (see {@link RealFiji}; skipped without {@code FIJI_HOME}): headless
 * macros style every plane of a small hyperstack through the installed plugin, and the bundled
 * time-lapse macro styles the 16-frame sample.
 */
@EnabledIfEnvironmentVariable(named = RealFiji.HOME, matches = ".+", disabledReason = RealFiji.SKIPPED)
class RealFijiStackTest {

	static RealFiji fiji;

	/**
	 * A 2-channel composite of 2 slices × 4 frames, 48×40, calibrated (0.5 µm, 2 µm slices, 10 min
	 * frames), each plane labelled "z… t…"; and a style image. The content is active.
	 */
	static final String HYPERSTACK = "newImage('style-waves.png', 'RGB noise', 32, 32, 1);\n"
		+ "newImage('cells.tif', '8-bit composite-mode ramp', 48, 40, 2, 2, 4);\n"
		+ "setVoxelSize(0.5, 0.5, 2, 'micron');\n"
		+ "Stack.setFrameInterval(10);\n"
		+ "Stack.setUnits('micron', 'micron', 'micron', 'min', 'gray value');\n"
		+ "for (t = 1; t <= 4; t++) for (z = 1; z <= 2; z++) for (c = 1; c <= 2; c++) {\n"
		+ "  Stack.setPosition(c, z, t); setMetadata('Label', 'z' + z + ' t' + t);\n"
		+ "}\n"
		+ "Stack.setPosition(1, 1, 1);\n";

	/** Prints the selected image's title, C/Z/T, size, calibration and a label as "name: …". */
	static String describe(String name) {
		return "getDimensions(w, h, c, z, t); getVoxelSize(pw, ph, pd, unit);\n"
			+ "Stack.getUnits(x, y, zu, tu, v); Stack.setPosition(1, z, t);\n"
			+ "print('" + name + ": ' + getTitle() + ' ' + w + 'x' + h + ' c' + c + ' z' + z + ' t' + t + ' ' + pw + ' ' + pd"
			+ " + ' ' + unit + ' ' + Stack.getFrameInterval() + ' ' + tu + ' [' + getInfo('slice.label') + ']');\n";
	}

	@BeforeAll
	static void install() throws Exception {
		fiji = RealFiji.shared();
	}

	private static String weights() {
		return "model=file weights=[" + fiji.safetensors + "] device=cpu iterations=2 size=32";
	}

	@Test
	void everyPlaneOfAHyperstackComesBackWithItsDimensionsCalibrationAndLabels() throws Exception {
		String macro = HYPERSTACK + "n = nImages;\n"
			+ "run('Style Transfer...', 'content=cells.tif style=style-waves.png planes=all " + weights() + "');\n"
			+ "print('new images: ' + (nImages - n));\n" + describe("all")
			+ "print('info: ' + replace(getMetadata('Info'), '\\n', ' | '));\n"
			+ "selectImage('cells.tif');\n"
			+ "run('Style Transfer...', 'content=cells.tif style=style-waves.png planes=frames range=2-3 temporal=0 "
			+ weights() + "');\n" + describe("range")
			+ "selectImage('cells.tif');\n"
			+ "run('Style Transfer...', 'content=cells.tif style=style-waves.png " + weights() + "');\n"
			+ describe("left out");
		Launch l = fiji.batch(macro, null);
		assertEquals("1", l.value("new images: "), l::toString);
		assertEquals("cells-styled-by-style-waves 48x40 c1 z2 t4 0.5 2 microns 10 min [z2 t4]", l.value("all: "),
			l::toString);
		String info = l.value("info: ");
		assertTrue(info.contains("content=cells.tif (planes=all, slices 1-2 of 2, frames 1-4 of 4)")
			&& info.contains("Neural Style sequence: temporal-weight=" + PlaneChoice.DEFAULT_TEMPORAL + " "), l::toString);
		assertEquals("cells-styled-by-style-waves-1 48x40 c1 z1 t2 0.5 2 microns 10 min [z1 t3]", l.value("range: "),
			l::toString);
		// planes and range left out: the current plane only, as before stacks were styled
		assertEquals("cells-styled-by-style-waves-2 48x40 c1 z1 t1 0.5 2 microns 10 min []", l.value("left out: "),
			l::toString);
		assertTrue(l.output().contains("Neural Style: 'cells-styled-by-style-waves' (48×40)"), l::toString);
	}

	@Test
	void impossibleKeysAreReportedAndTheMacroGoesOn() throws Exception {
		String macro = HYPERSTACK + "n = nImages;\n"
			+ "run('Style Transfer...', 'content=cells.tif style=style-waves.png planes=frames range=3-9 " + weights() + "');\n"
			+ "run('Style Transfer...', 'content=cells.tif style=style-waves.png planes=all temporal=abc " + weights() + "');\n"
			+ "run('Style Transfer...', 'content=cells.tif style=style-waves.png planes=frames range=1-1 " + weights() + "');\n"
			+ "print('after: ' + (nImages - n) + ' ' + nSlices);\n";
		Launch l = fiji.batch(macro, null);
		assertTrue(l.output().contains("Neural Style: range=3-9: 'cells.tif' has 4 frames; give a range within 1-4"),
			l::toString);
		assertTrue(l.output().contains("Neural Style: temporal=abc: must be a number ≥ 0"), l::toString);
		assertEquals("1 1", l.value("after: "), "only the last run made an image, of one plane: " + l);
	}

	@Test
	void bundledMacroStylesTheSixteenFrameSampleTimeLapse() throws Exception {
		Path out = fiji.folder("timelapse").resolve("cells-waves");
		Path macro = Paths.get("macros", "style-timelapse.ijm").toAbsolutePath();
		Launch l = fiji.launch(fiji.folder("prefs"), List.of("--headless", "-batch", macro.toString(),
			"content=[" + Paths.get("sample-data/timelapse-cells.tif").toAbsolutePath() + "] style=["
				+ Paths.get("sample-data/style-waves.png").toAbsolutePath() + "] output=[" + out + "] " + weights()));
		assertTrue(l.output().contains("style-timelapse: saved " + out + ".tif and .gif (1 slices, 16 frames, 128x96)"),
			l::toString);
		ImagePlus styled = IJ.openImage(out + ".tif");
		ImagePlus sample = IJ.openImage(Paths.get("sample-data/timelapse-cells.tif").toString());
		assertEquals(List.of(128, 96, 1, 1, 16), List.of(styled.getWidth(), styled.getHeight(), styled.getNChannels(),
			styled.getNSlices(), styled.getNFrames()));
		assertEquals(sample.getCalibration().frameInterval, styled.getCalibration().frameInterval);
		assertEquals(sample.getCalibration().getTimeUnit(), styled.getCalibration().getTimeUnit());
		assertEquals(16, IJ.openImage(out + ".gif").getStackSize());
		assertTrue(l.output().contains("16 planes, temporal error "), l::toString);
	}
}
