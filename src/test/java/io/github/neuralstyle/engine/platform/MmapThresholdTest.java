package io.github.neuralstyle.engine.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The threshold as the C allocator sees it. Observed in a fresh JVM ({@link Probe}): in the test
 * JVM, earlier tests leave free chunks of every size in the C heap, which a block is carved from
 * whatever the threshold (it decides only when the heap must grow).
 */
class MmapThresholdTest {

	/** glibc's {@code struct mallinfo2}: ten size_t counters. */
	@Structure.FieldOrder({ "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks",
		"keepcost" })
	public static class MallInfo2 extends Structure implements Structure.ByValue {
		public long arena, ordblks, smblks, hblks, hblkhd, usmblks, fsmblks, uordblks, fordblks, keepcost;
	}

	/** The C library calls the probe observes the allocator with. */
	interface Malloc extends Library {
		MallInfo2 mallinfo2();
		Pointer malloc(long size);
		void free(Pointer p);
		int setenv(String name, String value, int overwrite);
		int unsetenv(String name);
		String getenv(String name);
	}

	private static final Malloc C = Platform.isLinux() ? Native.load("c", Malloc.class) : null;

	@Test
	void aLowThresholdGivesLargeBlocksTheirOwnMappingAndARunRestoresTheUsualOne() throws Exception {
		assumeTrue(Platform.isLinux() && System.getenv(MmapThreshold.VARIABLE) == null, "glibc without a user threshold");
		// usual: a block below 32 MiB comes from the heap; tiled: it has its own mapping; after the run: the heap again.
		assertEquals(List.of("usual 0", "tiled mapped", "restored 0"), probe());
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

	/** Runs {@link Probe} in a fresh JVM and returns its lines. */
	private static List<String> probe() throws IOException, InterruptedException {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), Probe.class.getName())
			.redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertEquals(true, p.waitFor(60, TimeUnit.SECONDS), "the probe did not end: " + out);
		assertEquals(0, p.exitValue(), out);
		return out.lines().toList();
	}

	/** Prints, per threshold, whether a fresh 2 MiB block got a mapping of its own. */
	public static final class Probe {

		public static void main(String[] args) {
			System.out.println("usual " + (MmapThreshold.set(MmapThreshold.USUAL) ? mapped() : "unset"));
			Runnable restore = Devices.returnFreedMemory();
			System.out.println("tiled " + (mapped() >= 2L << 20 ? "mapped" : "heap"));
			restore.run();
			System.out.println("restored " + mapped());
		}

		/** Bytes in blocks with a mapping of their own while a fresh 2 MiB block is held. */
		private static long mapped() {
			long before = C.mallinfo2().hblkhd;
			Pointer p = C.malloc(2L << 20);
			long held = C.mallinfo2().hblkhd - before;
			C.free(p);
			return held;
		}
	}
}
