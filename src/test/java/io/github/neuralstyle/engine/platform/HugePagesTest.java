package io.github.neuralstyle.engine.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Native;
import com.sun.jna.Platform;

import org.junit.jupiter.api.Test;

class HugePagesTest {

	private static final HugePages.LibC LIBC = Platform.isLinux() ? Native.load("c", HugePages.LibC.class) : null;

	@Test
	void setsTheNativeVariableThatLibtorchReads() {
		assumeTrue(Platform.isLinux(), "libtorch's huge-page allocator is Linux-only");
		assumeTrue(System.getenv(HugePages.VARIABLE) == null, "the test JVM was started with the variable set");
		assertTrue(HugePages.enable());
		// The native environment, not Java's start-up copy, is what libtorch's getenv sees.
		assertEquals("1", LIBC.getenv(HugePages.VARIABLE));
		assertEquals(null, System.getenv(HugePages.VARIABLE));
	}

	@Test
	void leavesAUsersChoiceAlone() {
		assumeTrue(Platform.isLinux(), "libtorch's huge-page allocator is Linux-only");
		String before = LIBC.getenv(HugePages.VARIABLE);
		try {
			LIBC.setenv(HugePages.VARIABLE, "0", 1);
			assertFalse(HugePages.enable());
			assertEquals("0", LIBC.getenv(HugePages.VARIABLE));
		}
		finally {
			LIBC.setenv(HugePages.VARIABLE, before == null ? "1" : before, 1);
		}
	}
}
