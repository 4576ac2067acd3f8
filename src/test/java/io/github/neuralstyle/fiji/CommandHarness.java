package io.github.neuralstyle.fiji;

import io.github.neuralstyle.engine.DefaultStyleTransfer;
import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.testsupport.RecordingStyleTransfer;
import io.github.neuralstyle.testsupport.SyntheticVgg;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Future;

import org.scijava.Context;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.convert.ConvertService;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.service.Service;

/**
 * A headless SciJava context running {@link StyleTransferCommand} on the real engine with a
 * small synthetic VGG19, on tiny images with few steps.
 */
final class CommandHarness implements AutoCloseable {

	static final VggWeights WEIGHTS = SyntheticVgg.vgg19(16, 42);

	static {
		// SciJava persists dialog values in Java preferences and loads them for inputs a run
		// leaves out; keep the tests' values away from the user's own.
		System.setProperty("java.util.prefs.userRoot", "target/test-prefs");
	}

	final Context context = new Context(CommandService.class, StatusService.class, LogService.class,
		ConvertService.class, NeuralStyleService.class);
	final CommandService commands = context.service(CommandService.class);
	final RecordingStyleTransfer engine = new RecordingStyleTransfer(new DefaultStyleTransfer());

	CommandHarness() {
		NeuralStyleService service = context.service(NeuralStyleService.class);
		service.setEngine(engine);
		service.setWeightsResolver((spec, progress) -> WEIGHTS);
	}

	/**
	 * Every input at its field-initializer value, then fast settings (32 px, 2 Adam steps on the
	 * CPU), then {@code overrides}. Giving every input, as a recorded macro does, keeps values
	 * persisted by earlier runs out.
	 */
	static Map<String, Object> fast(Map<String, Object> overrides) {
		Map<String, Object> in = new HashMap<>(initialValues());
		in.put("size", 32);
		in.put("iterations", 2);
		in.put("optimizer", "adam");
		in.put("learningrate", "0.05");
		in.put("device", "cpu");
		in.putAll(overrides);
		return in;
	}

	/** The field-initializer value of every macro-visible input of the command. */
	static Map<String, Object> initialValues() {
		Map<String, Object> values = new HashMap<>();
		StyleTransferCommand fresh = new StyleTransferCommand();
		for (Field f : StyleTransferCommand.class.getDeclaredFields()) {
			Parameter p = f.getAnnotation(Parameter.class);
			if (p == null || p.type() == ItemIO.OUTPUT || Service.class.isAssignableFrom(f.getType())) continue;
			try {
				f.setAccessible(true);
				values.put(f.getName(), f.get(fresh));
			}
			catch (IllegalAccessException e) {
				throw new IllegalStateException(e);
			}
		}
		return values;
	}

	/** Runs the command to the end (with pre- and postprocessing, as Fiji does). */
	CommandModule run(Map<String, Object> inputs) throws Exception {
		return start(inputs).get();
	}

	/** Starts the command. */
	Future<CommandModule> start(Map<String, Object> inputs) {
		return commands.run(StyleTransferCommand.class, true, inputs);
	}

	@Override
	public void close() {
		context.dispose();
	}
}
