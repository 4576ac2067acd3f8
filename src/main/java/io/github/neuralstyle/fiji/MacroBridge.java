package io.github.neuralstyle.fiji;

import ij.ImagePlus;
import ij.WindowManager;
import ij.macro.Interpreter;

import java.awt.GraphicsEnvironment;

import org.scijava.thread.ThreadService;

/**
 * Makes the result reachable from the ImageJ 1.x macro that ran the command.
 * <p>
 * In the GUI, Fiji shows an ImagePlus output itself ({@code imp.show()}, which in batch mode
 * registers it as a batch-mode image). Headless it does not: no user interface picks up the
 * output, so a batch macro could not {@code selectImage} or {@code saveAs} it. There we
 * register it with the macro interpreter's batch-mode images and make it the macro thread's
 * current image, exactly what {@code show()} does in batch mode; the macro can then select,
 * measure and save it, and it counts in {@code nImages}.
 * Headless macros run in batch mode ({@code -batch}, or {@code setBatchMode(true)}). A GUI
 * macro in batch mode gets the result as its current image the same way.
 */
final class MacroBridge {

	private MacroBridge() {}

	/** Whether windows (preview, plot) can be shown: not headless and not in batch mode. */
	static boolean canShowWindows() {
		return !GraphicsEnvironment.isHeadless() && !Interpreter.isBatchMode();
	}

	/**
	 * Registers a headless result with the running batch-mode macro, once, and makes it the
	 * current image of the thread(s) that started the command: a macro thread's own current
	 * image (set by {@code open}, {@code newImage}, …) wins over the batch-mode list, and
	 * SciJava runs the command on a worker thread whose parent is the macro's.
	 */
	static void publish(ImagePlus imp, ThreadService threads) {
		if (!Interpreter.isBatchMode()) return;
		// In the GUI Fiji's show() registers it, but as the current image of the thread that shows
		// it, not of the macro's: a batch macro in the GUI would otherwise still see its old image.
		if (GraphicsEnvironment.isHeadless()) register(imp);
		Thread current = Thread.currentThread();
		Thread parent = threads == null ? null : threads.getParent(current);
		if (parent == null) {
			WindowManager.setTempCurrentImage(imp); // run synchronously on the caller's thread
			return;
		}
		// Not on the worker itself: pool threads live on and would keep the image alive.
		for (Thread t = parent; t != null; t = threads.getParent(t)) WindowManager.setTempCurrentImage(t, imp);
	}

	/** Adds {@code imp} to the batch-mode images unless it is there already. */
	static void register(ImagePlus imp) {
		for (int id : Interpreter.getBatchModeImageIDs()) {
			if (id == imp.getID()) return;
		}
		Interpreter.addBatchModeImage(imp);
	}
}
