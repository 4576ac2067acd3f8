package io.github.neuralstyle.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Static checks of macros/ for what the run-through in {@link MacroFilesTest} cannot reach:
 * every key a macro may pass on, and the Groovy script (no Groovy on our classpath), name
 * parameters of the command.
 */
class ScriptKeysTest {

	private static final Set<String> PARAMETERS = CommandHarness.initialValues().keySet();

	@Test
	void everyKeyInTheMacrosIsAParameter() throws IOException {
		List<Path> macros;
		try (Stream<Path> s = Files.list(MacroFilesTest.MACROS)) {
			macros = s.filter(p -> p.toString().endsWith(".ijm")).sorted().toList();
		}
		assertEquals(5, macros.size(), macros::toString);
		for (Path p : macros) {
			List<String> keys = MacroOptions.keysIn(Files.readString(p));
			assertTrue(keys.containsAll(List.of("content", "style")), p + ": " + keys);
			for (String k : keys) assertTrue(PARAMETERS.contains(k), p + ": '" + k + "' is not a parameter");
		}
	}

	@Test
	void groovyScriptGivesEveryInputByItsName() throws IOException {
		String script = Files.readString(MacroFilesTest.MACROS.resolve("style_pipeline.groovy"));
		assertTrue(script.contains("\"" + StyleTransferCommand.class.getName() + "\""));
		Matcher map = Pattern.compile("def inputs = \\[(.*?)\\n\\]", Pattern.DOTALL).matcher(script);
		assertTrue(map.find(), "inputs map");
		Set<String> keys = new TreeSet<>();
		Matcher k = Pattern.compile("(\\w+):").matcher(map.group(1));
		while (k.find()) keys.add(k.group(1));
		// all of them: inputs left out would take values remembered from interactive runs
		assertEquals(new TreeSet<>(PARAMETERS), keys);
		for (String line : script.split("\n")) {
			if (line.startsWith("#@") && !line.startsWith("#@output")) {
				assertTrue(line.matches("#@ \\w+ (\\(.*\\) )?\\w+"), "script parameter line: " + line);
			}
		}
		assertFalse(script.contains("getArgument"), "a SciJava script, not a macro");
	}
}
