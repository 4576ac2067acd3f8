package io.github.neuralstyle.fiji;

import ij.ImagePlus;
import ij.WindowManager;

import java.lang.reflect.Field;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.scijava.thread.ThreadService;

/** Which open images the command starts from when none is named. */
final class OpenImages {

	private OpenImages() {}

	/**
	 * The active image, or null when none is open. SciJava runs the command on a worker thread,
	 * but a macro's current image ({@code selectImage}, {@code open} …) is kept per thread: the
	 * nearest of the threads that started this one (see {@link MacroBridge}) with a current image
	 * wins, then ImageJ's active image.
	 */
	static ImagePlus active(ThreadService threads) {
		for (Thread t = Thread.currentThread(); t != null; t = threads == null ? null : threads.getParent(t)) {
			ImagePlus imp = tempCurrentImage(t);
			if (imp != null) return imp;
		}
		return WindowManager.getCurrentImage();
	}

	/** A thread's current image set by {@code WindowManager.setTempCurrentImage(thread, imp)}; ImageJ has no getter for other threads. */
	private static ImagePlus tempCurrentImage(Thread t) {
		try {
			Field f = WindowManager.class.getDeclaredField("tempImageTable");
			f.setAccessible(true);
			return (ImagePlus) ((Map<?, ?>) f.get(null)).get(t);
		}
		catch (ReflectiveOperationException | RuntimeException e) {
			return t == Thread.currentThread() ? WindowManager.getTempCurrentImage() : null;
		}
	}

	/**
	 * An open image other than {@code content}: the one titled {@code preferred} if open, else the
	 * first other one in ImageJ's window order; {@code content} itself when it is the only image.
	 */
	static ImagePlus other(ImagePlus content, String preferred) {
		int[] ids = WindowManager.getIDList();
		if (ids == null) return content;
		ImagePlus first = null;
		for (int id : ids) {
			ImagePlus imp = WindowManager.getImage(id);
			if (imp == null || imp == content) continue;
			if (preferred != null && preferred.equals(imp.getTitle())) return imp;
			if (first == null) first = imp;
		}
		return first != null ? first : content;
	}

	/**
	 * {@code title}, or {@code title-1}, {@code title-2} … when an open image has it: ImageJ's own
	 * renaming only looks at windows, so headless and batch-mode images would keep duplicates.
	 */
	static String uniqueTitle(String title) {
		Set<String> taken = new HashSet<>();
		int[] ids = WindowManager.getIDList();
		if (ids != null) {
			for (int id : ids) {
				ImagePlus imp = WindowManager.getImage(id);
				if (imp != null) taken.add(imp.getTitle());
			}
		}
		if (!taken.contains(title)) return title;
		for (int i = 1;; i++) {
			if (!taken.contains(title + "-" + i)) return title + "-" + i;
		}
	}
}
