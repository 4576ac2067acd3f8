package io.github.neuralstyle.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options as {@code --key value} pairs and {@code --flag}s, checked against the
 * known keys so that a typo is an error rather than a silently ignored setting.
 */
public final class CliOptions {

	static final Set<String> VALUED = Set.of("content", "style", "out", "preset", "model", "weights", "size", "steps",
		"optimizer", "lr", "init", "init-image", "seed", "content-layers", "style-layers", "content-weight",
		"style-weight", "tv-weight", "pooling", "device", "save-every", "scales", "history", "report-every",
		"result-size", "sizes", "json", "rounds", "soak", "ref-steps", "candidates", "scale-steps",
		// Tiling (issue 13).
		"tile", "memory-budget", "rows",
		// Sequences (issue 14).
		"temporal-weight", "planes", "later-steps", "early-stop", "early-stop-window",
		// Control (issue 15): ControlOptions reads these.
		"original-colors", "style-blend", "style-scale", "regions", "region-styles", "tv-power", "tolerance",
		// Shards (issue 16).
		"shard", "shard-overlap");
	static final Set<String> FLAGS = Set.of("line-search", "quiet", "help", "fork", "quality", "no-baseline",
		"tiled", "sequence", "missing");

	private final Map<String, String> values = new LinkedHashMap<>();

	CliOptions(List<String> args) {
		for (int i = 0; i < args.size(); i++) {
			String a = args.get(i);
			if (!a.startsWith("--")) throw new UsageException("unexpected argument '" + a + "': options start with --");
			String key = a.substring(2).toLowerCase(Locale.ROOT);
			String value = null;
			int eq = key.indexOf('=');
			if (eq >= 0) {
				value = a.substring(2 + eq + 1);
				key = key.substring(0, eq);
			}
			if (values.containsKey(key)) {
				throw new UsageException("--" + key + " is given twice: give each option once");
			}
			if (FLAGS.contains(key)) {
				values.put(key, value == null ? "true" : value);
			}
			else if (VALUED.contains(key)) {
				if (value == null) {
					if (i + 1 >= args.size()) throw new UsageException("--" + key + " needs a value");
					value = args.get(++i);
				}
				values.put(key, value);
			}
			else {
				throw new UsageException("unknown option --" + key + " (see --help)");
			}
		}
	}

	public boolean has(String key) {
		return values.containsKey(key);
	}

	public String get(String key) {
		return values.get(key);
	}

	String require(String key) {
		String v = values.get(key);
		if (v == null || v.isBlank()) throw new UsageException("--" + key + " is required");
		return v;
	}

	public boolean flag(String key) {
		return Boolean.parseBoolean(values.getOrDefault(key, "false"));
	}

	public int integer(String key) {
		String v = values.get(key);
		try {
			return Integer.parseInt(v.trim());
		}
		catch (NumberFormatException e) {
			throw new UsageException("--" + key + " must be a whole number, got '" + v + "'");
		}
	}

	/** A comma-separated list of whole numbers, e.g. {@code 50,50,200}. */
	public int[] integers(String key) {
		return parseIntegers("--" + key, get(key));
	}

	/** Whole numbers separated by commas; {@code what} names the option in the error. */
	public static int[] parseIntegers(String what, String text) {
		String[] parts = text.split(",");
		int[] out = new int[parts.length];
		for (int i = 0; i < parts.length; i++) {
			try {
				out[i] = Integer.parseInt(parts[i].trim());
			}
			catch (NumberFormatException e) {
				throw new UsageException(what + " must be whole numbers separated by commas, got '" + text + "'");
			}
		}
		return out;
	}

	double number(String key) {
		String v = values.get(key);
		try {
			return Double.parseDouble(v.trim());
		}
		catch (NumberFormatException e) {
			throw new UsageException("--" + key + " must be a number, got '" + v + "'");
		}
	}

	public <E extends Enum<E>> E choice(String key, Class<E> type) {
		String v = values.get(key);
		for (E e : type.getEnumConstants()) {
			if (e.name().equalsIgnoreCase(v.trim())) return e;
		}
		StringBuilder ok = new StringBuilder();
		for (E e : type.getEnumConstants()) ok.append(ok.length() == 0 ? "" : ", ").append(e.name().toLowerCase(Locale.ROOT));
		throw new UsageException("--" + key + " must be one of " + ok + ", got '" + v + "'");
	}

	/** A bad command line: exit code 2 with this one-line message. */
	public static final class UsageException extends RuntimeException {
		public UsageException(String message) {
			super(message);
		}
	}
}
