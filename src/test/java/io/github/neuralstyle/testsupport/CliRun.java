package io.github.neuralstyle.testsupport;

import io.github.neuralstyle.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One command-line run in this JVM: its exit status, standard output and error.
 *
 * @param exit the status {@link Main#run} returned
 * @param out  what it printed on standard output
 * @param err  what it printed on standard error
 */
public record CliRun(int exit, String out, String err) {

	/** Runs the command line with {@code args}. */
	public static CliRun of(List<String> args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = Main.run(args.toArray(new String[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
			new PrintStream(err, true, StandardCharsets.UTF_8));
		return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	/** Runs the command line with {@code args}. */
	public static CliRun of(String... args) {
		return of(List.of(args));
	}

	/**
	 * {@code base} with each {@code --option value} pair of {@code more} replacing the base's value
	 * of that option, or appended where the base has none: a repeated option is an error.
	 */
	public static List<String> withOptions(List<String> base, List<String> more) {
		List<String> a = new ArrayList<>(base);
		for (int i = 0; i + 1 < more.size(); i += 2) {
			int at = a.indexOf(more.get(i));
			if (at >= 0) a.set(at + 1, more.get(i + 1));
			else a.addAll(List.of(more.get(i), more.get(i + 1)));
		}
		return a;
	}

	/** For assertion messages. */
	@Override
	public String toString() {
		return "exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
	}
}
