package io.github.neuralstyle.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.neuralstyle.engine.regions.RegionAssignment;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The blend weights and region styles as a macro types them. */
class ControlParametersTest {

	private static final int NONE = RegionAssignment.NONE;

	@Test
	void blendWeightsAsTyped() {
		assertArrayEquals(new double[] { 1 }, ControlParameters.blend("1"));
		assertArrayEquals(new double[] { 3, 7 }, ControlParameters.blend(" 3, 7 "));
		assertArrayEquals(new double[] { 1, 0, 2.5e-1 }, ControlParameters.blend("1,0,2.5e-1"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "0", "0,0", "1,2,3,4", "a", "1,-1", "1,,2", "NaN", "Infinity" })
	void badBlendWeightsAreRefusedAsTyped(String typed) {
		var e = assertThrows(IllegalArgumentException.class, () -> ControlParameters.blend(typed));
		assertTrue(e.getMessage().startsWith("styleblend=" + typed + ": give one weight ≥ 0 per style used"), e.getMessage());
	}

	@Test
	void autoGivesRegionNTheNthStyleCyclingAndTheBackgroundNone() {
		int[] plane = { 0, 1, 2, 3, 3 };
		assertEquals(Map.of(0, NONE, 1, 0, 2, 1, 3, 0), ControlParameters.regionStyles("auto", plane, 2));
		assertEquals(Map.of(0, NONE, 1, 0, 2, 0, 3, 0), ControlParameters.regionStyles("AUTO", plane, 1));
		assertEquals(Map.of(1, 0), ControlParameters.regionStyles("auto", new int[] { 1, 1 }, 3), "no background, no entry");
	}

	@Test
	void pairsNameStylesByTheirKeysAndLeftOutRegionsKeepTheContent() {
		int[] plane = { 0, 1, 2, 5 };
		assertEquals(Map.of(0, 2, 1, NONE, 2, 1, 5, NONE),
			ControlParameters.regionStyles("0:style3, 1:none,2:Style2", plane, 3));
		var absent = assertThrows(IllegalArgumentException.class, () -> ControlParameters.regionStyles("9:style", plane, 1));
		assertEquals("regionstyles=9:style: region 9 is not in the regions, which have [0, 1, 2, 5] (0 = background); name only"
			+ " those", absent.getMessage());
	}

	@Test
	void badPairsAreRefusedWithTheFix() {
		int[] plane = { 0, 1 };
		var unused = assertThrows(IllegalArgumentException.class, () -> ControlParameters.regionStyles("1:style2", plane, 1));
		assertEquals("regionstyles=1:style2: '1:style2' names style2, but styleblend gives 1 weight(s), so only style are used;"
			+ " add a weight to styleblend (e.g. 1,1) or name a style in use", unused.getMessage());
		for (String bad : new String[] { "1", "x:style", "-1:style", "1:style4", "1:0" }) {
			var e = assertThrows(IllegalArgumentException.class, () -> ControlParameters.regionStyles(bad, plane, 3));
			assertTrue(e.getMessage().startsWith("regionstyles=" + bad + ": '"), e.getMessage());
			assertTrue(e.getMessage().contains("is not region:style"), e.getMessage());
		}
		var twice = assertThrows(IllegalArgumentException.class, () -> ControlParameters.regionStyles("1:style,1:none", plane, 1));
		assertTrue(twice.getMessage().contains("region 1 is given twice"), twice.getMessage());
	}
}
