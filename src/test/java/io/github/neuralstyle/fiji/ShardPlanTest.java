package io.github.neuralstyle.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;

import io.github.neuralstyle.image.PlaneSelection;
import io.github.neuralstyle.shard.Chunk;
import io.github.neuralstyle.shard.Shard;
import io.github.neuralstyle.testsupport.TestHyperstacks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/** The {@code shard} key's values and which planes of a stack each shard styles. */
class ShardPlanTest {

	private static final Function<String, String> NO_SLURM = name -> null;

	private static Function<String, String> slurm(int id, int count) {
		return Map.of("SLURM_ARRAY_TASK_ID", "" + id, "SLURM_ARRAY_TASK_COUNT", "" + count)::get;
	}

	private static Shard parse(String value, Function<String, String> env) {
		return ShardPlan.parse(value, env, note -> { throw new AssertionError("unexpected note: " + note); });
	}

	@Test
	void noneAutoAndIOfNAreTheValues() {
		assertNull(parse("none", NO_SLURM));
		assertNull(parse(" ", NO_SLURM), "left empty: none");
		assertNull(parse("none", slurm(1, 4)), "none styles every plane even in an array task");
		assertEquals(new Shard(3, 4), parse("auto", slurm(3, 4)));
		assertEquals(new Shard(1, 3), parse(" 1/3 ", NO_SLURM));
		List<String> notes = new ArrayList<>();
		assertEquals(new Shard(0, 4), ShardPlan.parse("0/4", slurm(2, 4), notes::add));
		assertEquals(List.of("Neural Style: shard=0/4 is used; SLURM_ARRAY_TASK_ID=2 and SLURM_ARRAY_TASK_COUNT=4 are ignored"),
			notes);
	}

	@Test
	void badValuesNameTheProblemAndTheFix() {
		String auto = assertThrows(IllegalArgumentException.class, () -> parse("auto", NO_SLURM)).getMessage();
		assertEquals("shard=auto: SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT are not set, so this is not a SLURM array"
			+ " task: submit with sbatch --array=0-(n-1), or give the shard yourself as shard=i/n (e.g. shard=0/4), or"
			+ " shard=none for every plane", auto);
		assertEquals("shard=2/2: shard 2 of 2 does not exist: shards are numbered 0 to 1 (like sbatch --array=0-1)",
			assertThrows(IllegalArgumentException.class, () -> parse("2/2", NO_SLURM)).getMessage());
		assertEquals("shard=half: must be none, auto (SLURM's array task) or i/n (shard i of n, i from 0 to n-1, e.g."
			+ " shard=0/4)", assertThrows(IllegalArgumentException.class, () -> parse("half", NO_SLURM)).getMessage());
		assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("a/b", NO_SLURM)).getMessage()
			.startsWith("shard=a/b: must be two whole numbers i/n"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("auto", slurm(5, 4))).getMessage()
			.contains("give shard=i/n yourself"), "the SLURM error suggests the macro key, not --shard");
	}

	@Test
	void framesOfATimeLapseSplitLikeTheCommandLinesFrames() {
		ImagePlus t = TestHyperstacks.gray16("t.tif", 8, 6, 1, 7);
		PlaneSelection frames = PlaneSelection.of(t, PlaneSelection.Mode.FRAMES, "");
		// floor(7k/3): 0, 2, 4, 7, as --shard k/3 splits a 7-frame folder
		assertEquals(List.of(0, 1), ShardPlan.of(frames, new Shard(0, 3), 0).owned());
		assertEquals(List.of(2, 3), ShardPlan.of(frames, new Shard(1, 3), 0).owned());
		assertEquals(List.of(4, 5, 6), ShardPlan.of(frames, new Shard(2, 3), 0).owned());
		ShardPlan second = ShardPlan.of(frames, new Shard(1, 3), 2);
		assertEquals(List.of(new Chunk(2, 4, 0)), second.perSequence(), "two frames of lead-in");
		assertEquals("shard 1/3: planes 3-4 (frame 3/7 to frame 4/7) of 7, starting 2 plane(s) early for temporal"
			+ " consistency", second.describe());
		PlaneSelection range = PlaneSelection.of(t, PlaneSelection.Mode.FRAMES, "3-6");
		assertEquals("shard 1/2: planes 3-4 (frame 5 (3/4) to frame 6 (4/4)) of 4",
			ShardPlan.of(range, new Shard(1, 2), 0).describe());
		assertEquals("shard 4/8: no planes (4 planes in 8 shards)", ShardPlan.of(range, new Shard(4, 8), 0).describe());
	}

	@Test
	void shardsOfAHyperstackAreDisjointCoverEveryPlaneAndLeadInStaysInItsSequence() {
		ImagePlus zt = TestHyperstacks.gray16("zt.tif", 8, 6, 2, 5);
		PlaneSelection all = PlaneSelection.of(zt, PlaneSelection.Mode.ALL, "");
		for (int n = 1; n <= 12; n++) {
			TreeSet<Integer> seen = new TreeSet<>();
			int smallest = Integer.MAX_VALUE, largest = 0;
			for (int i = 0; i < n; i++) {
				List<Integer> owned = ShardPlan.of(all, new Shard(i, n), 2).owned();
				for (int k : owned) assertTrue(seen.add(k), "plane " + k + " in two shards of " + n);
				smallest = Math.min(smallest, owned.size());
				largest = Math.max(largest, owned.size());
			}
			assertEquals(10, seen.size(), n + " shards cover the 10 planes");
			assertTrue(largest - smallest <= 1, n + " shards: sizes " + smallest + "-" + largest);
		}
		// slice 1's frames (stack order 0, 2, 4, 6, 8), then slice 2's (1, 3, …); 3 shards start at 0, 3, 6
		assertEquals(List.of(6, 8, 1), ShardPlan.of(all, new Shard(1, 3), 2).owned());
		assertEquals(List.of(new Chunk(3, 5, 1), new Chunk(0, 1, 0)), ShardPlan.of(all, new Shard(1, 3), 2).perSequence(),
			"lead-in frames 2-3 of slice 1; slice 2 starts its own sequence");
		assertEquals(List.of(new Chunk(0, 0, 0), new Chunk(1, 5, 0)), ShardPlan.of(all, new Shard(2, 3), 2).perSequence(),
			"one frame of lead-in: slice 2's sequence begins one frame before the chunk");
	}
}
