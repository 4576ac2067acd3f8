package io.github.neuralstyle.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

import io.github.neuralstyle.engine.control.ControlledRun;
import io.github.neuralstyle.engine.losses.LossObjective;
import io.github.neuralstyle.engine.losses.StyleObjective;
import io.github.neuralstyle.engine.network.FeatureNetwork;
import io.github.neuralstyle.engine.network.VggWeights;
import io.github.neuralstyle.engine.optimizers.Adam;
import io.github.neuralstyle.engine.optimizers.Lbfgs;
import io.github.neuralstyle.engine.optimizers.Optimizer;
import io.github.neuralstyle.engine.optimizers.OptimizerKind;
import io.github.neuralstyle.engine.optimizers.ToleranceStop;
import io.github.neuralstyle.engine.platform.Devices;
import io.github.neuralstyle.engine.tiling.TiledObjective;
import io.github.neuralstyle.engine.tiling.TilingOptions;
import io.github.neuralstyle.engine.tiling.TilingPlan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Gatys-style optimisation of the output's pixels, coarse to fine over
 * {@link StyleTransferSettings#scales()} scales. Each step runs in its own sub-manager so
 * memory stays flat; all native memory of a run is freed when it ends, fails or is cancelled.
 */
public final class DefaultStyleTransfer implements StyleTransfer {

	/** PyTorch allows one gradient recording per process, so runs queue here. */
	private static final ReentrantLock ONE_RUN_AT_A_TIME = new ReentrantLock(true);

	/** Shortest pause between two per-tile progress messages. */
	private static final long TILE_STATUS_NANOS = 10_000_000_000L;

	private final TilingOptions tiling;

	/** Tiles automatically, only where an untiled step would not fit 80% of the device's memory. */
	public DefaultStyleTransfer() {
		this(TilingOptions.automatic());
	}

	/** Tiles as {@code tiling} says (see {@link TilingOptions}). */
	public DefaultStyleTransfer(TilingOptions tiling) {
		this.tiling = tiling;
	}

	@Override
	public StyleTransferResult run(RgbImage content, RgbImage style, VggWeights weights, StyleTransferSettings settings,
		ProgressListener listener, BooleanSupplier cancelled, RunExtension extension)
	{
		int deepest = RunPlan.checkCompatible(settings, weights.validate());
		RunPlan plan = new RunPlan(settings, content.width(), content.height(), weights.architecture());
		plan.checkStyle(settings, style.width(), style.height(), weights.architecture());
		if (weights.convention() != settings.preset().convention()) {
			// Caffe-convention features are ~58× larger (0–255 input): the content/style balance moves ~3000×.
			listener.status("Note: preset " + settings.preset().id() + " is tuned for " + settings.preset().convention()
				+ "-convention weights, but these are " + weights.convention() + ": the content/style balance differs"
				+ " (see docs/presets.md); adjust the style weight or choose a matching preset");
		}
		Device device = Devices.resolve(settings.device());
		TilingPlan[] tilings = plan.tilings(tiling, device);
		ControlledRun.checkTiling(settings, tilings);
		ControlledRun controlled = ControlledRun.prepare(content, style, settings);
		controlled.checkStyles(settings, weights.architecture(), plan.width(0), plan.height(0));
		if (!ONE_RUN_AT_A_TIME.tryLock()) {
			listener.status("waiting for another style transfer to finish");
			ONE_RUN_AT_A_TIME.lock();
		}
		// A tiled run is short of memory by definition: its windows' freed activations go back at once.
		Runnable restore = Arrays.stream(tilings).anyMatch(TilingPlan::tiled) ? Devices.returnFreedMemory() : () -> {};
		try (NDManager run = NDManager.newBaseManager(device, Devices.ENGINE);
			FeatureNetwork network = new FeatureNetwork(weights, settings.pooling(), deepest, run))
		{
			return optimise(content, controlled, settings, plan, tilings, network, run, listener, cancelled, device, extension);
		}
		finally {
			restore.run();
			ONE_RUN_AT_A_TIME.unlock();
		}
	}

	private StyleTransferResult optimise(RgbImage content, ControlledRun controlled, StyleTransferSettings settings, RunPlan plan,
		TilingPlan[] tilings, FeatureNetwork network, NDManager run, ProgressListener listener, BooleanSupplier cancelled, Device device,
		RunExtension extension)
	{
		long start = System.nanoTime();
		List<StepReport> history = new ArrayList<>();
		List<ScaleLosses> scaleLosses = new ArrayList<>();
		double[] stepMillis = new double[settings.steps()];
		RgbImage current = null;
		int iteration = 0;
		// Steps finished so far, for the per-tile progress of a long step.
		int[] done = { 0 };
		RgbImage style = controlled.style();
		for (int k = 0; k < plan.scales(); k++) {
			int w = plan.width(k);
			int h = plan.height(k);
			listener.status(String.format("scale %d/%d: %d×%d px, %s, computing targets", k + 1, plan.scales(), w, h,
				tilings[k].describe()));
			try (NDManager scale = run.newSubManager();
				LossObjective objective = extension.objective(scaleObjective(controlled, settings, w, h, tilings[k], network,
					scale, listener, done), k, plan.scales(), scale, network.dataType());
				Optimizer optimizer = newOptimizer(settings, scale))
			{
				NDArray x = network.toArray(k == 0 ? controlled.start(initialImage(settings,
					ImageResize.resize(controlled.content(), w, h), style)) : ImageResize.resize(current, w, h), scale);
				double first = Double.NaN;
				ToleranceStop stop = controlled.newStop();
				int stepsHere = 0;
				for (int i = 0; i < plan.steps(k); i++) {
					if (cancelled.getAsBoolean()) throw new CancellationException("Style transfer cancelled at step " + iteration);
					long t0 = System.nanoTime();
					iteration++;
					boolean report = iteration % settings.reportEvery() == 0 || iteration == settings.steps() || i == 0
						|| controlled.readsEveryStep();
					StepReport r;
					try (NDManager step = scale.newSubManager()) {
						x.tempAttach(step);
						objective.beginStep();
						NDArray loss = optimizer.step(x, objective, step);
						x.intern(x.clip(0f, 1f));
						r = report(settings, iteration, loss, objective.stepTerms(), report, start, w, h);
						if (report) {
							if (!Double.isFinite(r.total())) {
								throw new ArithmeticException("The loss became " + r.total() + " at step " + iteration
									+ ": lower the learning rate or the style weight");
							}
							history.add(r);
							if (i == 0) first = r.total();
						}
					}
					stepMillis[iteration - 1] = (System.nanoTime() - t0) / 1e6;
					done[0] = iteration;
					// After the step's arrays are freed: what a listener does (a preview, a benchmark's
					// bare pass) then neither counts in the step's time nor runs beside its memory.
					listener.step(r);
					if (settings.previewEvery() > 0 && iteration % settings.previewEvery() == 0) {
						listener.preview(iteration, download(x, w, h));
					}
					stepsHere++;
					if (stop.settled(r.total()) || extension.stop(k, plan.scales(), r)) break;
				}
				double[] end = finalLosses(objective, optimizer, x, scale, iteration);
				scaleLosses.add(new ScaleLosses(w, h, stepsHere, first, end[0], end[1], end[2], end[3]));
				current = download(x, w, h);
			}
		}
		if (settings.resultSize() == ResultSize.CONTENT) {
			current = ImageResize.resize(current, content.width(), content.height());
		}
		current = controlled.finish(current);
		double[] sorted = Arrays.copyOf(stepMillis, iteration);
		Arrays.sort(sorted);
		return new StyleTransferResult(current, List.copyOf(history), device.toString(), iteration,
			sorted.length == 0 ? 0 : sorted[sorted.length / 2], (System.nanoTime() - start) / 1_000_000,
			List.copyOf(scaleLosses), tilings[tilings.length - 1]);
	}

	/**
	 * The loss and its terms at the image a scale ends with: one more evaluation after the last
	 * step, whose loss the step reports cannot show (each reports the image it started from).
	 * Where the optimiser kept a better point than the last step's (L-BFGS after an uphill
	 * step), that point becomes the image and is measured instead.
	 */
	private static double[] finalLosses(LossObjective objective, Optimizer optimizer, NDArray x, NDManager scale,
		int iteration)
	{
		try (NDManager m = scale.newSubManager()) {
			x.tempAttach(m);
			double[] v = measure(objective, x);
			if (optimizer.restoreBest(x, v[0])) v = measure(objective, x);
			if (!Double.isFinite(v[0])) {
				throw new ArithmeticException("The loss became " + v[0] + " after step " + iteration
					+ ": lower the learning rate or the style weight");
			}
			return v;
		}
	}

	/** {total, content, style, tv} at {@code x}, through the objective the steps use. */
	private static double[] measure(LossObjective objective, NDArray x) {
		objective.beginStep();
		return readBack(objective.evaluate(x).loss(), objective.stepTerms());
	}

	/**
	 * The objective of a scale of {@code w × h}: the content and style at that size are made here
	 * and are garbage once their targets are on the device, not held by the step loop (at 4096²
	 * each is a 201 MB Java array).
	 */
	private static LossObjective scaleObjective(ControlledRun controlled, StyleTransferSettings settings, int w, int h,
		TilingPlan tiling, FeatureNetwork network, NDManager scale, ProgressListener listener, int[] done)
	{
		RgbImage c = ImageResize.resize(controlled.content(), w, h);
		if (controlled.changesObjective()) return controlled.objective(network, settings, c, scale);
		RgbImage style = controlled.style();
		int[] ss = ImageResize.fitLongSide(style.width(), style.height(), Math.max(w, h));
		return objective(network, settings, c, ImageResize.resize(style, ss[0], ss[1]), tiling, scale, listener, done);
	}

	/**
	 * The untiled objective, or the tiled one reporting every tile to {@link ProgressListener#tile}
	 * (a progress bar) and, where a step is long, a status line (at most one per {@link #TILE_STATUS_NANOS}).
	 */
	private static LossObjective objective(FeatureNetwork network, StyleTransferSettings settings, RgbImage c, RgbImage s,
		TilingPlan tiling, NDManager scale, ProgressListener listener, int[] stepsBefore)
	{
		if (!tiling.tiled()) return new StyleObjective(network, settings, c, s, scale);
		TiledObjective tiled = new TiledObjective(network, settings, c, s, tiling.grid(), scale);
		int tiles = tiling.tiles();
		long[] last = { System.nanoTime() };
		tiled.onTile(i -> {
			listener.tile(stepsBefore[0], settings.steps(), i + 1, tiles);
			long now = System.nanoTime();
			if (now - last[0] >= TILE_STATUS_NANOS) {
				last[0] = now;
				listener.status(String.format("after step %d: tile %d/%d of this evaluation", stepsBefore[0], i + 1, tiles));
			}
		});
		return tiled;
	}

	private static StepReport report(StyleTransferSettings s, int iteration, NDArray loss, NDArray[] terms, boolean read,
		long start, int w, int h)
	{
		long elapsed = (System.nanoTime() - start) / 1_000_000;
		if (!read) return new StepReport(iteration, s.steps(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, elapsed, w, h);
		double[] v = readBack(loss, terms);
		return new StepReport(iteration, s.steps(), v[0], v[1], v[2], v[3], elapsed, w, h);
	}

	/**
	 * The loss and the three terms (0 where off) in one device-to-host copy: on a GPU each read
	 * is a synchronisation, so four separate reads would stall the queue four times.
	 */
	private static double[] readBack(NDArray loss, NDArray[] terms) {
		NDList parts = new NDList(loss.reshape(1));
		for (int i = 0; i < 3; i++) {
			if (terms != null && terms[i] != null) parts.add(terms[i].reshape(1));
		}
		float[] all = NDArrays.concat(parts).toFloatArray();
		double[] out = new double[4];
		out[0] = all[0];
		for (int i = 0, k = 1; i < 3; i++) {
			if (terms != null && terms[i] != null) out[i + 1] = all[k++];
		}
		return out;
	}

	private static Optimizer newOptimizer(StyleTransferSettings s, NDManager manager) {
		if (s.optimizer() == OptimizerKind.ADAM) {
			return new Adam(manager, s.learningRate(), s.beta1(), s.beta2(), s.epsilon());
		}
		return new Lbfgs(manager, s.learningRate(), s.historySize(), s.lineSearch());
	}

	/** The starting image at the content's working size. */
	public static RgbImage initialImage(StyleTransferSettings s, RgbImage content, RgbImage style) {
		int w = content.width();
		int h = content.height();
		switch (s.init()) {
			case NOISE:
				NoiseStart recipe = s.controls().noiseStart();
				if (recipe != null) return recipe.image(content, s.seed(), s.preset().convention());
				float[] d = new float[3 * w * h];
				SplittableRandom random = new SplittableRandom(s.seed());
				for (int i = 0; i < d.length; i++) d[i] = (float) random.nextDouble();
				return new RgbImage(w, h, d);
			case STYLE:
				return ImageResize.resize(style, w, h);
			case IMAGE:
				return ImageResize.resize(s.initImage(), w, h);
			default:
				return content;
		}
	}

	private static RgbImage download(NDArray x, int w, int h) {
		return new RgbImage(w, h, x.toFloatArray());
	}
}
