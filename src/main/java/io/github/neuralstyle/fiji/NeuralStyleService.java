package io.github.neuralstyle.fiji;

import io.github.neuralstyle.engine.DefaultStyleTransfer;
import io.github.neuralstyle.engine.StyleTransfer;
import io.github.neuralstyle.engine.network.VggWeights;

import java.io.File;
import java.io.IOException;

import org.scijava.plugin.Plugin;
import org.scijava.service.AbstractService;
import org.scijava.service.SciJavaService;
import org.scijava.service.Service;

/**
 * Holds the engine and the weights source the command uses, and keeps the last weights so
 * that a batch macro styling many images reads the (large) weights file once.
 * <p>
 * Both can be replaced, which is how tests run the command on a fake engine or on synthetic
 * weights.
 */
@Plugin(type = Service.class)
public class NeuralStyleService extends AbstractService implements SciJavaService {

	private StyleTransfer engine = new DefaultStyleTransfer();
	private WeightsResolver resolver = DefaultWeights::resolve;
	private String cachedKey;
	private VggWeights cached;

	/** The engine that runs style transfers. */
	public synchronized StyleTransfer engine() {
		return engine;
	}

	/** Replaces the engine. */
	public synchronized void setEngine(StyleTransfer engine) {
		this.engine = engine;
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
