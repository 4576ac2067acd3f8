package io.github.neuralstyle.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT) and {@code kill} (SIGTERM) without a crash. The JVM's own handling exits at
 * once, tearing down libtorch while a step is still running in it (a SIGSEGV in
 * {@code torchBackward} and an hs_err file). Instead, while native work runs (inside
 * {@link #during}), a signal only asks the run to stop: the engine polls {@link #cancelled()}
 * between steps, lets the running step finish, frees its memory and throws
 * {@link CancellationException}. Outside native work (argument checks, a weights download) the
 * process exits at once. Either way the exit status is 128 + the signal's number (130, 143) and
 * the message one line.
 */
public final class Interrupts {

	private static final Object LOCK = new Object();
	private static volatile Signal received;
	private static int nativeDepth;
	private static PrintStream log = System.err;

	private Interrupts() {}

	/** Handles SIGINT and SIGTERM from now on; {@code err} gets the one-line message. */
	static void install(PrintStream err) {
		log = err;
		for (String name : new String[] { "INT", "TERM" }) {
			try {
				Signal.handle(new Signal(name), Interrupts::onSignal);
			}
			catch (IllegalArgumentException e) {
				// The JVM reserves it (-Xrs, or a debugger): its default handling stays.
			}
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
		Signal s = received;
		return s == null ? otherwise : 128 + s.getNumber();
	}

	/** "stopped by SIGINT (Ctrl-C)"; null when no signal arrived. */
	static String description() {
		Signal s = received;
		if (s == null) return null;
		return "stopped by SIG" + s.getName() + (s.getName().equals("INT") ? " (Ctrl-C)" : "");
	}

	private static void onSignal(Signal s) {
		synchronized (LOCK) {
			if (received == null) received = s;
			// Native work is running: it stops after its current step and the main thread exits.
			if (nativeDepth > 0) return;
		}
		log.println("neural-style: " + description() + "; nothing was written");
		System.exit(128 + s.getNumber());
	}
}
