package io.github.neuralstyle.fiji;

import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.plugin.filter.AVI_Writer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.scijava.command.CommandModule;
import org.scijava.convert.ConvertService;

/**
 * Stands in for Fiji's {@code run("Style Transfer...", options)} in tests: turns an ImageJ
 * option string into the command's inputs the way imagej-legacy does ({@link #fromMacro}) and
 * runs the command. A key that is not a parameter of the command is recorded as an error, as are failed runs.
 */
public final class MacroOptions {

	/** {@code key=value}, {@code key=[value with spaces]}, or a bare {@code key} (a ticked checkbox). */
	private static final Pattern OPTION = Pattern.compile("(\\w+)(?:=(\\[[^\\]]*\\]|\\S+))?");

	static CommandHarness harness;
	static final List<String> calls = new ArrayList<>();
	static final List<String> errors = new ArrayList<>();

	private MacroOptions() {}

	/** Called from a macro in place of {@code run("Style Transfer...", options)}. */
	public static String run(String options) {
		calls.add(options);
		try {
			CommandModule m = harness.run(inputs(options));
			if (m.isCanceled()) errors.add(options + ": " + m.getCancelReason());
			return m.isCanceled() ? m.getCancelReason() : "";
		}
		catch (Exception | AssertionError e) {
			errors.add(options + ": " + e);
			return e.toString();
		}
	}

	/**
	 * Called from a macro in place of {@code run("AVI... ", options)}: ImageJ's AVI writer asks
	 * through a GenericDialog even when a macro gives the options, and plain ij.jar cannot create
	 * one headless (Fiji's legacy layer can). So the macro's options are read here, with ImageJ's
	 * own option parser, and handed to the same writer.
	 */
	public static String avi(String options) {
		try {
			String compression = Macro.getValue(options, "compression", "JPEG");
			int code = switch (compression) {
				case "PNG" -> AVI_Writer.PNG_COMPRESSION;
				case "JPEG" -> AVI_Writer.JPEG_COMPRESSION;
				case "None" -> AVI_Writer.NO_COMPRESSION;
				default -> throw new IllegalArgumentException("compression=" + compression);
			};
			ImagePlus imp = WindowManager.getCurrentImage();
			imp.getCalibration().fps = Double.parseDouble(Macro.getValue(options, "frame", "7"));
			new AVI_Writer().writeImage(imp, Macro.getValue(options, "save", null), code, 90);
			return "";
		}
		catch (Exception e) {
			errors.add("AVI... " + options + ": " + e);
			return e.toString();
		}
	}

	/** The command's inputs for an option string, images by title among the open ones; unknown keys are errors. */
	static Map<String, Object> inputs(String options) {
		Matcher m = OPTION.matcher(options);
		while (m.find()) {
			if (!CommandHarness.initialValues().containsKey(m.group(1))) {
				throw new AssertionError("not a parameter of the command: " + m.group(1));
			}
		}
		return fromMacro(options, WindowManager::getImage, harness.context.service(ConvertService.class));
	}

	/**
	 * What Fiji's macro preprocessor does: look every input up with ImageJ's own option parser,
	 * convert it to the parameter's type, else keep the field's initial value.
	 */
	static Map<String, Object> fromMacro(String options, Function<String, ImagePlus> images, ConvertService convert) {
		Map<String, Object> inputs = new HashMap<>(CommandHarness.initialValues());
		for (String key : List.copyOf(inputs.keySet())) {
			String value = Macro.getValue(options, key, null);
			if (value == null) continue;
			Class<?> type = type(key);
			Object typed = type == ImagePlus.class ? images.apply(value) : convert.convert(value, type);
			if (typed == null) throw new AssertionError(key + "=" + value + " did not convert to " + type);
			inputs.put(key, typed);
		}
		return inputs;
	}

	private static Class<?> type(String key) {
		try {
			return StyleTransferCommand.class.getDeclaredField(key).getType();
		}
		catch (NoSuchFieldException e) {
			throw new AssertionError(key, e);
		}
	}

	/** The option keys used in a macro's option strings or key lists, e.g. {@code "size", "weights"}. */
	static List<String> keysIn(String macroText) {
		List<String> keys = new ArrayList<>();
		// keys passed on by name: keys = newArray("preset", "model", ...)
		Matcher list = Pattern.compile("keys = newArray\\(([^)]*)\\)").matcher(macroText);
		while (list.find()) {
			for (String k : list.group(1).split(",")) keys.add(k.trim().replace("\"", ""));
		}
		// keys written into the options of run("Style Transfer...", "... key=" + value ...)
		Matcher run = Pattern.compile("run\\(\"Style Transfer\\.\\.\\.\", ((?:[^;])*)\\);").matcher(macroText);
		while (run.find()) {
			Matcher k = Pattern.compile("[\" ](\\w+)=").matcher(run.group(1));
			while (k.find()) keys.add(k.group(1));
		}
		return keys;
	}
}
