package io.github.neuralstyle.fiji;

import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.network.VggArchitecture;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Checks of the command's raw parameter values. Macro options bypass the dialog's limits and
 * choice lists, so every value is checked here, and each message starts with the macro key and
 * the value given, then says what is accepted.
 */
final class ParameterChecks {

	/** The word that leaves a setting to the preset. */
	static final String PRESET = "preset";

	private ParameterChecks() {}

	/** An integer in [min, max]. */
	static int range(String key, long value, long min, long max) {
		if (value < min || value > max) {
			throw new IllegalArgumentException(key + "=" + value + ": must be a whole number from " + min + " to " + max);
		}
		return (int) value;
	}

	/** One of {@code choices} (case-insensitive), returned in lower case. */
	static String choice(String key, String value, String... choices) {
		String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
		for (String c : choices) {
			if (c.equals(v)) return c;
		}
		throw new IllegalArgumentException(key + "=" + value + ": accepted values are " + String.join(", ", choices));
	}

	/** Whether a value is the {@link #PRESET} word (or blank, which a macro may leave). */
	static boolean isPreset(String value) {
		return value == null || value.isBlank() || value.trim().equalsIgnoreCase(PRESET);
	}

	/**
	 * A number in [min, max] (or (0, max] when {@code positive}), or NaN for {@link #PRESET}.
	 * Accepts forms like {@code 1000}, {@code 1e3}, {@code 2.5E-4}.
	 */
	static double number(String key, String value, double min, double max, boolean positive) {
		if (isPreset(value)) return Double.NaN;
		double v;
		try {
			v = Double.parseDouble(value.trim());
		}
		catch (NumberFormatException e) {
			v = Double.NaN;
		}
		boolean ok = Double.isFinite(v) && (positive ? v > min : v >= min) && v <= max;
		if (!ok) {
			throw new IllegalArgumentException(key + "=" + value + ": must be " + PRESET + " or a number "
				+ (positive ? "> " : "≥ ") + plain(min) + " and ≤ " + plain(max) + ", e.g. 1000 or 1e3");
		}
		return v;
	}

	/** A layer list such as {@code relu4_2} or {@code relu1_1:0.5,relu2_1}, or null for {@link #PRESET}. */
	static Map<String, Double> layers(String key, String value, boolean mayBeEmpty) {
		if (isPreset(value)) return null;
		Map<String, Double> layers;
		try {
			layers = StyleTransferSettings.parseLayers(key, value);
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException(key + "=" + value + ": " + e.getMessage().substring(key.length() + 2));
		}
		if (!mayBeEmpty && layers.isEmpty()) {
			throw new IllegalArgumentException(key + "=" + value + ": name at least one layer, e.g. relu1_1,relu2_1,relu3_1");
		}
		for (Map.Entry<String, Double> e : layers.entrySet()) {
			if (!VggArchitecture.VGG19.hasLayer(e.getKey())) {
				throw new IllegalArgumentException(key + "=" + value + ": unknown layer '" + e.getKey()
					+ "'; layers are conv1_1 … conv5_4, relu1_1 … relu5_4, pool1 … pool5, each optionally :weight");
			}
			if (!Double.isFinite(e.getValue()) || e.getValue() < 0) {
				throw new IllegalArgumentException(key + "=" + value + ": the weight of " + e.getKey()
					+ " must be a number ≥ 0");
			}
		}
		return layers;
	}

	/** The enum constant named by a lower-case choice. */
	static <E extends Enum<E>> E enumOf(Class<E> type, String choice) {
		return Enum.valueOf(type, choice.toUpperCase(Locale.ROOT));
	}

	/** Lower-case names of an enum's constants, for choice lists in messages. */
	static String[] names(Enum<?>[] values) {
		return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);
	}

	private static String plain(double v) {
		return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
	}
}
