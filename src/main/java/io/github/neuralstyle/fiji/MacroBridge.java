package io.github.neuralstyle.fiji;

import ij.ImagePlus;
import ij.macro.Interpreter;

import java.awt.GraphicsEnvironment;

/**
 * Makes the result reachable from the ImageJ 1.x macro that ran the command.
 * <p>
 * In the GUI, Fiji shows an ImagePlus output itself ({@code imp.show()}, which in batch mode
 * registers it as a batch-mode image). Headless it does not: no user interface picks up the
 * output, so a batch macro could not {@code selectImage} or {@code saveAs} it. There we
 * register it with the macro interpreter's batch-mode images, exactly what {@code show()}
 * does in batch mode; it then is the macro's current image and counts in {@code nImages}.
 * Headless macros run in batch mode ({@code -batch}, or {@code setBatchMode(true)}).
 */
final class MacroBridge {

	private MacroBridge() {}

	/** Whether windows (preview, plot) can be shown: not headless and not in batch mode. */
	static boolean canShowWindows() {
		return !GraphicsEnvironment.isHeadless() && !Interpreter.isBatchMode();
	}

	/** Registers a headless result with the running batch-mode macro, once. */
	static void publish(ImagePlus imp) {
		if (!GraphicsEnvironment.isHeadless() || !Interpreter.isBatchMode()) return;
		register(imp);
	}

	/** Adds {@code imp} to the batch-mode images unless it is there already. */
	static void register(ImagePlus imp) {
		for (int id : Interpreter.getBatchModeImageIDs()) {
			if (id == imp.getID()) return;
		}
		Interpreter.addBatchModeImage(imp);
	}
}
