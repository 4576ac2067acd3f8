package io.github.neuralstyle.engine.tiling;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.GradientCollector;

import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.losses.Losses;
import io.github.neuralstyle.engine.losses.LossObjective;
import io.github.neuralstyle.engine.losses.Scalars;
import io.github.neuralstyle.engine.losses.StyleObjective;
import io.github.neuralstyle.engine.network.FeatureNetwork;
import io.github.neuralstyle.engine.optimizers.Evaluation;
import io.github.neuralstyle.engine.platform.Devices;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * The loss of {@link StyleObjective} and its gradient, computed tile by tile so that memory is
 * bounded by a tile's window, not the image; equal to the untiled values up to float rounding.
 * <ol>
 * <li>Pass 1, no graph: each tile's core features, summed into every style layer's Gram matrix
 * G_l, give the style value and the constant D_l = ∂style/∂(F·Fᵀ) ({@link Losses#gramDerivative}).
 * The last tile runs forward with its graph, through the deepest layer of either term, and goes
 * on to pass 2 at once: one window's forward pass less per evaluation.</li>
 * <li>Pass 2, per tile with a graph: Σ_l β·w_l·Σ D_l ⊙ F_core·F̄_coreᵀ plus the content term of
 * the core (normalised by the whole layer's size), backward to the window's pixels, added into
 * the full-size gradient. Each position belongs to one core and its receptive field lies inside
 * its window, so the sum over tiles is the untiled gradient.</li>
 * <li>TV on the whole image, in bands of rows: it is local and cheap.</li>
 * </ol>
 */
public final class TiledObjective implements LossObjective {

	/** Rows per band of the TV term: 3 × 256 × 4096 floats, 12 MB, at 4096 px wide. */
	private static final int TV_BAND_ROWS = 256;

	private final FeatureNetwork network;
	private final StyleTransferSettings settings;
	private final TileGrid grid;
	private final NDManager targets;
	private final Map<String, Integer> strides = new HashMap<>();
	private final Set<String> layers = new LinkedHashSet<>();
	private final Set<String> styleLayers = new LinkedHashSet<>();
	/** Per tile, the content's core features at each content layer. */
	private final List<Map<String, NDArray>> contentTargets = new ArrayList<>();
	/** Per content layer, C·H·W of the whole layer: the mean's denominator. */
	private final Map<String, Long> contentSizes = new HashMap<>();
	private final Map<String, NDArray> styleTargets;
	private IntConsumer tileListener = i -> {};
	private NDArray[] terms;

	/**
	 * Computes the targets tile by tile: content core features on {@code grid}, style Gram
	 * matrices on a grid of the same core over {@code style} at its given size.
	 */
	public TiledObjective(FeatureNetwork network, StyleTransferSettings settings, RgbImage content, RgbImage style,
		TileGrid grid, NDManager parent)
	{
		this.network = network;
		this.settings = settings;
		this.grid = grid;
		this.targets = parent.newSubManager();
		boolean contentOn = settings.contentWeight() > 0;
		if (contentOn) layers.addAll(settings.contentLayers().keySet());
		if (settings.styleWeight() > 0) styleLayers.addAll(settings.styleLayers().keySet());
		layers.addAll(styleLayers);
		for (String l : layers) strides.put(l, TileGeometry.strideAt(network.architecture(), network.architecture().index(l)));
		try (NDManager tmp = targets.newSubManager()) {
			if (contentOn && !settings.contentLayers().isEmpty()) {
				NDArray image = network.toArray(content, tmp);
				for (Tile tile : grid.tiles()) {
					Map<String, NDArray> cores = new HashMap<>();
					try (NDManager t = tmp.newSubManager()) {
						NDArray window = grid.window(image, tile);
						window.attach(t);
						Map<String, NDArray> f = network.features(window, settings.contentLayers().keySet());
						for (String l : settings.contentLayers().keySet()) {
							NDArray core = grid.core(f.get(l), tile, strides.get(l));
							if (core == null) continue;
							// A copy, not a view: the window's whole feature map must not stay alive.
							NDArray kept = core.duplicate();
							kept.attach(targets);
							cores.put(l, kept);
							contentSizes.merge(l, core.size(), Long::sum);
						}
					}
					contentTargets.add(cores);
				}
			}
			if (!styleLayers.isEmpty()) {
				NDArray image = network.toArray(style, tmp);
				TileGrid styleGrid = new TileGrid(style.width(), style.height(), grid.core(), grid.geometry());
				styleTargets = TiledGram.of(network, image, styleGrid, styleLayers, strides, targets);
			}
			else {
				styleTargets = Map.of();
			}
		}
	}

	/** Called with k as pass 2 finishes its (k+1)-th tile of an evaluation: progress where a step is long. */
	public void onTile(IntConsumer listener) {
		this.tileListener = listener;
	}

	/** The grid the objective evaluates on. */
	public TileGrid grid() {
		return grid;
	}

	@Override
	public Evaluation evaluate(NDArray x) {
		NDManager step = x.getManager();
		List<Tile> tiles = grid.tiles();
		int last = tiles.size() - 1;
		NDArray gradient = step.zeros(x.getShape(), x.getDataType());
		NDArray content = contentSizes.isEmpty() ? null : step.zeros(new ai.djl.ndarray.types.Shape(), x.getDataType());
		Map<String, NDArray> derivatives = new HashMap<>();
		NDArray style = null;
		int done = 0;
		// Pass 1 without a graph, except the last tile's: its forward runs with its graph and serves
		// pass 2 too, one forward pass less per evaluation, never two windows' graphs alive at once.
		TiledGram sum = styleLayers.isEmpty() ? null : new TiledGram(grid, styleLayers, strides, step);
		if (sum != null) sum.addForward(network, x, tiles.subList(0, last));
		try (NDManager t = step.newSubManager();
			GradientCollector collector = Engine.getEngine(Devices.ENGINE).newGradientCollector())
		{
			NDArray leaf = leaf(x, tiles.get(last), t);
			Map<String, NDArray> f = network.features(leaf, layers);
			if (sum != null) {
				sum.add(tiles.get(last), f);
				Map<String, NDArray> grams = sum.grams();
				for (String l : styleLayers) {
					NDArray diff = grams.get(l).sub(styleTargets.get(l));
					double w = settings.styleLayers().get(l);
					style = StyleObjective.weighted(style, diff.square().mean(), w);
					long positions = grams.get(l).getShape().get(0) * positionsOf(l);
					derivatives.put(l, Losses.gramDerivative(diff, positions).mul(Scalars.of(diff, w * settings.styleWeight())));
				}
			}
			backward(last, leaf, f, derivatives, content, gradient, collector);
		}
		tileListener.accept(done++);
		for (int i = 0; i < last; i++) {
			try (NDManager t = step.newSubManager();
				GradientCollector collector = Engine.getEngine(Devices.ENGINE).newGradientCollector())
			{
				NDArray leaf = leaf(x, tiles.get(i), t);
				backward(i, leaf, network.features(leaf, layers), derivatives, content, gradient, collector);
			}
			tileListener.accept(done++);
		}
		NDArray tv = settings.tvWeight() > 0 ? totalVariation(x, gradient) : null;
		if (terms == null) terms = new NDArray[] { content, style, tv };
		return new Evaluation(StyleObjective.total(settings, content, style, tv), gradient);
	}

	/** A copy of {@code tile}'s window of {@code x} that records its gradient, owned by {@code t}. */
	private NDArray leaf(NDArray x, Tile tile, NDManager t) {
		NDArray window = grid.window(x, tile);
		window.attach(t);
		NDArray leaf = window.duplicate();
		leaf.setRequiresGradient(true);
		return leaf;
	}

	/**
	 * Pass 2 of tile {@code i} from its window's features {@code f} (recorded with their graph):
	 * backward from the surrogate style term and the core's content term, the window's gradient
	 * added into {@code gradient}, the content term into {@code content}.
	 */
	private void backward(int i, NDArray leaf, Map<String, NDArray> f, Map<String, NDArray> derivatives, NDArray content,
		NDArray gradient, GradientCollector collector)
	{
		Tile tile = grid.tiles().get(i);
		NDArray objective = null;
		for (Map.Entry<String, NDArray> target : contentTargets.isEmpty() ? Map.<String, NDArray>of().entrySet()
			: contentTargets.get(i).entrySet())
		{
			String l = target.getKey();
			NDArray core = grid.core(f.get(l), tile, strides.get(l));
			NDArray term = core.sub(target.getValue()).square().sum().div(Scalars.of(core, contentSizes.get(l)));
			double w = settings.contentLayers().get(l);
			content.addi(term.stopGradient().mul(Scalars.of(term, w)));
			objective = StyleObjective.weighted(objective, term, w * settings.contentWeight());
		}
		for (String l : styleLayers) {
			NDArray core = grid.core(f.get(l), tile, strides.get(l));
			if (core == null) continue;
			long c = core.getShape().get(1);
			NDArray m = core.reshape(c, core.size() / c);
			NDArray surrogate = m.matMul(m.stopGradient().transpose()).mul(derivatives.get(l)).sum();
			objective = objective == null ? surrogate : objective.add(surrogate);
		}
		if (objective == null) return;
		collector.backward(objective);
		addInto(gradient, grid.windowIndex(tile), leaf);
	}

	/**
	 * TV of the whole image in bands of {@link #TV_BAND_ROWS} rows, its weighted gradient added
	 * into {@code gradient}: each band owns the differences that start in its rows (reading one
	 * row below it), each mean's denominator is the whole image's count, so the sum over bands
	 * is {@link Losses#totalVariation} with memory of a band instead of a dozen image-sized arrays.
	 */
	private NDArray totalVariation(NDArray x, NDArray gradient) {
		long c = x.getShape().get(1);
		int h = grid.height(), w = grid.width();
		double vertical = h > 1 ? c * (h - 1.0) * w : 0, horizontal = w > 1 ? c * (double) h * (w - 1) : 0;
		NDManager step = x.getManager();
		NDArray value = step.zeros(new ai.djl.ndarray.types.Shape(), x.getDataType());
		for (int r0 = 0; r0 < h; r0 += TV_BAND_ROWS) {
			int r1 = Math.min(h, r0 + TV_BAND_ROWS);
			int end = Math.min(h, r1 + 1);
			try (NDManager band = step.newSubManager()) {
				NDIndex index = new NDIndex(":, :, {}:{}, :", r0, end);
				NDArray window = x.get(index);
				window.attach(band);
				NDArray leaf = window.duplicate();
				leaf.setRequiresGradient(true);
				try (GradientCollector collector = Engine.getEngine(Devices.ENGINE).newGradientCollector()) {
					NDArray sum = null;
					if (vertical > 0 && end - r0 > 1) {
						NDArray d = leaf.get(":, :, 1:, :").sub(leaf.get(":, :, :-1, :"));
						sum = d.square().sum().div(Scalars.of(d, vertical));
					}
					if (horizontal > 0) {
						NDArray own = leaf.get(new NDIndex(":, :, 0:{}, :", r1 - r0));
						NDArray d = own.get(":, :, :, 1:").sub(own.get(":, :, :, :-1"));
						NDArray term = d.square().sum().div(Scalars.of(d, horizontal));
						sum = sum == null ? term : sum.add(term);
					}
					if (sum == null) continue;
					value.addi(sum.stopGradient());
					collector.backward(sum.mul(Scalars.of(sum, settings.tvWeight())));
				}
				addInto(gradient, index, leaf);
			}
		}
		return value;
	}

	/**
	 * Adds {@code leaf}'s gradient in place into the view of {@code gradient} at {@code index}: no
	 * window-sized copy. The view is closed at once: made from {@code gradient} it belongs to the
	 * step's manager, where one handle per tile would otherwise stay until the evaluation ends.
	 */
	private static void addInto(NDArray gradient, NDIndex index, NDArray leaf) {
		try (NDArray g = leaf.getGradient(); NDArray view = gradient.get(index)) {
			view.addi(g);
		}
	}

	/** H'·W' of layer {@code l} over the whole image: floor pooling, as the untiled network. */
	private long positionsOf(String l) {
		int s = strides.get(l);
		return (long) (grid.height() / s) * (grid.width() / s);
	}

	@Override
	public void beginStep() {
		terms = null;
	}

	@Override
	public NDArray[] stepTerms() {
		return terms;
	}

	@Override
	public void close() {
		targets.close();
	}
}
