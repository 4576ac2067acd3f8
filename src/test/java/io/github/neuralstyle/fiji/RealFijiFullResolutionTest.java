package io.github.neuralstyle.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.neuralstyle.testsupport.RealFiji;
import io.github.neuralstyle.testsupport.RealFiji.Launch;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * {@code resultsize=full} inside a real Fiji (see {@link RealFiji}; skipped without
 * {@code FIJI_HOME}): a headless macro styles a small image at its own size, made to tile by a
 * small {@code memorybudget}, and gets a result of the content's size.
 */
@EnabledIfEnvironmentVariable(named = RealFiji.HOME, matches = ".+", disabledReason = RealFiji.SKIPPED)
class RealFijiFullResolutionTest {

	static RealFiji fiji;

	@BeforeAll
	static void install() throws Exception {
		fiji = RealFiji.shared();
	}

	@Test
	void fullResolutionMacroTilesWithinTheBudgetAndKeepsTheContentsSize() throws Exception {
		// Layers up to relu2_2 need a 6 px halo, so a 96×80 image splits into tiles (relu5_1's 80 px would not).
		String common = "model=file weights=[" + fiji.safetensors + "] device=cpu iterations=2 optimizer=adam"
			+ " learningrate=0.05 scales=1 stylelayers=relu1_1,relu2_1 contentlayers=relu2_2";
		String macro = "newImage('style-waves.png', 'RGB noise', 32, 32, 1);\n"
			+ "newImage('content-cells.png', 'RGB ramp', 96, 80, 1);\n"
			+ "run('Style Transfer...', 'content=content-cells.png style=style-waves.png " + common
			+ " resultsize=full memorybudget=10m');\n"
			+ "print('full: ' + getTitle() + ' ' + getWidth() + 'x' + getHeight());\n"
			+ "print('info: ' + replace(getMetadata('Info'), '\\n', ' | '));\n"
			+ "selectImage('content-cells.png');\n"
			+ "run('Style Transfer...', 'content=content-cells.png style=style-waves.png " + common
			+ " resultsize=full memorybudget=1k');\n"
			+ "print('refused: ' + getTitle());\n";
		Launch l = fiji.batch(macro, null);
		assertEquals("content-cells-styled-by-style-waves 96x80", l.value("full: "), l::toString);
		assertTrue(l.value("info: ").contains("size=96 "), l::toString);
		List<String> tiling = l.lines("Neural Style: 96×80 px in ");
		assertEquals(1, tiling.size(), l::toString);
		assertTrue(tiling.get(0).matches("Neural Style: 96×80 px in [2-9] tiles of core \\d+ px, halo 6 px; estimated \\d+ MB"
			+ " of a 10 MB memory budget \\(as given by memorybudget\\)"), tiling::toString);
		assertEquals("content-cells.png", l.value("refused: "), l::toString);
		assertTrue(l.output().contains("Neural Style: resultsize=full: a 96×80 px run needs about "), l::toString);
		assertTrue(l.output().contains("; raise memorybudget, or use resultsize=content with a smaller size"), l::toString);
	}
}
