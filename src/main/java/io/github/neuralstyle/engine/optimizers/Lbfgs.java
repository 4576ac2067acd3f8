package io.github.neuralstyle.engine.optimizers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import io.github.neuralstyle.engine.network.FeatureNetwork;

import java.util.Arrays;

/**
 * Limited-memory BFGS, following PyTorch's {@code torch.optim.LBFGS}: the direction is
 * {@code d = −H·g} from the two-loop recursion over the last {@code history} pairs
 * {@code s = x_{k+1} − x_k}, {@code y = g_{k+1} − g_k} (pairs with {@code yᵀs ≤ 1e-10} are
 * skipped), with the initial Hessian {@code H₀ = (yᵀs / yᵀy)·I}.
 * <p>
 * Without line search one step is one evaluation and moves {@code x ← x + t·d} with
 * {@code t = lr} ({@code min(1, 1/‖g‖₁)·lr} on the first step). With line search, {@code t}
 * satisfies the strong Wolfe conditions ({@link StrongWolfe}), which costs further evaluations.
 * Pairs are formed from the point as found at the next step, so a caller's clamping is
 * accounted for; a step that raised the loss clears the history (a restart from −g).
 * <p>
 * The recursion runs on the host over inner products ({@link LbfgsHistory}), so a step without
 * line search reads from the device once.
 */
public final class Lbfgs implements Optimizer {

	private final NDManager manager;
	private final double lr;
	private final boolean lineSearch;
	private final LbfgsHistory history;
	private final int m;
	private NDArray prevX, prevG;
	private double prevLoss = Double.POSITIVE_INFINITY;

	/** Creates L-BFGS keeping its history in a sub-manager of {@code parent}. */
	public Lbfgs(NDManager parent, double lr, int history, boolean lineSearch) {
		this.manager = parent.newSubManager();
		this.lr = lr;
		this.m = history;
		this.lineSearch = lineSearch;
		this.history = new LbfgsHistory(manager, history);
	}

	@Override
	public NDArray step(NDArray x, Objective f, NDManager step) {
		history.lendTo(step);
		Evaluation e = f.evaluate(x);
		NDArray g = e.gradient().reshape(-1);
		NDArray flatX = x.reshape(-1);
		boolean first = prevX == null;
		NDArray w = first ? g.reshape(1, -1) : NDArrays.stack(new NDList(flatX.sub(prevX), g.sub(prevG), g));
		int k = (int) w.getShape().get(0);
		// The step's one device-to-host read: loss, ‖g‖₁, W·Wᵀ and B·Wᵀ.
		NDList parts = new NDList(e.loss().reshape(1).toType(w.getDataType(), false), g.abs().sum().reshape(1),
			w.matMul(w.transpose()).reshape(-1));
		if (history.basis() != null) parts.add(history.basis().matMul(w.transpose()).reshape(-1));
		double[] read = NDArrays.concat(parts).toType(DataType.FLOAT64, false).toDoubleArray();
		double loss = read[0];
		double[] ww = Arrays.copyOfRange(read, 2, 2 + k * k);
		double[] bw = Arrays.copyOfRange(read, 2 + k * k, read.length);
		boolean uphill = !first && !(loss <= prevLoss);
		if (uphill) {
			// The last step went uphill: its curvature model is wrong here (pixels clamped at
			// 0 or 1 break the secant pairs). Start afresh from steepest descent.
			history.clear();
			first = true;
		}
		history.update(w, ww, bw, !first);
		prevLoss = loss;
		double[] c = new double[2 * m];
		double[] cgAndGtd = history.direction(c);
		double gtd = cgAndGtd[1];
		if (gtd > -1e-12 && !history.isEmpty()) {
			// Not a descent direction (curvature information went stale): restart from −g.
			history.clear();
			cgAndGtd = history.direction(c);
			gtd = cgAndGtd[1];
		}
		keep(flatX, g);
		if (gtd > -1e-30) return e.loss(); // gradient is zero: at a stationary point
		double t = first ? Math.min(1, 1 / read[1]) * lr : lr;
		NDArray d = g.mul((float) cgAndGtd[0]);
		if (!history.isEmpty()) {
			float[] rows = new float[c.length];
			for (int i = 0; i < c.length; i++) rows[i] = (float) c[i];
			NDArray weights = FeatureNetwork.upload(g.getManager(), rows, new Shape(1, c.length), g.getDataType());
			d.addi(weights.matMul(history.basis()).reshape(-1));
		}
		if (lineSearch) {
			NDArray dir = d;
			t = new StrongWolfe(s -> {
				NDArray trial = flatX.add(dir.mul((float) s)).reshape(x.getShape());
				Evaluation te = f.evaluate(trial);
				return new double[] { te.loss().getFloat(), te.gradient().reshape(-1).dot(dir).getFloat() };
			}).search(t, loss, gtd, d.abs().max().getFloat());
		}
		x.addi(d.muli((float) t).reshape(x.getShape()));
		return e.loss();
	}

	private void keep(NDArray flatX, NDArray g) {
		if (prevX != null) {
			prevX.close();
			prevG.close();
		}
		prevX = flatX.duplicate();
		prevG = g.duplicate();
		prevX.attach(manager);
		prevG.attach(manager);
	}

	@Override
	public void close() {
		history.close();
		manager.close();
	}
}
