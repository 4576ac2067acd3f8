package io.github.neuralstyle.testsupport;

import ij.IJ;
import ij.Menus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.Hashtable;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ImageJ 1.x's command table for headless tests. Plain ij.jar builds it while building its AWT
 * menu bar, which fails headless, so {@code run("Images to Stack")} and friends are
 * "Unrecognized command" and the first {@code open()} throws HeadlessException. Fiji's legacy
 * layer avoids that; here we fill the same table from ij.jar's IJ_Props.txt (where the menus
 * come from) plus the few commands ImageJ adds in code.
 */
public final class HeadlessImageJ {

	/** {@code save02="Gif...",ij.plugin.filter.Writer("gif")}: a menu command and its plugin. */
	private static final Pattern ENTRY = Pattern.compile("^[a-z_]+\\d+=\"([^\"]+)\",(.+)$");

	/** Commands that ij.Menus adds in code rather than from IJ_Props.txt, as it adds them. */
	private static final Map<String, String> IN_CODE = Map.of(
		"Duplicate...", "ij.plugin.Duplicator",
		"8-bit Color", "ij.plugin.Converter(\"8-bit Color\")",
		"RGB Color", "ij.plugin.Converter(\"RGB Color\")");

	/** Whether the table is ours, to be removed again by {@link #removeCommands()}. */
	private static boolean created;

	private HeadlessImageJ() {}

	/**
	 * Puts ImageJ back as it was before {@link #installCommands()}: other tests expect plain
	 * ij.jar's headless state (no command table), which changes how images are registered.
	 */
	public static synchronized void removeCommands() {
		if (!created) return;
		setTable(null);
		created = false;
	}

	private static void setTable(Hashtable<String, String> table) {
		try {
			Field f = Menus.class.getDeclaredField("pluginsTable");
			f.setAccessible(true);
			f.set(null, table);
		}
		catch (ReflectiveOperationException e) {
			throw new IllegalStateException("ImageJ's command table moved", e);
		}
	}

	/** Fills ImageJ's command table once (idempotent); entries already there are kept. */
	@SuppressWarnings("unchecked")
	public static synchronized void installCommands() {
		Hashtable<String, String> table = Menus.getCommands();
		if (table == null) {
			table = new Hashtable<>();
			setTable(table);
			created = true;
		}
		try (BufferedReader r = new BufferedReader(new InputStreamReader(IJ.class.getResourceAsStream("/IJ_Props.txt"),
			StandardCharsets.ISO_8859_1)))
		{
			for (String line; (line = r.readLine()) != null;) {
				Matcher m = ENTRY.matcher(line.trim());
				if (m.matches()) table.putIfAbsent(m.group(1), m.group(2));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		for (Map.Entry<String, String> e : IN_CODE.entrySet()) table.putIfAbsent(e.getKey(), e.getValue());
	}
}
