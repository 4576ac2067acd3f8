package io.github.neuralstyle.cli;

import io.github.neuralstyle.engine.Preset;
import io.github.neuralstyle.engine.network.InputConvention;
import io.github.neuralstyle.engine.network.RandomVggWeights;
import io.github.neuralstyle.engine.network.VggArchitecture;
import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.weights.DownloadListener;
import io.github.neuralstyle.weights.WeightsProvider;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Which weights a command line asks for: {@code --weights FILE}, else {@code --model ID}, else
 * the preset's model. {@code --model random-vgg19} (or {@code random-vgg16}) gives seeded random
 * weights, only when asked for by name, with a warning: for offline demos and benchmarks.
 */
public final class WeightsChoice {

	/** Model ids that mean "random weights, not pretrained". */
	static final String RANDOM_PREFIX = "random-";

	private WeightsChoice() {}

	public static VggWeights obtain(CliOptions o, Preset preset, PrintStream log) throws IOException {
		if (o.has("weights") && o.has("model")) {
			throw new CliOptions.UsageException("--model " + o.get("model") + " and --weights " + o.get("weights")
				+ " both name the weights: give only one");
		}
		if (o.has("weights")) return WeightsProvider.standard().obtain(o.get("weights"), listener(log));
		String model = o.has("model") ? o.get("model").trim().toLowerCase(Locale.ROOT) : preset.model();
		if (model.startsWith(RANDOM_PREFIX)) {
			VggArchitecture arch = random(model);
			if (log != null) {
				log.println("WARNING: --model " + model + " uses seeded RANDOM weights, not pretrained VGG: "
					+ "textures only, for offline demos and benchmarks");
			}
			return RandomVggWeights.create(arch, InputConvention.CAFFE, 1, 0, arch.convCount());
		}
		return WeightsProvider.standard().obtain(model, listener(log));
	}

	private static VggArchitecture random(String model) {
		String arch = model.substring(RANDOM_PREFIX.length());
		for (VggArchitecture a : VggArchitecture.values()) {
			if (a.name().equalsIgnoreCase(arch)) return a;
		}
		throw new CliOptions.UsageException("--model " + model + ": use random-vgg19 or random-vgg16");
	}

	private static DownloadListener listener(PrintStream log) {
		if (log == null) return DownloadListener.NONE;
		return new DownloadListener() {
			private long lastPrinted = -1;

			@Override
			public void progress(String url, long bytes, long total, double bytesPerSecond) {
				long mb = bytes >> 20;
				if (mb == lastPrinted && bytes != total) return;
				lastPrinted = mb;
				log.printf(Locale.ROOT, "downloading %s: %d / %s MB at %.1f MB/s%n", url, mb,
					total < 0 ? "?" : Long.toString(total >> 20), bytesPerSecond / 1e6);
			}

			@Override
			public void status(String message) {
				log.println(message);
			}
		};
	}
}
