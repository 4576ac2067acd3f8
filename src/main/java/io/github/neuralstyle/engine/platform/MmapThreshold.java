package io.github.neuralstyle.engine.platform;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * glibc's mmap threshold ({@code mallopt(M_MMAP_THRESHOLD)}): blocks at least this large get a
 * mapping of their own, which goes back to the system when freed. By default the threshold rises
 * to each freed block's size (up to 32 MiB), so a window's activations, once freed, stay in the
 * C heap as free space that resident memory still counts: at 1024² with 256-px tiles the peak
 * was 1.29 GB by default and 0.94 GB with a 1 MiB threshold (docs/performance.md).
 */
final class MmapThreshold {

	/** {@code M_MMAP_THRESHOLD} of glibc's malloc.h. */
	static final int M_MMAP_THRESHOLD = -3;

	/** The variable by which a user sets the threshold; set, it wins over ours. */
	static final String VARIABLE = "MALLOC_MMAP_THRESHOLD_";

	/** Threshold for a tiled run: every activation has its own mapping, freed at once. */
	static final int TILED = 1 << 20;

	/** glibc's {@code DEFAULT_MMAP_THRESHOLD_MAX} on 64-bit: where the default threshold ends up for our arrays. */
	static final int USUAL = 32 << 20;

	private MmapThreshold() {}

	/** The C library's malloc tuning. */
	interface LibC extends Library {

		/** glibc mallopt: 1 on success. */
		int mallopt(int param, int value);

		/** POSIX getenv. */
		String getenv(String name);
	}

	/**
	 * Sets the threshold to {@code bytes} unless the user set {@link #VARIABLE}; glibc on Linux only.
	 *
	 * @return whether the threshold was set
	 */
	static boolean set(int bytes) {
		try {
			if (!Platform.isLinux() || Platform.isAndroid()) return false;
			LibC c = Native.load("c", LibC.class);
			if (c.getenv(VARIABLE) != null) return false;
			return c.mallopt(M_MMAP_THRESHOLD, bytes) == 1;
		}
		catch (LinkageError | RuntimeException e) {
			// Another C library (musl has no mallopt) or no JNA: the run only keeps more memory.
			return false;
		}
	}
}
