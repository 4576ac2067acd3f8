package io.github.neuralstyle.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;

import io.github.neuralstyle.testsupport.RealFiji;
import io.github.neuralstyle.testsupport.RealFiji.Launch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The bundled macros and the Groovy script, unchanged from {@code macros/}, inside a real Fiji
 * (see {@link RealFiji}; skipped without {@code FIJI_HOME}), headless through Fiji's launcher
 * with the arguments their headers document; and every ImageJ image type as content.
 * Numbers are passed as {@code 2.0}, the way {@code Dialog.getNumber()} writes them.
 */
@EnabledIfEnvironmentVariable(named = RealFiji.HOME, matches = ".+", disabledReason = RealFiji.SKIPPED)
class RealFijiScriptsTest {

	static RealFiji fiji;
	static Path images;

	@BeforeAll
	static void install() throws Exception {
		fiji = RealFiji.shared();
		images = fiji.folder("images");
		save(IJ.createImage("cells a", "RGB ramp", 40, 30, 1), images.resolve("cells a.png"));
		save(IJ.createImage("cells-b", "8-bit ramp", 36, 36, 1), images.resolve("cells-b.png"));
		// Too thin to style at any size: at 32 px its short side would be 0 px.
		save(IJ.createImage("thin", "8-bit ramp", 64, 1, 1), images.resolve("thin.png"));
		save(IJ.createImage("waves", "RGB noise", 32, 32, 1), images.getParent().resolve("waves.png"));
	}

	private static void save(ImagePlus imp, Path file) {
		assertTrue(new FileSaver(imp).saveAsPng(file.toString()), file::toString);
	}

	private static String macro(String name) throws Exception {
		return Files.readString(Paths.get("macros", name));
	}

	private String small() {
		return " model=file weights=[" + fiji.safetensors + "] size=32.0 device=cpu";
	}

	@Test
	void batchStyleStylesTheFolderAndReportsTheImageThatFailed() throws Exception {
		Path out = fiji.folder("batch-out");
		Launch l = fiji.batch(macro("batch-style.ijm"), "input=[" + images + "] style=[" + images.getParent()
			.resolve("waves.png") + "] output=[" + out + "] preset=gatys iterations=2.0" + small());
		assertTrue(Files.isRegularFile(out.resolve("cells a-styled.png")), l::toString);
		assertTrue(Files.isRegularFile(out.resolve("cells-b-styled.png")), l::toString);
		assertTrue(l.output().contains("Neural Style: content image 'thin.png'"), l::toString);
		assertEquals(List.of("batch-style: FAILED thin.png (the reason is in the Log above)"),
			l.lines("batch-style: FAILED"), l::toString);
		assertEquals(List.of("batch-style: styled 2 images into " + out + "; FAILED: thin.png"),
			l.lines("batch-style: styled"), l::toString);
	}

	@Test
	void sweepWeightsAndAnimateWriteTheirFiles() throws Exception {
		Path out = fiji.folder("sweep-out");
		String content = "content=[" + images.resolve("cells a.png") + "] style=[" + images.getParent().resolve("waves.png")
			+ "]";
		Launch sweep = fiji.batch(macro("sweep-weights.ijm"), content + " styleweights=[10,1000] contentweights=[1]"
			+ " output=[" + out.resolve("sweep.png") + "] iterations=2.0" + small());
		assertTrue(Files.isRegularFile(out.resolve("sweep.png")), sweep::toString);
		assertTrue(Files.isRegularFile(out.resolve("sweep-stack.tif")), sweep::toString);
		assertEquals(1, sweep.lines("sweep-weights: montage of 2 results saved to").size(), sweep::toString);

		Launch animate = fiji.batch(macro("animate.ijm"), content + " output=[" + out.resolve("movie") + "] frames=2.0"
			+ " every=1.0 fps=4.0" + small());
		for (String ext : List.of("tif", "gif", "avi")) {
			assertTrue(Files.size(out.resolve("movie." + ext)) > 0, animate::toString);
		}
		assertEquals(List.of("animate: frame 1/2 (1 iterations)", "animate: frame 2/2 (2 iterations)"),
			animate.lines("animate: frame"), animate::toString);
	}

	@Test
	void groovyScriptRunsHeadless() throws Exception {
		Path out = fiji.folder("groovy-out").resolve("cells-waves.png");
		Launch l = fiji.launch(fiji.folder("prefs"), List.of("--headless", "--run", Paths.get("macros",
			"style_pipeline.groovy").toAbsolutePath().toString(), "contentFile=\"" + images.resolve("cells a.png")
				+ "\",styleFile=\"" + images.getParent().resolve("waves.png") + "\",outputFile=\"" + out
				+ "\",preset=\"gatys\",iterations=2,size=32,styleweight=\"preset\",model=\"file\",weightsFile=\""
				+ fiji.safetensors + "\",device=\"cpu\""));
		assertTrue(Files.isRegularFile(out), l::toString);
		assertTrue(l.output().contains("style_pipeline: cells a-styled-by-waves (40x30) saved to " + out), l::toString);
	}

	@Test
	void everyImageTypeIsStyledAndKeepsItsType() throws Exception {
		String[][] types = { // newImage type, channels, slices, frames, expected bit depth of the result
			{ "8-bit ramp", "1", "1", "1", "8" }, { "16-bit ramp", "1", "1", "1", "16" },
			{ "32-bit ramp", "1", "1", "1", "32" }, { "RGB ramp", "1", "1", "1", "24" },
			{ "8-bit composite-mode ramp", "3", "1", "1", "24" }, { "16-bit ramp", "1", "3", "1", "16" },
			{ "8-bit color-mode ramp", "2", "2", "2", "24" } };
		StringBuilder m = new StringBuilder("newImage('gray-style', '8-bit random', 32, 32, 1);\n");
		for (int i = 0; i < types.length; i++) {
			String[] t = types[i];
			m.append("newImage('c" + i + "', '" + t[0] + "', 48, 40, " + t[1] + ", " + t[2] + ", " + t[3] + ");\n");
			m.append("run('Style Transfer...', 'content=c" + i + " style=gray-style iterations=2" + small() + "');\n");
			m.append("print('type " + i + ": ' + getTitle() + ' ' + bitDepth() + ' ' + getWidth() + 'x' + getHeight());\n");
		}
		// Working-size results: an uncalibrated content stays uncalibrated, a calibrated one is rescaled.
		m.append("newImage('cal', '8-bit ramp', 64, 48, 1);\n");
		m.append("run('Style Transfer...', 'content=cal style=gray-style iterations=2 resultsize=working" + small() + "');\n");
		m.append("getPixelSize(unit, pw, ph); print('uncalibrated: ' + getWidth() + ' ' + pw + ' ' + unit);\n");
		m.append("selectImage('cal'); run('Properties...', 'unit=um pixel_width=0.5 pixel_height=0.5');\n");
		m.append("run('Style Transfer...', 'content=cal style=gray-style iterations=2 resultsize=working" + small() + "');\n");
		m.append("getPixelSize(unit, pw, ph); print('calibrated: ' + getWidth() + ' ' + pw + ' ' + unit);\n");
		Launch l = fiji.batch(m.toString(), null);
		for (int i = 0; i < types.length; i++) {
			assertEquals("c" + i + "-styled-by-gray-style " + types[i][4] + " 48x40", l.value("type " + i + ": "),
				l::toString);
		}
		assertEquals("32 1 pixels", l.value("uncalibrated: "), l::toString);
		assertEquals("32 1 " + "\u00b5m", l.value("calibrated: "), l::toString);
	}
}
