package io.github.neuralstyle.engine.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;

import org.junit.jupiter.api.Test;

class MmapThresholdTest {

	/** glibc's {@code struct mallinfo2}: ten size_t counters. */
	@Structure.FieldOrder({ "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks",
		"keepcost" })
	public static class MallInfo2 extends Structure implements Structure.ByValue {
		public long arena, ordblks, smblks, hblks, hblkhd, usmblks, fsmblks, uordblks, fordblks, keepcost;
	}

	/** The C library calls the test observes the allocator with. */
	interface Malloc extends Library {
		MallInfo2 mallinfo2();
		Pointer malloc(long size);
		void free(Pointer p);
		int setenv(String name, String value, int overwrite);
		int unsetenv(String name);
		String getenv(String name);
		int malloc_trim(long pad);
	}

	private static final Malloc C = Platform.isLinux() ? Native.load("c", Malloc.class) : null;

	/** Bytes in blocks with a mapping of their own while a block of {@code bytes} is held (it is freed after). */
	private static long mappedWhileHeld(long bytes) {
		long before = C.mallinfo2().hblkhd;
		Pointer p = C.malloc(bytes);
		long held = C.mallinfo2().hblkhd - before;
		C.free(p);
		return held;
	}

	/**
	 * A block larger than all free space the C heap holds, so that it cannot reuse a free chunk
	 * (the threshold decides only when the heap must grow), and below the usual 32 MiB threshold.
	 */
	private static long freshBlock() {
		long block = Math.max(2L << 20, C.mallinfo2().fordblks + (1L << 20));
		assumeTrue(block < MmapThreshold.USUAL, "the C heap holds over 31 MiB of free space");
		return block;
	}

	@Test
	void aLowThresholdGivesLargeBlocksTheirOwnMappingAndTheUsualOneDoesNot() {
		assumeTrue(Platform.isLinux() && C.getenv(MmapThreshold.VARIABLE) == null, "glibc without a user threshold");
		try {
			assertTrue(MmapThreshold.set(MmapThreshold.USUAL));
			assertEquals(0, mappedWhileHeld(freshBlock()), "below the usual 32 MiB a block comes from the heap");
			assertTrue(MmapThreshold.set(MmapThreshold.TILED));
			long block = freshBlock();
			assertTrue(mappedWhileHeld(block) >= block, "above 1 MiB a block has its own mapping, returned when freed");
		}
		finally {
			MmapThreshold.set(MmapThreshold.USUAL);
			// The heap grew for the fresh blocks: give it back so that later tests' RSS is not
			// fed from a large free area (MemoryTest measures RSS growth).
			C.malloc_trim(0);
		}
	}

	@Test
	void leavesAUsersThresholdAlone() {
		assumeTrue(Platform.isLinux() && C.getenv(MmapThreshold.VARIABLE) == null, "glibc without a user threshold");
		try {
			C.setenv(MmapThreshold.VARIABLE, "8388608", 1);
			assertFalse(MmapThreshold.set(MmapThreshold.TILED));
		}
		finally {
			C.unsetenv(MmapThreshold.VARIABLE);
		}
	}

	@Test
	void aTiledRunRestoresTheUsualThresholdWhenItEnds() {
		assumeTrue(Platform.isLinux() && C.getenv(MmapThreshold.VARIABLE) == null, "glibc without a user threshold");
		Runnable restore = Devices.returnFreedMemory();
		long block = freshBlock();
		assertTrue(mappedWhileHeld(block) >= block);
		restore.run();
		assertEquals(0, mappedWhileHeld(freshBlock()));
		C.malloc_trim(0);
	}
}
