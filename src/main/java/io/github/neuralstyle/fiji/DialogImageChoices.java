package io.github.neuralstyle.fiji;

import java.awt.AWTEvent;
import java.awt.Component;
import java.awt.Container;
import java.awt.GraphicsEnvironment;
import java.awt.Toolkit;
import java.awt.Window;
import java.awt.event.AWTEventListener;
import java.awt.event.WindowEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.swing.JComboBox;
import javax.swing.JLabel;

/**
 * Starts the image choosers of Fiji's dialog at the images {@link StyleTransferInputs} chose.
 * <p>
 * Setting the module's values cannot do it: Fiji's chooser (scijava-ui-swing's SwingObjectWidget)
 * is a JComboBox over a pool built afresh for each dialog, in Fiji of imagej-legacy's
 * {@code ImageTitle} wrappers (one per open image, text = title, identity equals). The combo box
 * starts at the pool's first item and moves to the module's value only where that value equals
 * an item, which an ImagePlus never does. So when our dialog opens, the item whose text is the
 * chosen title is selected, which reaches the module through the widget's own listener, as a
 * click would.
 */
final class DialogImageChoices implements AWTEventListener {

	/** The listener waiting for the next dialog; replaced by each dialog run, so none piles up. */
	private static DialogImageChoices pending;

	/** Image title to select, by the chooser's label. */
	private final Map<String, String> titles;

	private DialogImageChoices(Map<String, String> titles) {
		this.titles = Map.copyOf(titles);
	}

	/** Selects {@code titles} (by label) in the next dialog that opens with those labels. */
	static synchronized void whenShown(Map<String, String> titles) {
		if (GraphicsEnvironment.isHeadless() || titles.isEmpty()) return;
		cancel();
		pending = new DialogImageChoices(titles);
		Toolkit.getDefaultToolkit().addAWTEventListener(pending, AWTEvent.WINDOW_EVENT_MASK);
	}

	private static synchronized void cancel() {
		if (pending != null) Toolkit.getDefaultToolkit().removeAWTEventListener(pending);
		pending = null;
	}

	@Override
	public void eventDispatched(AWTEvent e) {
		if (e.getID() != WindowEvent.WINDOW_OPENED || !(e.getSource() instanceof Window w)) return;
		if (select(w, titles) > 0) {
			synchronized (DialogImageChoices.class) {
				if (pending == this) cancel();
			}
		}
	}

	/**
	 * In {@code root}, selects in the combo box following each label of {@code titles} the item
	 * whose text is that label's title; the number of labels found (0: not our dialog).
	 */
	static int select(Container root, Map<String, String> titles) {
		List<Component> all = new ArrayList<>();
		flatten(root, all);
		int found = 0;
		for (int i = 0; i < all.size(); i++) {
			if (!(all.get(i) instanceof JLabel label)) continue;
			String title = titles.get(labelText(label));
			if (title == null) continue;
			found++;
			JComboBox<?> box = nextComboBox(all, i + 1);
			if (box != null) selectTitle(box, title);
		}
		return found;
	}

	/** A label's text without the colon some dialogs append. */
	private static String labelText(JLabel label) {
		String text = label.getText() == null ? "" : label.getText().trim();
		return text.endsWith(":") ? text.substring(0, text.length() - 1).trim() : text;
	}

	private static JComboBox<?> nextComboBox(List<Component> all, int from) {
		for (int j = from; j < all.size(); j++) {
			if (all.get(j) instanceof JComboBox<?> box) return box;
			if (all.get(j) instanceof JLabel) return null; // the next field's label: this one has no combo box
		}
		return null;
	}

	/** Selects the first item whose text is {@code title}, unless one is selected already. */
	private static void selectTitle(JComboBox<?> box, String title) {
		Object selected = box.getSelectedItem();
		if (selected != null && title.equals(selected.toString())) return;
		for (int k = 0; k < box.getItemCount(); k++) {
			Object item = box.getItemAt(k);
			if (item != null && title.equals(item.toString())) {
				box.setSelectedItem(item);
				return;
			}
		}
	}

	private static void flatten(Container c, List<Component> into) {
		for (Component child : c.getComponents()) {
			into.add(child);
			if (child instanceof Container sub) flatten(sub, into);
		}
	}
}
