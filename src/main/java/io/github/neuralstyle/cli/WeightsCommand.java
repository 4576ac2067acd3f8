package io.github.neuralstyle.cli;

import io.github.neuralstyle.engine.Preset;
import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.weights.Model;
import io.github.neuralstyle.weights.WeightsCache;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code neural-style weights [--model ID | --weights FILE] [--preset P]}: downloads and verifies
 * the weights a run would use, then prints the file's path. A cluster job runs it once before
 * its array, so that the array's tasks read that file ({@code --weights PATH}) instead of all
 * queueing for the cache's lock on shared storage (see cluster/README.md).
 */
final class WeightsCommand {

	private WeightsCommand() {}

	/** Obtains the weights; prints their file (nothing for random weights); returns the exit status. */
	static int run(CliOptions o, PrintStream out, PrintStream err) throws IOException {
		Preset preset = o.has("preset") ? Preset.fromId(o.get("preset")) : Preset.GATYS;
		VggWeights weights = WeightsChoice.obtain(o, preset, o.flag("quiet") ? null : err);
		if (o.has("weights")) {
			out.println(Path.of(o.get("weights")).toAbsolutePath().normalize());
			return 0;
		}
		String id = o.has("model") ? o.get("model").trim().toLowerCase(Locale.ROOT) : preset.model();
		Model model = Model.forId(id);
		if (model == null) {
			// Random weights have no file: nothing to share.
			err.println("neural-style: " + weights.description() + " has no file: nothing to download");
			return 0;
		}
		out.println(WeightsCache.standard().file(model.source()));
		return 0;
	}
}
