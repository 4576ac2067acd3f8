package io.github.neuralstyle.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.neuralstyle.testsupport.RealFiji;
import io.github.neuralstyle.testsupport.RealFiji.Launch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The command inside a real Fiji (see {@link RealFiji}; skipped without {@code FIJI_HOME}),
 * driven by headless {@code -batch} macros through Fiji's launcher, exactly as users' macros
 * reach it: imagej-legacy's option parsing, SciJava's pre-processors and remembered values.
 * Each macro prints what it saw; the test reads those lines.
 */
@EnabledIfEnvironmentVariable(named = RealFiji.HOME, matches = ".+", disabledReason = RealFiji.SKIPPED)
class RealFijiMacroTest {

	static RealFiji fiji;

	/** Two open images as in the reproducer; the content is created last, so it is the active image. */
	static final String TWO_IMAGES = "newImage('style-waves.png', 'RGB noise', 32, 32, 1);\n"
		+ "newImage('content-cells.png', 'RGB ramp', 48, 40, 1);\n";

	@BeforeAll
	static void install() throws Exception {
		fiji = RealFiji.shared();
	}

	/** The recorder's line, with the weights file and small values filled in. */
	static String recorded(String resource, String weights) throws IOException {
		try (InputStream in = RealFijiMacroTest.class.getResourceAsStream(resource)) {
			String line = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter(l -> l.startsWith("run(")).findFirst().orElseThrow();
			return line.replace("WEIGHTS", weights);
		}
	}

	@Test
	void recordedLinesReplayAndEachResultIsSelectedUnderAUniqueTitle() throws Exception {
		String macro = TWO_IMAGES + "n0 = nImages;\n"
			+ recorded("recorded-full.ijm", fiji.h5.toString()) + "\n"
			+ "print('first: ' + (nImages - n0) + ' ' + getTitle() + ' ' + getWidth() + 'x' + getHeight());\n"
			+ "first = getImageID();\n"
			+ recorded("recorded-essentials.ijm", fiji.safetensors.toString()) + "\n"
			+ "print('second: ' + (nImages - n0) + ' ' + getTitle());\n"
			+ "selectImage('content-cells-styled-by-style-waves');\n"
			+ "print('by title: ' + (getImageID() == first));\n";
		Launch l = fiji.batch(macro, null);
		assertEquals("1 content-cells-styled-by-style-waves 48x40", l.value("first: "), l::toString);
		assertEquals("2 content-cells-styled-by-style-waves-1", l.value("second: "), l::toString);
		assertEquals("1", l.value("by title: "), l::toString); // macro booleans print as 1
		// The summary goes to ImageJ's Log (printed headless as it is), not to the SciJava log.
		assertEquals(2, l.lines("Neural Style: 'content-cells-styled-by-style-waves").size(), l::toString);
		// Quiet: no jhdf INFO flood (the .h5 run), no DJL warnings or info lines.
		List<String> noise = l.output().lines().filter(s -> s.startsWith("[INFO]") || s.startsWith("[WARN]")
			|| s.contains("Getting flat data") || s.contains("inter-op threads")).toList();
		assertTrue(noise.isEmpty(), () -> "library log lines:\n" + String.join("\n", noise) + "\n" + l);
	}

	@Test
	void numbersWrittenAsDecimalsWorkAndBadOnesAreReportedAsTypedWithoutStoppingTheMacro() throws Exception {
		String common = "model=file weights=[" + fiji.safetensors + "] device=cpu";
		String macro = TWO_IMAGES
			+ "run('Style Transfer...', 'content=content-cells.png style=style-waves.png " + common
			+ " iterations=2.0 size=32.0 seed=3.0 preview=0.0 resultsize=working');\n"
			+ "print('decimals: ' + getTitle() + ' ' + getWidth() + 'x' + getHeight());\n"
			+ "ok = getImageID(); n = nImages;\n"
			+ "run('Style Transfer...', 'content=content-cells.png style=style-waves.png " + common
			+ " iterations=2 size=64.5');\n"
			+ "run('Style Transfer...', 'content=content-cells.png style=style-waves.png " + common
			+ " iterations=abc size=32');\n"
			+ "run('Style Transfer...', 'content=[no such.png] style=style-waves.png " + common + " iterations=2');\n"
			+ "print('after failures: ' + (getImageID() == ok) + ' ' + (nImages - n));\n";
		Launch l = fiji.batch(macro, null);
		assertEquals("content-cells-styled-by-style-waves 32x27", l.value("decimals: "), l::toString);
		assertTrue(l.output().contains("Neural Style: size=64.5: must be a whole number"), l::toString);
		assertTrue(l.output().contains("Neural Style: iterations=abc: must be a whole number"), l::toString);
		assertTrue(l.output().contains("Neural Style: content=no such.png: no open image has this title"), l::toString);
		assertEquals("1 0", l.value("after failures: "), l::toString); // same image selected, no new one
	}

	/** The "Neural Style settings:" line of the Info a macro printed as "info: …". */
	static String settings(Launch l) {
		String info = l.value("info: ");
		if (info == null) return "";
		for (String part : info.split(" \\| ")) {
			if (part.startsWith("Neural Style settings: ")) return part;
		}
		return "";
	}

	@Test
	void keysLeftOutTakeTheDocumentedDefaultsNotValuesRememberedFromAnEarlierRun() throws Exception {
		Path prefs = fiji.folder("shared-prefs");
		String weights = "model=file weights=[" + fiji.safetensors + "] iterations=2 size=32";
		Launch first = fiji.batch(TWO_IMAGES + "run('Style Transfer...', 'content=content-cells.png"
			+ " style=style-waves.png " + weights + " init=noise seed=7 styleweight=12345 optimizer=adam"
			+ " contentlayers=relu3_1 resultsize=working');\n"
			+ "print('info: ' + replace(getMetadata('Info'), '\\n', ' | '));\n", null, prefs);
		assertTrue(settings(first).contains("beta=12345"), first::toString);

		// A new Fiji with the same preferences; content and style left out too.
		Launch second = fiji.batch(TWO_IMAGES + "run('Style Transfer...', '" + weights + "');\n"
			+ "print('title: ' + getTitle() + ' ' + getWidth() + 'x' + getHeight());\n"
			+ "print('info: ' + replace(getMetadata('Info'), '\\n', ' | '));\n", null, prefs);
		String info = settings(second);
		assertEquals("content-cells-styled-by-style-waves 48x40", second.value("title: "), second::toString);
		assertFalse(info.isEmpty() || info.contains("12345") || info.contains("noise") || info.contains("adam")
			|| info.contains("seed=7"), second::toString);
		assertTrue(info.contains("preset=gatys content=relu4_2 ") && info.contains("init=content")
			&& info.contains("seed=0"), info);
	}
}
