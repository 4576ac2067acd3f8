package io.github.neuralstyle.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

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
 */
public final class Lbfgs implements Optimizer {

	private static final double CURVATURE_EPS = 1e-10;

	private final NDManager manager;
	private final double lr;
	private final int history;
	private final boolean lineSearch;
	private final Deque<NDArray[]> pairs = new ArrayDeque<>();
	private NDArray prevX, prevG;
	private double hDiag = 1;
	private double prevLoss = Double.POSITIVE_INFINITY;

	/** Creates L-BFGS keeping its history in a sub-manager of {@code parent}. */
	public Lbfgs(NDManager parent, double lr, int history, boolean lineSearch) {
		this.manager = parent.newSubManager();
		this.lr = lr;
		this.history = history;
		this.lineSearch = lineSearch;
	}

	@Override
	public NDArray step(NDArray x, Objective f, NDManager step) {
		Evaluation e = f.evaluate(x);
		NDArray g = e.gradient().reshape(-1);
		NDArray flatX = x.reshape(-1);
		double loss = e.loss().getFloat();
		boolean first = prevX == null;
		if (!first && !(loss <= prevLoss)) {
			// The last step went uphill: its curvature model is wrong here (pixels clamped at
			// 0 or 1 break the secant pairs). Start afresh from steepest descent.
			clearHistory();
			first = true;
		}
		else if (!first) {
			updateHistory(flatX, g);
		}
		prevLoss = loss;
		NDArray d = direction(g);
		double gtd = g.dot(d).getFloat();
		if (gtd > -1e-12 && !pairs.isEmpty()) {
			// Not a descent direction (curvature information went stale): restart from −g.
			clearHistory();
			d = g.neg();
			gtd = g.dot(d).getFloat();
		}
		keep(flatX, g);
		if (gtd > -1e-30) return e.loss(); // gradient is zero: at a stationary point
		double t = first ? Math.min(1, 1 / g.abs().sum().getFloat()) * lr : lr;

		if (lineSearch) {
			double f0 = loss;
			NDArray dir = d;
			t = new StrongWolfe(s -> {
						NDArray trial = flatX.add(dir.mul((float) s)).reshape(x.getShape());
				Evaluation te = f.evaluate(trial);
				return new double[] { te.loss().getFloat(), te.gradient().reshape(-1).dot(dir).getFloat() };
			}).search(t, f0, gtd, d.abs().max().getFloat());
		}
		x.addi(d.muli((float) t).reshape(x.getShape()));
		return e.loss();
	}

	private void updateHistory(NDArray flatX, NDArray g) {
		NDArray s = flatX.sub(prevX);
		NDArray y = g.sub(prevG);
		NDArray ysArray = y.dot(s);
		double ys = ysArray.getFloat();
		if (ys > CURVATURE_EPS) {
			if (pairs.size() == history) {
				for (NDArray a : pairs.removeFirst()) a.close();
			}
			NDArray rho = ysArray.pow(-1f);
			// Before y moves to the history's manager: results of ops on y land in y's manager.
			hDiag = ys / y.dot(y).getFloat();
			s.attach(manager);
			y.attach(manager);
			rho.attach(manager);
			pairs.addLast(new NDArray[] { s, y, rho });
		}
	}

	/** The two-loop recursion; all temporaries are created from {@code g}, so they live in the step. */
	private NDArray direction(NDArray g) {
		NDArray q = g.neg();
		int n = pairs.size();
		NDArray[] alpha = new NDArray[n];
		Iterator<NDArray[]> newestFirst = pairs.descendingIterator();
		for (int i = n - 1; i >= 0; i--) {
			NDArray[] p = newestFirst.next();
			alpha[i] = q.dot(p[0]).mul(p[2]);
			q.subi(alpha[i].mul(p[1]));
		}
		NDArray r = q.muli((float) hDiag);
		int i = 0;
		for (NDArray[] p : pairs) {
			NDArray beta = r.dot(p[1]).mul(p[2]);
			r.addi(alpha[i].sub(beta).mul(p[0]));
			i++;
		}
		return r;
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

	private void clearHistory() {
		for (NDArray[] p : pairs) {
			for (NDArray a : p) a.close();
		}
		pairs.clear();
		hDiag = 1;
	}

	@Override
	public void close() {
		pairs.clear();
		manager.close();
	}
}
