package io.github.neuralstyle.engine.platform;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Turns off libtorch's NNPACK convolutions ({@code torch.backends.nnpack.set_flags(False)}), which
 * DJL does not expose. libtorch would only use them for batches of 16 or more, never for our
 * single image, but on CPUs NNPACK does not support it asks on every convolution and logs
 * "Could not initialize NNPACK! Reason: Unsupported hardware." each time: thousands of console
 * lines a minute in Fiji. Turned off, the question is never asked.
 */
final class Nnpack {

	private static final String CONTEXT = "_ZN2at13globalContextEv";
	private static final String SET = "_ZN2at7Context20setUserEnabledNNPACKEb";
	private static final String GET = "_ZNK2at7Context17userEnabledNNPACKEv";

	private Nnpack() {}

	/** Runs {@link #disable} the first time it is reached, when the class is initialised: once per process, thread-safe. */
	private static final class Once {
		static final boolean DISABLED = disable();
	}

	/** {@link #disable}, done once per process; call after the engine has started. */
	static boolean disableOnce() {
		return Once.DISABLED;
	}

	/**
	 * Disables NNPACK in the loaded libtorch (Linux, where its C++ symbols can be found by their
	 * Itanium-mangled names); call after the engine has started.
	 *
	 * @return whether libtorch now reports NNPACK disabled
	 */
	static boolean disable() {
		return withContext((torch, context) -> {
			torch.getFunction(SET).invokeVoid(new Object[] { context, Boolean.FALSE });
			return !enabled(torch, context);
		}).orElse(false);
	}

	/** Whether libtorch reports NNPACK enabled; empty where it cannot be asked. */
	static Optional<Boolean> enabled() {
		return withContext(Nnpack::enabled);
	}

	private static boolean enabled(NativeLibrary torch, Pointer context) {
		Function get = torch.getFunction(GET);
		// A C++ bool comes back in the low byte only.
		return (get.invokeInt(new Object[] { context }) & 0xFF) != 0;
	}

	/** Applies {@code call} to the loaded libtorch and its global {@code at::Context}; empty where either is missing. */
	private static Optional<Boolean> withContext(BiFunction<NativeLibrary, Pointer, Boolean> call) {
		try {
			Optional<NativeLibrary> torch = loadedTorchCpu();
			if (torch.isEmpty()) return Optional.empty();
			return Optional.of(call.apply(torch.get(), torch.get().getFunction(CONTEXT).invokePointer(new Object[0])));
		}
		catch (IOException | LinkageError | RuntimeException e) {
			// Another libtorch build or platform: the warnings stay, the run is unaffected.
			return Optional.empty();
		}
	}

	/** The libtorch_cpu the engine loaded (found in this process's mappings), opened again by path. */
	private static Optional<NativeLibrary> loadedTorchCpu() throws IOException {
		if (!Platform.isLinux()) return Optional.empty();
		try (var lines = Files.lines(Path.of("/proc/self/maps"))) {
			return lines.map(l -> l.substring(l.lastIndexOf(' ') + 1)).filter(p -> p.endsWith("/libtorch_cpu.so")).findFirst()
				.map(NativeLibrary::getInstance);
		}
	}
}
