package io.github.neuralstyle.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.neuralstyle.engine.Preset;
import io.github.neuralstyle.engine.color.ColourMode;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.scijava.plugin.Parameter;

/**
 * The dialog's choice lists are annotation constants, which Java cannot compute from an enum;
 * these checks keep them equal to the engine's lists, so that a new preset or mode cannot be
 * missing from the dialog.
 */
class CommandChoicesTest {

	private static List<String> choices(String field) throws NoSuchFieldException {
		return Arrays.asList(StyleTransferCommand.class.getDeclaredField(field).getAnnotation(Parameter.class).choices());
	}

	@Test
	void presetChoicesAreEveryPresetOfTheEngine() throws Exception {
		assertEquals(Preset.ids(), choices("preset"));
	}

	@Test
	void originalColoursAreEveryColourMode() throws Exception {
		assertEquals(Arrays.stream(ColourMode.values()).map(ColourMode::id).toList(), choices("originalcolors"));
	}

	@Test
	void regionSourcesAreEveryRegionSource() throws Exception {
		assertEquals(Arrays.asList(RegionSources.ids()), choices("regions"));
	}
}
