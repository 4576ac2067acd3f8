package io.github.neuralstyle.engine.platform;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Turns on libtorch's transparent-huge-page CPU allocation ({@code THP_MEM_ALLOC_ENABLE}) for
 * this process. Without it every large activation is a fresh mmap whose 4 KiB pages fault in one
 * by one: at 512² that page-faulting took over half of each step on our test CPU.
 */
final class HugePages {

	/** The variable libtorch's CPU allocator reads, once, at its first allocation. */
	static final String VARIABLE = "THP_MEM_ALLOC_ENABLE";

	private HugePages() {}

	/** The C library's environment functions (Java's own environment is a read-only copy). */
	interface LibC extends Library {

		/** POSIX setenv. */
		int setenv(String name, String value, int overwrite);

		/** POSIX getenv. */
		String getenv(String name);
	}

	/**
	 * Sets the variable to 1 in the native environment unless it is already set (a user's
	 * {@code THP_MEM_ALLOC_ENABLE=0} wins); Linux only. Effective only before libtorch's first
	 * allocation in this process, so it runs before the engine starts.
	 *
	 * @return whether the variable is now 1
	 */
	static boolean enable() {
		try {
			if (!Platform.isLinux()) return false;
			LibC c = Native.load("c", LibC.class);
			if (c.getenv(VARIABLE) == null) c.setenv(VARIABLE, "1", 0);
			return "1".equals(c.getenv(VARIABLE));
		}
		catch (LinkageError | RuntimeException e) {
			// Without JNA (a Fiji without it) or a C library the run is only slower: nothing to report.
			return false;
		}
	}
}
