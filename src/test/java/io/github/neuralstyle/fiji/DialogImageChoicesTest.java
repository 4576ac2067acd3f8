package io.github.neuralstyle.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;

import org.junit.jupiter.api.Test;

/**
 * The dialog's image choosers laid out as scijava-ui-swing builds them (a label, then a panel
 * holding the combo box) over a pool like imagej-legacy's: wrappers whose text is the title and
 * which equal nothing but themselves, so presetting a value could never select them.
 */
class DialogImageChoicesTest {

	/** Like imagej-legacy's ImageTitle: text = title, identity equals. */
	private record Wrapper(String title, int id) {
		@Override
		public boolean equals(Object o) { return o == this; }

		@Override
		public int hashCode() { return System.identityHashCode(this); }

		@Override
		public String toString() { return title; }
	}

	private final List<String> picked = new ArrayList<>();

	/** A fresh pool in window order, as the harvester builds for each chooser. */
	private JComboBox<Object> chooser(String field) {
		JComboBox<Object> box = new JComboBox<>(new Object[] { new Wrapper("a.png", 1), new Wrapper("b.png", 2),
			new Wrapper("c.png", 3) });
		box.addActionListener(e -> picked.add(field + "=" + box.getSelectedItem())); // the widget's model update
		return box;
	}

	private static JPanel field(JPanel dialog, String label, JComboBox<Object> box) {
		dialog.add(new JLabel(label));
		JPanel widget = new JPanel();
		widget.add(box);
		dialog.add(widget);
		return dialog;
	}

	@Test
	void selectsEachChoosersImageByTitleThroughItsListener() {
		JComboBox<Object> content = chooser("content"), style = chooser("style");
		JPanel dialog = new JPanel();
		field(dialog, "Content image", content);
		field(dialog, "Style image", style);
		dialog.add(new JLabel("Preset"));
		assertEquals("a.png", content.getSelectedItem().toString(), "a new chooser starts at the first image");

		int found = DialogImageChoices.select(dialog, Map.of("Content image", "b.png", "Style image", "c.png"));

		assertEquals(2, found);
		assertSame(content.getItemAt(1), content.getSelectedItem(), "content: the pool's own b.png item");
		assertSame(style.getItemAt(2), style.getSelectedItem(), "style: the pool's own c.png item");
		assertEquals(List.of("content=b.png", "style=c.png"), picked, "the widget hears each choice once");
	}

	@Test
	void leavesOtherDialogsAndUnknownTitlesAlone() {
		JComboBox<Object> box = chooser("x");
		JPanel other = field(new JPanel(), "Image", box);
		assertEquals(0, DialogImageChoices.select(other, Map.of("Content image", "b.png")), "not our dialog");

		JPanel ours = field(new JPanel(), "Content image:", box);
		assertEquals(1, DialogImageChoices.select(ours, Map.of("Content image", "closed.png")));
		assertEquals("a.png", box.getSelectedItem().toString(), "a title no longer open changes nothing");
		assertEquals(1, DialogImageChoices.select(ours, Map.of("Content image", "a.png")));
		assertEquals(List.of(), picked, "the choice already shown fires no event");
	}
}
