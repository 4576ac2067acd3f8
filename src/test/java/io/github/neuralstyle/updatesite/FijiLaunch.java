package io.github.neuralstyle.updatesite;

import ij.IJ;
import ij.ImagePlus;

import java.io.File;
import java.util.HashMap;
import java.util.Map;

import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/**
 * Run by {@link FijiInstallTest} in a JVM whose classpath is a fake Fiji.app: starts a full
 * SciJava context as Fiji does, finds the command in the plugin index by name (so only through
 * what the installed jars declare) and runs it headless on small images, once per weights
 * file (saving {@code OUT_DIR/<weights name>.png}). Prints where the command and DJL were
 * loaded from, then {@code styled WxH title with <weights name>} per run; exits 1 on failure.
 * Usage: {@code FijiLaunch OUT_DIR WEIGHTS...}
 */
public final class FijiLaunch {

	static final String COMMAND = "io.github.neuralstyle.fiji.StyleTransferCommand";

	private FijiLaunch() {}

	/** Runs the command once; see the class comment. */
	public static void main(String[] args) throws Exception {
		int status = 1;
		Context context = new Context();
		try {
			CommandService commands = context.service(CommandService.class);
			CommandInfo info = commands.getCommand(COMMAND);
			if (info == null) throw new IllegalStateException(COMMAND + " is not in the plugin index");
			System.out.println("command from " + location(COMMAND));
			System.out.println("djl from " + location("ai.djl.engine.Engine"));
			for (int i = 1; i < args.length; i++) {
				File weights = new File(args[i]);
				ImagePlus r = run(commands, info, weights, new File(args[0], weights.getName() + ".png"));
				System.out.println("styled " + r.getWidth() + "x" + r.getHeight() + " " + r.getTitle() + " with "
					+ weights.getName());
			}
			status = 0;
		}
		catch (Exception e) {
			e.printStackTrace(System.out);
		}
		finally {
			context.dispose();
		}
		System.exit(status); // engine threads must not keep the JVM alive
	}

	private static ImagePlus run(CommandService commands, CommandInfo info, File weights, File output)
		throws Exception
	{
		ImagePlus content = IJ.createImage("cells", "RGB ramp", 40, 30, 1);
		ImagePlus style = IJ.createImage("waves", "RGB noise", 32, 32, 1);
		Map<String, Object> in = new HashMap<>();
		// Every input, as a recorded macro gives them.
		in.put("content", content);
		in.put("style", style);
		in.put("preset", "gatys");
		in.put("model", "file");
		in.put("weights", weights);
		in.put("iterations", 2);
		in.put("size", 32);
		for (String k : new String[] { "contentweight", "styleweight", "tvweight", "init", "pooling",
			"contentlayers", "stylelayers" }) in.put(k, "preset");
		in.put("optimizer", "adam");
		in.put("learningrate", "0.05");
		in.put("seed", 0L);
		in.put("device", "cpu");
		in.put("preview", 0);
		in.put("resultsize", "content");
		in.put("output", output);
		in.put("plot", false);
		CommandModule m = commands.run(info, true, in).get();
		if (m.isCanceled()) throw new IllegalStateException(weights.getName() + ": cancelled: " + m.getCancelReason());
		return (ImagePlus) m.getOutput("result");
	}

	private static String location(String className) throws ClassNotFoundException {
		return Class.forName(className).getProtectionDomain().getCodeSource().getLocation().getPath();
	}
}
