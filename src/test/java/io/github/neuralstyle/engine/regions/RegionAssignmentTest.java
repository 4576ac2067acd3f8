package io.github.neuralstyle.engine.regions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Label → style assignments as the command line will write them. */
class RegionAssignmentTest {

	@Test
	void readsPairsAndNone() {
		assertEquals(Map.of(0, RegionAssignment.NONE, 1, 0, 2, 1), RegionAssignment.parse(" 1:0, 2:1 ,0:None", 2));
	}

	@Test
	void badPairsNameTheProblemAndTheForm() {
		for (String[] c : new String[][] { { "1:2", "names style 2 of 2" }, { "1-0", "has no ':'" }, { "a:0", "label number" },
			{ "1:0,1:1", "repeats label 1" }, { "1:x", "no style index" }, { "-1:0", "negative label" } })
		{
			String m = assertThrows(IllegalArgumentException.class, () -> RegionAssignment.parse(c[0], 2)).getMessage();
			assertTrue(m.contains(c[1]) && m.contains("e.g. 1:0,2:1,0:none"), c[0] + ": " + m);
		}
		assertTrue(assertThrows(IllegalArgumentException.class, () -> RegionAssignment.parse(" ", 2)).getMessage().contains("empty"));
	}
}
