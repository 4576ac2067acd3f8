package io.github.neuralstyle.fiji;

import ij.IJ;

import io.github.neuralstyle.engine.DefaultStyleTransfer;
import io.github.neuralstyle.engine.StyleTransfer;
import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.engine.tiling.TilingOptions;

import java.io.File;
import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.Function;

import org.scijava.plugin.Plugin;
import org.scijava.service.AbstractService;
import org.scijava.service.SciJavaService;
import org.scijava.service.Service;

/**
 * Holds the engine, the weights source and the message log the command uses, and keeps the last weights so
 * that a batch macro styling many images reads the (large) weights file once.
 * <p>
 * Both can be replaced, which is how tests run the command on a fake engine or on synthetic
 * weights.
 */
@Plugin(type = Service.class)
public class NeuralStyleService extends AbstractService implements SciJavaService {

	/** The engine for a run's tiling options (one engine per run: the tiling is the engine's). */
	private Function<TilingOptions, StyleTransfer> engines = DefaultStyleTransfer::new;
	private WeightsResolver resolver = DefaultWeights::resolve;
	/** Where messages go; null for ImageJ's Log (not referenced at construction: ij.IJ must not load before imagej-legacy patches it). */
	private Consumer<String> messages;
	private String cachedKey;
	private VggWeights cached;

	@Override
	public void initialize() {
		LibraryLogs.quiet();
	}

	/** The engine that runs style transfers, tiling automatically. */
	public StyleTransfer engine() {
		return engine(TilingOptions.automatic());
	}

	/** The engine that runs style transfers with the given tiling (memory budget). */
	public synchronized StyleTransfer engine(TilingOptions tiling) {
		return engines.apply(tiling);
	}

	/** Replaces the engine, whatever the tiling asked for. */
	public synchronized void setEngine(StyleTransfer engine) {
		this.engines = tiling -> engine;
	}

	/** Replaces how an engine is made for a run's tiling (tests record the options). */
	public synchronized void setEngines(Function<TilingOptions, StyleTransfer> engines) {
		this.engines = engines;
	}

	/** Writes a line for the user: the end-of-run summary, warnings, errors. ImageJ's Log window (stdout headless). */
	public void message(String line) {
		Consumer<String> m;
		synchronized (this) {
			m = messages;
		}
		if (m != null) m.accept(line);
		else IJ.log(line);
	}

	/** Replaces where {@link #message} lines go (tests collect them). */
	public synchronized void setMessages(Consumer<String> messages) {
		this.messages = messages;
	}

	/** Replaces the weights source and forgets cached weights. */
	public synchronized void setWeightsResolver(WeightsResolver resolver) {
		this.resolver = resolver;
		cachedKey = null;
		cached = null;
	}

	/** Weights for a model id or file path; the last ones are reused while the file is unchanged. */
	public VggWeights weights(String spec, WeightsResolver.Progress progress) throws IOException {
		String key = cacheKey(spec);
		WeightsResolver r;
		synchronized (this) {
			if (key.equals(cachedKey)) return cached;
			r = resolver;
		}
		VggWeights w = r.resolve(spec, progress);
		synchronized (this) {
			if (r == resolver) {
				cachedKey = key;
				cached = w;
			}
		}
		return w;
	}

	/** Forgets cached weights (frees their memory). */
	public synchronized void clearCache() {
		cachedKey = null;
		cached = null;
	}

	/** A file's key includes its size and time so that a replaced file is read again. */
	private static String cacheKey(String spec) {
		File f = new File(spec);
		return f.isFile() ? f.getAbsolutePath() + "|" + f.length() + "|" + f.lastModified() : spec;
	}
}
