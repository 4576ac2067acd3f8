package io.github.neuralstyle.engine.optimizers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;

/**
 * L-BFGS's last {@code m} curvature pairs {@code (s, y)} as the rows of one (2m, n) array
 * (s in rows 0…m−1, y in rows m…2m−1), with every inner product the two-loop recursion needs
 * kept on the host. The recursion then runs on coefficients (vector-free L-BFGS, Chen, Wang
 * &amp; Xu 2014): the direction {@code d = c_g·g + Σ c_j·b_j} is formed by one product with the
 * rows, and the step's new inner products come from two products, {@code B·Wᵀ} and
 * {@code W·Wᵀ} with {@code W = [s; y; g]}. The classic recursion instead makes ~4m passes over
 * image-sized vectors per step, each a kernel launch and a host read on a GPU.
 */
final class LbfgsHistory implements AutoCloseable {

	private static final double CURVATURE_EPS = 1e-10;

	private final NDManager manager;
	private final int m;
	/** Slots in use, oldest first; they form a ring. */
	private final ArrayDeque<Integer> slots = new ArrayDeque<>();
	/** sy[i][j] = s_iᵀy_j, yy[i][j] = y_iᵀy_j, sg[i] = s_iᵀg, yg[i] = y_iᵀg; rho[i] = 1/(s_iᵀy_i). */
	private final double[][] sy, yy;
	private final double[] sg, yg, rho;
	private double gg;
	private double hDiag = 1;
	private NDArray basis;

	/** An empty history of at most {@code m} pairs, its rows in a sub-manager of {@code parent}. */
	LbfgsHistory(NDManager parent, int m) {
		this.manager = parent.newSubManager();
		this.m = m;
		sy = new double[m][m];
		yy = new double[m][m];
		sg = new double[m];
		yg = new double[m];
		rho = new double[m];
	}

	/** The (2m, n) rows, or null before the first pair. */
	NDArray basis() {
		return basis;
	}

	/**
	 * Lends the rows to a step's manager until it closes, so that what ops on them create (their
	 * results, the indexer's temporaries) dies with the step.
	 */
	void lendTo(NDManager step) {
		if (basis != null) basis.tempAttach(step);
	}

	/** Whether no pair is remembered. */
	boolean isEmpty() {
		return slots.isEmpty();
	}

	/** Forgets every pair (a restart from steepest descent). */
	void clear() {
		slots.clear();
		hDiag = 1;
	}

	/**
	 * Takes a step's products: {@code w} holds rows [s, y, g] (k = 3) or [g] (k = 1),
	 * {@code ww} = W·Wᵀ (k×k) and {@code bw} = B·Wᵀ (2m×k, empty without rows), both row-major
	 * from before this call. With {@code addPair}, (s, y) is remembered if {@code yᵀs > 1e-10}.
	 */
	void update(NDArray w, double[] ww, double[] bw, boolean addPair) {
		int k = (int) w.getShape().get(0);
		int p = -1;
		if (addPair && ww[1] > CURVATURE_EPS) {
			p = slots.isEmpty() ? 0 : (slots.peekLast() + 1) % m;
			if (slots.size() == m) slots.removeFirst();
			if (basis == null) {
				basis = manager.zeros(new Shape(2L * m, w.getShape().get(1)), w.getDataType());
				lendTo(w.getManager());
			}
			basis.set(new NDIndex(p), w.get(0));
			basis.set(new NDIndex(m + p), w.get(1));
			for (int j : slots) {
				sy[p][j] = bw[(m + j) * k];
				sy[j][p] = bw[j * k + 1];
				yy[p][j] = yy[j][p] = bw[(m + j) * k + 1];
			}
			sy[p][p] = ww[1];
			yy[p][p] = ww[k + 1];
			rho[p] = 1 / ww[1];
			hDiag = ww[1] / ww[k + 1];
			slots.addLast(p);
		}
		int g = k - 1;
		gg = ww[g * k + g];
		for (int j : slots) {
			sg[j] = j == p ? ww[g] : bw[j * k + g];
			yg[j] = j == p ? ww[k + g] : bw[(m + j) * k + g];
		}
	}

	/**
	 * The two-loop recursion for {@code d = −H·g} on coefficients: fills {@code c} (2m) with
	 * d's weights on the rows and returns {c_g, gᵀd}.
	 */
	double[] direction(double[] c) {
		double[] alpha = new double[m];
		double[] cs = new double[m];
		double[] cy = new double[m];
		double cg = -1;
		for (Iterator<Integer> it = slots.descendingIterator(); it.hasNext();) {
			int i = it.next();
			double dot = cg * sg[i];
			for (int j : slots) dot += cy[j] * sy[i][j];
			alpha[i] = rho[i] * dot;
			cy[i] -= alpha[i];
		}
		cg *= hDiag;
		for (int j : slots) cy[j] *= hDiag;
		for (int i : slots) {
			double dot = cg * yg[i];
			for (int j : slots) dot += cy[j] * yy[i][j] + cs[j] * sy[j][i];
			cs[i] += alpha[i] - rho[i] * dot;
		}
		double gtd = cg * gg;
		Arrays.fill(c, 0);
		for (int j : slots) {
			gtd += cy[j] * yg[j] + cs[j] * sg[j];
			c[j] = cs[j];
			c[m + j] = cy[j];
		}
		return new double[] { cg, gtd };
	}

	@Override
	public void close() {
		manager.close();
	}
}
