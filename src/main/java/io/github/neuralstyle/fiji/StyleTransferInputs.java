package io.github.neuralstyle.fiji;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.scijava.Priority;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.process.AbstractPreprocessorPlugin;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.prefs.PrefService;
import org.scijava.thread.ThreadService;

/**
 * Decides the inputs of {@link StyleTransferCommand} that SciJava would otherwise prompt for or
 * take from preferences.
 * <p>
 * <b>Macro runs</b> ({@code run("Style Transfer...", options)}) are reproducible from their own
 * text: every key the options leave out takes its documented default (the field's initial
 * value), never a value remembered from earlier runs; an empty {@code output} is no output (so
 * SciJava's file pre-processor does not ask for one); Content left out is the active image and
 * Style another open image. Numbers are read from the text as typed: {@code 300.0} is 300, and
 * {@code abc} is reported as {@code abc} (imagej-legacy's conversion reads both as 0).
 * <p>
 * <b>Other runs</b> (dialog, scripts through CommandService): Content not given is the active
 * image and Style the style used last (if open) or another open image. Fiji's dialog starts
 * its image choosers at them through {@link DialogImageChoices} (its widget cannot take an
 * ImagePlus as its initial choice). For the essentials command the recipe inputs are settled
 * at their defaults here, so the dialog does not show them and the recorder does not write them.
 * <p>
 * Priority: after imagej-legacy's MacroPreprocessor (which sets the keys a macro gives) and
 * before its MacroRecorderPreprocessor (which leaves inputs settled by then out of the
 * recording), SciJava's stored-values loader and file prompt.
 */
@Plugin(type = PreprocessorPlugin.class, priority = Priority.VERY_HIGH + 2)
public class StyleTransferInputs extends AbstractPreprocessorPlugin {

	/** The preference key of the style image's title, remembered after each dialog run. */
	static final String LAST_STYLE = "lastStyleTitle";

	@Parameter(required = false)
	private PrefService prefs;

	@Parameter(required = false)
	private ThreadService threads;

	@Override
	public void process(Module module) {
		if (!(module.getDelegateObject() instanceof StyleTransferCommand cmd)) return;
		String options = macroOptions();
		if (options != null) fromMacro(module, cmd, options);
		else forDialog(module, cmd);
	}

	/** The running macro's options for this command, or null when no macro gives any. */
	static String macroOptions() {
		return IJ.isMacro() ? Macro.getOptions() : null;
	}

	private void fromMacro(Module module, StyleTransferCommand cmd, String options) {
		for (ModuleItem<?> item : module.getInfo().inputs()) {
			String name = item.getName();
			if (!StyleTransferCommand.KEYS.contains(name)) continue;
			String typed = Macro.getValue(options, name, null);
			if (typed == null && item.getType() == boolean.class) {
				// ImageJ 1.x writes a ticked checkbox as a bare word: "... plot ..."
				module.setInput(name, Pattern.compile("(^|\\s)" + name + "(\\s|$)").matcher(options).find());
			}
			else if (typed == null) leftOut(module, cmd, item);
			else if (isWhole(item.getType())) whole(module, cmd, item, typed);
			else if (item.getType() == ImagePlus.class && !isImage(module.getInput(name))) cmd.unparsed.put(name, typed);
			module.resolveInput(name);
		}
	}

	/** A key the macro left out: its documented default, the active image, or another open image. */
	private void leftOut(Module module, StyleTransferCommand cmd, ModuleItem<?> item) {
		switch (item.getName()) {
			case "content" -> cmd.content = OpenImages.active(threads);
			case "style" -> cmd.style = OpenImages.other(cmd.content, null);
			default -> module.setInput(item.getName(), item.getDefaultValue());
		}
	}

	/** An int or long as typed: whole numbers written like 300.0 or 3e2 are taken; anything else is kept as typed. */
	private static void whole(Module module, StyleTransferCommand cmd, ModuleItem<?> item, String typed) {
		try {
			long v = new BigDecimal(typed.trim()).longValueExact();
			if (item.getType() == int.class && v != (int) v) throw new ArithmeticException();
			module.setInput(item.getName(), item.getType() == int.class ? (Object) (int) v : (Object) v);
		}
		catch (NumberFormatException | ArithmeticException e) {
			cmd.unparsed.put(item.getName(), typed);
		}
	}

	private void forDialog(Module module, StyleTransferCommand cmd) {
		if (!module.isInputResolved("content") && cmd.content == null) cmd.content = OpenImages.active(threads);
		if (!module.isInputResolved("style") && cmd.style == null) {
			String last = prefs == null ? null : prefs.get(StyleTransferCommand.class, LAST_STYLE);
			cmd.style = OpenImages.other(cmd.content, last);
		}
		DialogImageChoices.whenShown(choices(module));
		if (cmd.showsRecipe()) return;
		for (String name : StyleTransferCommand.RECIPE) {
			if (module.isInputResolved(name)) continue;
			module.setInput(name, module.getInfo().getInput(name).getDefaultValue());
			module.resolveInput(name);
		}
	}

	/** The titles the dialog's image choosers start at, by label: the images not settled before the dialog. */
	static Map<String, String> choices(Module module) {
		Map<String, String> titles = new HashMap<>();
		for (String name : List.of("content", "style")) {
			ImagePlus imp = (ImagePlus) module.getInput(name);
			if (module.isInputResolved(name) || imp == null) continue;
			titles.put(module.getInfo().getInput(name).getLabel(), imp.getTitle());
		}
		return titles;
	}

	/** Remembers the style image of a dialog run, so that the next dialog starts with it. */
	static void rememberStyle(PrefService prefs, ImagePlus style) {
		if (prefs != null && style != null && macroOptions() == null) {
			prefs.put(StyleTransferCommand.class, LAST_STYLE, style.getTitle());
		}
	}

	/** imagej-legacy converts a title no open image has to an empty 0×0 image, not to null. */
	private static boolean isImage(Object value) {
		return value instanceof ImagePlus imp && imp.getWidth() > 0;
	}

	private static boolean isWhole(Class<?> type) {
		return type == int.class || type == long.class;
	}
}
