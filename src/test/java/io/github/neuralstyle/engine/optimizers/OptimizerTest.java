package io.github.neuralstyle.engine.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import io.github.neuralstyle.engine.platform.Devices;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Adam and L-BFGS on functions with known minima and analytic gradients. */
class OptimizerTest {

	private static final int N = 20;
	/** A fresh manager per test, closed after it. */
	@AutoClose
	private final NDManager manager = NDManager.newBaseManager(ai.djl.Device.cpu(), Devices.ENGINE);

	/** f(x) = ½ Σ a_i (x_i − c_i)², a_i from 1 to 100 (condition number 100); minimum 0 at c. */
	private static Evaluation quadratic(NDArray x) {
		float[] v = x.toFloatArray();
		float[] g = new float[v.length];
		double f = 0;
		for (int i = 0; i < v.length; i++) {
			double a = 1 + 99.0 * i / (v.length - 1);
			double d = v[i] - (i % 3 - 1);
			f += 0.5 * a * d * d;
			g[i] = (float) (a * d);
		}
		return evaluation(x, f, g);
	}

	/** Rosenbrock f = (1 − x)² + 100 (y − x²)², minimum 0 at (1, 1). */
	private static Evaluation rosenbrock(NDArray p) {
		float[] v = p.toFloatArray();
		double x = v[0], y = v[1];
		double f = (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
		float gx = (float) (-2 * (1 - x) - 400 * x * (y - x * x));
		float gy = (float) (200 * (y - x * x));
		return evaluation(p, f, new float[] { gx, gy });
	}

	private static Evaluation evaluation(NDArray x, double f, float[] g) {
		NDManager m = x.getManager();
		return new Evaluation(m.create((float) f), m.create(g, x.getShape()));
	}

	/** Runs {@code steps} steps and returns the final function value. */
	private double minimise(Optimizer opt, NDArray x, Function<NDArray, Evaluation> f, int steps) {
		for (int i = 0; i < steps; i++) {
			try (NDManager step = manager.newSubManager()) {
				x.tempAttach(step);
				opt.step(x, f::apply, step);
			}
		}
		try (NDManager step = manager.newSubManager()) {
			x.tempAttach(step);
			return f.apply(x).loss().getFloat();
		}
	}

	@Test
	void lbfgsSolvesTheQuadratic() {
		try (Lbfgs lbfgs = new Lbfgs(manager, 1, 10, false)) {
			assertTrue(minimise(lbfgs, manager.zeros(new Shape(N)), OptimizerTest::quadratic, 100) < 1e-6);
		}
	}

	@Test
	void lbfgsWithLineSearchSolvesTheQuadratic() {
		try (Lbfgs lbfgs = new Lbfgs(manager, 1, 10, true)) {
			assertTrue(minimise(lbfgs, manager.zeros(new Shape(N)), OptimizerTest::quadratic, 40) < 1e-6);
		}
	}

	@Test
	void lbfgsSolvesRosenbrockFromTheClassicStart() {
		NDArray x = manager.create(new float[] { -1.2f, 1f });
		try (Lbfgs lbfgs = new Lbfgs(manager, 1, 10, true)) {
			double f = minimise(lbfgs, x, OptimizerTest::rosenbrock, 100);
			assertTrue(f < 1e-6, "f = " + f);
			assertEquals(1, x.getFloat(0), 2e-3);
			assertEquals(1, x.getFloat(1), 4e-3);
		}
	}

	/**
	 * Our L-BFGS (two-loop recursion on host-side inner products) against the classic
	 * recursion over vectors, written out in doubles below: the same iterates, restarts included.
	 */
	@Test
	void lbfgsFollowsTheClassicTwoLoopRecursion() {
		for (Function<NDArray, Evaluation> f : List.<Function<NDArray, Evaluation>>of(OptimizerTest::quadratic,
			OptimizerTest::rosenbrockLike))
		{
			NDArray x = manager.zeros(new Shape(N));
			ClassicLbfgs classic = new ClassicLbfgs(1, 4);
			double[] expected = new double[N];
			try (Lbfgs lbfgs = new Lbfgs(manager, 1, 4, false)) {
				for (int i = 0; i < 12; i++) {
					minimise(lbfgs, x, f, 1);
					classic.step(expected, v -> evaluateAt(f, v));
					float[] actual = x.toFloatArray();
					for (int j = 0; j < N; j++) {
						assertEquals(expected[j], actual[j], 1e-4 * (1 + Math.abs(expected[j])), "step " + i + ", x[" + j + "]");
					}
				}
			}
		}
	}

	/** f and its gradient at {@code v}, from the same NDArray function: {value, g_0, …}. */
	private double[] evaluateAt(Function<NDArray, Evaluation> f, double[] v) {
		try (NDManager m = manager.newSubManager()) {
			float[] fv = new float[v.length];
			for (int i = 0; i < v.length; i++) fv[i] = (float) v[i];
			Evaluation e = f.apply(m.create(fv));
			float[] g = e.gradient().toFloatArray();
			double[] out = new double[v.length + 1];
			out[0] = e.loss().getFloat();
			for (int i = 0; i < g.length; i++) out[i + 1] = g[i];
			return out;
		}
	}

	/**
	 * Textbook L-BFGS with the same rules as ours: first step min(1, 1/‖g‖₁)·lr; a step that
	 * raised the loss clears the history and halves the move from the accepted point, the 11th
	 * rejection in a row restarts from it along −g.
	 */
	private static final class ClassicLbfgs {
		private final double lr;
		private final int history;
		private final java.util.ArrayDeque<double[][]> pairs = new java.util.ArrayDeque<>();
		private double[] prevX, prevG;
		private double prevLoss = Double.POSITIVE_INFINITY, hDiag = 1;
		private int rejectedInARow;

		ClassicLbfgs(double lr, int history) {
			this.lr = lr;
			this.history = history;
		}

		void step(double[] x, Function<double[], double[]> f) {
			double[] e = f.apply(x);
			double loss = e[0];
			double[] g = Arrays.copyOfRange(e, 1, e.length);
			boolean first = prevX == null;
			if (!first && !(loss <= prevLoss)) {
				pairs.clear();
				hDiag = 1;
				double t = Math.min(1, 1 / l1(prevG)) * lr;
				boolean restart = ++rejectedInARow == Lbfgs.MAX_HALVINGS + 1;
				for (int i = 0; i < x.length; i++) x[i] = restart ? prevX[i] - t * prevG[i] : (x[i] + prevX[i]) / 2;
				return;
			}
			rejectedInARow = 0;
			if (!first) {
				double[] s = minus(x, prevX);
				double[] y = minus(g, prevG);
				double ys = dot(y, s);
				if (ys > 1e-10) {
					if (pairs.size() == history) pairs.removeFirst();
					pairs.addLast(new double[][] { s, y, { 1 / ys } });
					hDiag = ys / dot(y, y);
				}
			}
			prevLoss = loss;
			double[] d = twoLoop(g);
			if (dot(g, d) > -1e-12 && !pairs.isEmpty()) {
				pairs.clear();
				hDiag = 1;
				d = twoLoop(g);
			}
			prevX = x.clone();
			prevG = g;
			if (dot(g, d) > -1e-30) return;
			double t = first ? Math.min(1, 1 / l1(g)) * lr : lr;
			for (int i = 0; i < x.length; i++) x[i] += t * d[i];
		}

		private double[] twoLoop(double[] g) {
			double[] q = new double[g.length];
			for (int i = 0; i < g.length; i++) q[i] = -g[i];
			List<double[][]> list = new java.util.ArrayList<>(pairs);
			double[] alpha = new double[list.size()];
			for (int i = list.size() - 1; i >= 0; i--) {
				double[][] p = list.get(i);
				alpha[i] = p[2][0] * dot(p[0], q);
				for (int j = 0; j < q.length; j++) q[j] -= alpha[i] * p[1][j];
			}
			for (int j = 0; j < q.length; j++) q[j] *= hDiag;
			for (int i = 0; i < list.size(); i++) {
				double[][] p = list.get(i);
				double beta = p[2][0] * dot(p[1], q);
				for (int j = 0; j < q.length; j++) q[j] += (alpha[i] - beta) * p[0][j];
			}
			return q;
		}

		private static double l1(double[] a) {
			double s = 0;
			for (double v : a) s += Math.abs(v);
			return s;
		}

		private static double dot(double[] a, double[] b) {
			double s = 0;
			for (int i = 0; i < a.length; i++) s += a[i] * b[i];
			return s;
		}

		private static double[] minus(double[] a, double[] b) {
			double[] out = new double[a.length];
			for (int i = 0; i < a.length; i++) out[i] = a[i] - b[i];
			return out;
		}
	}

	/**
	 * Σ √(1 + x_i²) from x = 10: almost linear there, so the secant pairs see almost no
	 * curvature and the quasi-Newton step overshoots far past the minimum at 0 (the loss rises
	 * ~100×). Whenever the run stops, the point it keeps must have a loss no higher than at any
	 * earlier stop.
	 */
	@Test
	void lbfgsNeverKeepsAStepThatRaisedTheLoss() {
		for (boolean lineSearch : new boolean[] { false, true }) {
			NDArray x = manager.full(new Shape(N), 10f);
			double start = N * Math.sqrt(101);
			double kept = start;
			boolean overshot = false;
			try (Lbfgs lbfgs = new Lbfgs(manager, 1, 10, lineSearch)) {
				for (int i = 0; i < 60; i++) {
					minimise(lbfgs, x, OptimizerTest::flatFarOut, 1);
					// What the run would end on if it stopped here: x, or the better point it accepted.
					try (NDManager probe = manager.newSubManager()) {
						NDArray candidate = x.duplicate();
						candidate.attach(probe);
						double atCandidate = softAbs(candidate.toFloatArray());
						overshot |= atCandidate > kept * 1.5;
						lbfgs.restoreBest(candidate, atCandidate);
						double atKept = softAbs(candidate.toFloatArray());
						assertTrue(atKept <= kept * (1 + 1e-6), (lineSearch ? "line search" : "no line search") + ", step "
							+ i + ": the kept point's loss rose from " + kept + " to " + atKept);
						kept = atKept;
					}
				}
				if (!lineSearch) {
					assertTrue(overshot, "the test function must provoke an uphill step");
					assertTrue(lbfgs.rejections() > 0, "no step was rejected");
				}
			}
			assertTrue(kept < 0.5 * start, "no progress: " + start + " → " + kept);
		}
	}

	/** The objective of {@link #lbfgsNeverKeepsAStepThatRaisedTheLoss}, from its float values. */
	private static double softAbs(float[] v) {
		double f = 0;
		for (float xi : v) f += Math.sqrt(1 + (double) xi * xi);
		return f;
	}

	private static Evaluation flatFarOut(NDArray x) {
		float[] v = x.toFloatArray();
		float[] g = new float[v.length];
		for (int i = 0; i < v.length; i++) g[i] = (float) (v[i] / Math.sqrt(1 + (double) v[i] * v[i]));
		return evaluation(x, softAbs(v), g);
	}

	@Test
	void adamSolvesTheQuadratic() {
		try (Adam adam = new Adam(manager, 0.05, 0.9, 0.999, 1e-8)) {
			double f = minimise(adam, manager.zeros(new Shape(N)), OptimizerTest::quadratic, 2000);
			assertTrue(f < 1e-6, "f = " + f);
		}
	}

	@Test
	void lbfgsHoldsNoMoreThanItsHistory() {
		NDArray x = manager.zeros(new Shape(N));
		int history = 5;
		try (Lbfgs lbfgs = new Lbfgs(manager, 1, history, true)) {
			for (int i = 0; i < 60; i++) {
				minimise(lbfgs, x, OptimizerTest::rosenbrockLike, 1);
				// x, the previous point and gradient, and (s, y, 1/yᵀs) per remembered pair
				int live = manager.getManagedArrays().size();
				assertTrue(live <= 3 + 3 * history, "live arrays after step " + i + ": " + live);
			}
		}
	}

	@Test
	void adamHoldsOnlyItsMoments() {
		NDArray x = manager.zeros(new Shape(N));
		try (Adam adam = new Adam(manager, 0.01, 0.9, 0.999, 1e-8)) {
			for (int i = 0; i < 20; i++) {
				minimise(adam, x, OptimizerTest::quadratic, 1);
				assertEquals(3, manager.getManagedArrays().size());
			}
		}
	}

	/** A chained Rosenbrock in N dimensions: keeps L-BFGS busy (and its history full) for many steps. */
	private static Evaluation rosenbrockLike(NDArray p) {
		float[] v = p.toFloatArray();
		float[] g = new float[v.length];
		double f = 0;
		for (int i = 0; i + 1 < v.length; i++) {
			double a = 1 - v[i];
			double b = v[i + 1] - v[i] * v[i];
			f += a * a + 100 * b * b;
			g[i] += (float) (-2 * a - 400 * v[i] * b);
			g[i + 1] += (float) (200 * b);
		}
		return evaluation(p, f, g);
	}
}
