package io.github.neuralstyle.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** {@code --shard i/n} and SLURM's array variables: values, precedence, and messages for bad ones. */
class ShardTest {

	@Test
	void parsesIndexOverCount() {
		assertEquals(new Shard(2, 8), Shard.parse("--shard", " 2/8 "));
		assertEquals("2/8", new Shard(2, 8).toString());
		assertTrue(Shard.parse("--shard", "0/1").isWhole());
	}

	@Test
	void badShardsSayWhatIsValid() {
		assertEquals("--shard 4/4: shard 4 of 4 does not exist: shards are numbered 0 to 3 (like sbatch --array=0-3)",
			message(() -> Shard.parse("--shard", "4/4")));
		assertTrue(message(() -> Shard.parse("--shard", "-1/4")).contains("numbered 0 to 3"));
		assertTrue(message(() -> Shard.parse("--shard", "0/0")).contains("at least 1 shard"));
		assertTrue(message(() -> Shard.parse("--shard", "3")).contains("must be written i/n"));
		assertTrue(message(() -> Shard.parse("--shard", "a/4")).contains("two whole numbers i/n"));
	}

	@Test
	void slurmArrayVariablesNameTheShard() {
		ShardChoice c = ShardChoice.resolve(null, Map.of("SLURM_ARRAY_TASK_ID", "3", "SLURM_ARRAY_TASK_COUNT", "4",
			"SLURM_ARRAY_TASK_MIN", "0", "SLURM_ARRAY_TASK_MAX", "3")::get);
		assertEquals(new Shard(3, 4), c.shard());
		assertNull(c.note());
	}

	@Test
	void arraysStartingAtOneOrSteppingAreCountedFromTheirFirstTask() {
		assertEquals(new Shard(0, 4), ShardChoice.resolve(null, Map.of("SLURM_ARRAY_TASK_ID", "1", "SLURM_ARRAY_TASK_COUNT",
			"4", "SLURM_ARRAY_TASK_MIN", "1")::get).shard());
		assertEquals(new Shard(2, 3), ShardChoice.resolve(null, Map.of("SLURM_ARRAY_TASK_ID", "10", "SLURM_ARRAY_TASK_COUNT",
			"3", "SLURM_ARRAY_TASK_MIN", "0", "SLURM_ARRAY_TASK_STEP", "5")::get).shard());
		// Without SLURM_ARRAY_TASK_COUNT (SLURM before 18.08) the range gives the count.
		assertEquals(new Shard(1, 3), ShardChoice.resolve(null, Map.of("SLURM_ARRAY_TASK_ID", "1", "SLURM_ARRAY_TASK_MIN",
			"0", "SLURM_ARRAY_TASK_MAX", "2")::get).shard());
	}

	@Test
	void sparseArraysAreRefusedWithTheFix() {
		String m = message(() -> ShardChoice.resolve(null, Map.of("SLURM_ARRAY_TASK_ID", "7", "SLURM_ARRAY_TASK_COUNT", "3",
			"SLURM_ARRAY_TASK_MIN", "0")::get));
		assertTrue(m.contains("SLURM_ARRAY_TASK_ID=7") && m.contains("--array=0-(n-1)") && m.contains("--shard i/n"), m);
		assertTrue(message(() -> ShardChoice.resolve(null, Map.of("SLURM_ARRAY_TASK_ID", "x")::get)).contains("not a whole number"));
	}

	@Test
	void theOptionWinsOverSlurmAndSaysSo() {
		ShardChoice c = ShardChoice.resolve("1/2", Map.of("SLURM_ARRAY_TASK_ID", "3", "SLURM_ARRAY_TASK_COUNT", "4")::get);
		assertEquals(new Shard(1, 2), c.shard());
		assertEquals("--shard 1/2 is used; SLURM_ARRAY_TASK_ID=3 and SLURM_ARRAY_TASK_COUNT=4 are ignored", c.note());
		// Resubmitting one task (--array=2) gives a one-task array: the option says which shard it redoes.
		assertEquals(new Shard(2, 4), ShardChoice.resolve("2/4", Map.of("SLURM_ARRAY_TASK_ID", "2", "SLURM_ARRAY_TASK_COUNT",
			"1", "SLURM_ARRAY_TASK_MIN", "2")::get).shard());
		assertNull(ShardChoice.resolve("3/4", Map.of("SLURM_ARRAY_TASK_ID", "3", "SLURM_ARRAY_TASK_COUNT", "4")::get).note(),
			"no note where the option and SLURM agree");
	}

	@Test
	void outsideAnArrayWithoutTheOptionTheRunIsWhole() {
		ShardChoice c = ShardChoice.resolve(null, Map.<String, String>of()::get);
		assertEquals(Shard.ALL, c.shard());
		assertNull(c.note());
	}

	private static String message(Runnable r) {
		return assertThrows(IllegalArgumentException.class, r::run).getMessage();
	}
}
