package io.github.neuralstyle.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Chunks of a run: disjoint, covering, contiguous, balanced, the same every time, lead-ins inside the run. */
class ChunkTest {

	@Test
	void chunksAreDisjointAndCoverEveryItemOnceForManySplits() {
		for (int items = 0; items <= 40; items++) {
			for (int n = 1; n <= 12; n++) {
				int[] owners = new int[items];
				int next = 0;
				int smallest = Integer.MAX_VALUE;
				int largest = 0;
				for (int i = 0; i < n; i++) {
					Chunk c = Chunk.of(items, new Shard(i, n), 3);
					assertEquals(next, c.first(), "chunks are contiguous and in shard order: " + items + " items, " + i + "/" + n);
					for (int k = c.first(); k < c.end(); k++) owners[k]++;
					next = c.end();
					smallest = Math.min(smallest, c.owned());
					largest = Math.max(largest, c.owned());
				}
				assertEquals(items, next, "the last chunk ends at the last item");
				for (int k = 0; k < items; k++) assertEquals(1, owners[k], "item " + k + " of " + items + " in " + n + " shards");
				assertTrue(largest - smallest <= 1, "balanced: " + smallest + ".." + largest + " for " + items + "/" + n);
			}
		}
	}

	@Test
	void sixteenFramesInFourShardsAreFourBlocksOfFour() {
		List<Chunk> chunks = new ArrayList<>();
		for (int i = 0; i < 4; i++) chunks.add(Chunk.of(16, new Shard(i, 4), 2));
		assertEquals(List.of(new Chunk(0, 4, 0), new Chunk(4, 8, 2), new Chunk(8, 12, 6), new Chunk(12, 16, 10)), chunks);
	}

	@Test
	void leadInStartsEarlierButNeverBeforeTheFirstItem() {
		Chunk first = Chunk.of(10, new Shard(0, 3), 5);
		assertEquals(0, first.computeFrom(), "the first chunk has nothing before it");
		Chunk second = Chunk.of(10, new Shard(1, 3), 5);
		assertEquals(3, second.first());
		assertEquals(0, second.computeFrom(), "a lead-in longer than the chunk before stops at item 0");
		Chunk third = Chunk.of(10, new Shard(2, 3), 2);
		assertEquals(6, third.first());
		assertEquals(4, third.computeFrom());
		assertEquals(6, third.computed(), "2 lead-in + 4 owned");
		assertTrue(third.owns(6) && third.owns(9) && !third.owns(5) && !third.owns(10));
	}

	@Test
	void withoutLeadInEveryShardComputesOnlyWhatItWrites() {
		for (int i = 0; i < 5; i++) {
			Chunk c = Chunk.of(23, new Shard(i, 5), 0);
			assertEquals(c.first(), c.computeFrom());
			assertEquals(c.owned(), c.computed());
		}
	}

	@Test
	void moreShardsThanItemsLeavesSomeShardsEmpty() {
		int nonEmpty = 0;
		for (int i = 0; i < 8; i++) {
			Chunk c = Chunk.of(3, new Shard(i, 8), 2);
			if (c.owned() > 0) nonEmpty++;
			else assertEquals(0, c.computed(), "an empty shard computes nothing, lead-in included");
		}
		assertEquals(3, nonEmpty);
	}

	@Test
	void sameInputsGiveTheSameChunk() {
		assertEquals(Chunk.of(2000, new Shard(37, 64), 3), Chunk.of(2000, new Shard(37, 64), 3));
		// Large runs do not overflow: 2,000,000 items in 1,000 shards.
		Chunk last = Chunk.of(2_000_000, new Shard(999, 1000), 0);
		assertEquals(1_998_000, last.first());
		assertEquals(2_000_000, last.end());
	}

	@Test
	void negativeCountsAreRefused() {
		assertThrows(IllegalArgumentException.class, () -> Chunk.of(-1, Shard.ALL, 0));
		assertThrows(IllegalArgumentException.class, () -> Chunk.of(5, Shard.ALL, -1));
	}
}
