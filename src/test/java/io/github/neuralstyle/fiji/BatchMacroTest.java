package io.github.neuralstyle.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;

import java.util.Map;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.scijava.command.CommandModule;

/**
 * A real ImageJ 1.x batch-mode macro, run headless, sees the command's result. Fiji's
 * {@code run("Style Transfer...", options)} needs imagej-legacy (not on Maven Central), so the
 * macro reaches the command through {@code call(...)} instead; what happens to the result
 * afterwards is the same.
 */
public class BatchMacroTest {

	@AutoClose
	private static final CommandHarness harness = new CommandHarness();

	@Test
	void batchMacroSelectsAndMeasuresTheResult() {
		// nImages counted from the start: images other tests left registered must not matter
		String macro = "setBatchMode(true);\n"
			+ "n0 = nImages;\n"
			+ "newImage('cells', 'RGB ramp', 40, 24, 1);\n"
			+ "r = call('" + BatchMacroTest.class.getName() + ".styleImage', 'cells');\n"
			+ "return r + '|' + getTitle() + '|' + (nImages - n0) + '|' + getWidth() + 'x' + getHeight();";
		try {
			assertEquals("ok|cells-styled-by-cells|2|40x24", IJ.runMacro(macro));
		}
		finally {
			WindowManager.setTempCurrentImage(null);
		}
	}

	/** Called from the macro: styles the open image {@code title} by itself. */
	public static String styleImage(String title) throws Exception {
		ImagePlus imp = WindowManager.getImage(title);
		if (imp == null) return "no image " + title;
		CommandModule m = harness.run(CommandHarness.fast(Map.of("content", imp, "style", imp)));
		return m.isCanceled() ? m.getCancelReason() : "ok";
	}
}
