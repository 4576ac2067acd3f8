package io.github.neuralstyle.cli;

import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Ctrl-C (SIGINT) and {@code kill} (SIGTERM) without a crash. The JVM's own handling exits at
 * once, tearing down libtorch while a step is still running in it (a SIGSEGV in
 * {@code torchBackward} and an hs_err file). Instead, while native work runs (inside
 * {@link #during}), a signal only asks the run to stop: the engine polls {@link #cancelled()}
 * between steps, lets the running step finish, frees its memory and throws
 * {@link CancellationException}. Outside native work (argument checks, a weights download) the
 * process exits at once. Either way the exit status is 128 + the signal's number (130, 143) and
 * the message one line.
 * <p>
 * {@code sun.misc.Signal} (module jdk.unsupported, in every JDK since 9) is reached by reflection
 * so that the build does not warn about a proprietary API on every compile.
 */
public final class Interrupts {

	private static final Object LOCK = new Object();
	/** "INT" or "TERM" once a signal arrived. */
	private static volatile String received;
	private static volatile int receivedNumber;
	private static int nativeDepth;
	private static PrintStream log = System.err;

	private Interrupts() {}

	/** Handles SIGINT and SIGTERM from now on; {@code err} gets the one-line message. */
	static void install(PrintStream err) {
		log = err;
		try {
			Class<?> signal = Class.forName("sun.misc.Signal");
			Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
			Object handler = Proxy.newProxyInstance(Interrupts.class.getClassLoader(), new Class<?>[] { handlerType },
				(proxy, method, args) -> {
					switch (method.getName()) {
						case "handle":
							onSignal((String) signal.getMethod("getName").invoke(args[0]),
								(Integer) signal.getMethod("getNumber").invoke(args[0]));
							return null;
						case "equals":
							return proxy == args[0];
						case "hashCode":
							return System.identityHashCode(proxy);
						default:
							return "neural-style signal handler";
					}
				});
			for (String name : new String[] { "INT", "TERM" }) {
				try {
					signal.getMethod("handle", signal, handlerType).invoke(null, signal.getConstructor(String.class).newInstance(name),
						handler);
				}
				catch (ReflectiveOperationException e) {
					// The JVM reserves it (-Xrs, or a debugger): its default handling stays.
				}
			}
		}
		catch (ClassNotFoundException e) {
			// A JDK without jdk.unsupported: the JVM's default handling stays.
		}
	}

	/** Polled by the engine between steps: true once a signal arrived. */
	public static BooleanSupplier cancelled() {
		return () -> received != null;
	}

	/**
	 * Runs native work so that a signal stops it between steps instead of killing the process.
	 *
	 * @throws CancellationException when a signal arrived before or during the work
	 */
	public static <T> T during(Callable<T> work) throws Exception {
		synchronized (LOCK) {
			if (received != null) throw new CancellationException("interrupted");
			nativeDepth++;
		}
		try {
			return work.call();
		}
		finally {
			synchronized (LOCK) {
				nativeDepth--;
			}
			if (received != null) throw new CancellationException("interrupted");
		}
	}

	/** The exit status for a run stopped by a signal (128 + its number), or {@code otherwise}. */
	static int exitStatus(int otherwise) {
		return received == null ? otherwise : 128 + receivedNumber;
	}

	/** "stopped by SIGINT (Ctrl-C)"; null when no signal arrived. */
	static String description() {
		String s = received;
		if (s == null) return null;
		return "stopped by SIG" + s + (s.equals("INT") ? " (Ctrl-C)" : "");
	}

	private static void onSignal(String name, int number) {
		synchronized (LOCK) {
			if (received == null) {
				receivedNumber = number;
				received = name;
			}
			// Native work is running: it stops after its current step and the main thread exits.
			if (nativeDepth > 0) return;
		}
		log.println("neural-style: " + description() + "; nothing was written");
		System.exit(128 + number);
	}
}
