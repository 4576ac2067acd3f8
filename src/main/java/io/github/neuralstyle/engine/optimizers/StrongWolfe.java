package io.github.neuralstyle.engine.optimizers;

import java.util.function.DoubleFunction;

/**
 * A line search for a step length t satisfying the strong Wolfe conditions
 * {@code φ(t) ≤ φ(0) + c1·t·φ'(0)} and {@code |φ'(t)| ≤ c2·|φ'(0)|}, with c1 = 1e-4 and
 * c2 = 0.9: bracketing then zoom with safeguarded cubic interpolation, as in PyTorch's
 * {@code _strong_wolfe} (after Nocedal &amp; Wright, Algorithm 3.5).
 */
final class StrongWolfe {

	private static final double C1 = 1e-4;
	private static final double C2 = 0.9;
	private static final double TOLERANCE_CHANGE = 1e-9;
	private static final int MAX_EVALUATIONS = 25;

	/** φ(t) → {value, directional derivative}. */
	private final DoubleFunction<double[]> phi;

	StrongWolfe(DoubleFunction<double[]> phi) {
		this.phi = phi;
	}

	/** Returns an accepted step from the initial guess {@code t}, given φ(0), φ'(0) and max|d|. */
	double search(double t, double f0, double gtd0, double dNorm) {
		double[] fg = phi.apply(t);
		double tPrev = 0, fPrev = f0, gPrev = gtd0;
		int evals = 1;
		double[] bt, bf, bg;
		boolean done = false;
		while (true) {
			boolean sufficientDecrease = fg[0] <= f0 + C1 * t * gtd0 && !(evals > 2 && fg[0] >= fPrev);
			if (sufficientDecrease && Math.abs(fg[1]) <= -C2 * gtd0) {
				return t;
			}
			if (!sufficientDecrease || fg[1] >= 0) {
				bt = new double[] { tPrev, t };
				bf = new double[] { fPrev, fg[0] };
				bg = new double[] { gPrev, fg[1] };
				break;
			}
			if (evals >= MAX_EVALUATIONS) {
				bt = new double[] { 0, t };
				bf = new double[] { f0, fg[0] };
				bg = new double[] { gtd0, fg[1] };
				break;
			}
			double next = cubic(tPrev, fPrev, gPrev, t, fg[0], fg[1], t + 0.01 * (t - tPrev), t * 10);
			tPrev = t;
			fPrev = fg[0];
			gPrev = fg[1];
			t = next;
			fg = phi.apply(t);
			evals++;
		}
		int lo = bf[0] <= bf[1] ? 0 : 1;
		boolean insufficientProgress = false;
		while (!done && evals < MAX_EVALUATIONS) {
			if (Math.abs(bt[1] - bt[0]) * dNorm < TOLERANCE_CHANGE) break;
			double min = Math.min(bt[0], bt[1]);
			double max = Math.max(bt[0], bt[1]);
			t = cubic(bt[0], bf[0], bg[0], bt[1], bf[1], bg[1], min, max);
			double eps = 0.1 * (max - min);
			if (Math.min(max - t, t - min) < eps) {
				// Too close to an end: move away from it unless the last step already made progress.
				if (insufficientProgress || t >= max || t <= min) {
					t = Math.abs(t - max) < Math.abs(t - min) ? max - eps : min + eps;
					insufficientProgress = false;
				}
				else {
					insufficientProgress = true;
				}
			}
			else {
				insufficientProgress = false;
			}
			fg = phi.apply(t);
			evals++;
			int hi = 1 - lo;
			if (fg[0] > f0 + C1 * t * gtd0 || fg[0] >= bf[lo]) {
				bt[hi] = t;
				bf[hi] = fg[0];
				bg[hi] = fg[1];
				lo = bf[0] <= bf[1] ? 0 : 1;
			}
			else {
				if (Math.abs(fg[1]) <= -C2 * gtd0) {
					done = true;
				}
				else if (fg[1] * (bt[hi] - bt[lo]) >= 0) {
					bt[hi] = bt[lo];
					bf[hi] = bf[lo];
					bg[hi] = bg[lo];
				}
				bt[lo] = t;
				bf[lo] = fg[0];
				bg[lo] = fg[1];
			}
		}
		return bt[lo];
	}

	/** The minimiser of the cubic through (x1, f1, g1) and (x2, f2, g2), clamped to [lo, hi]. */
	static double cubic(double x1, double f1, double g1, double x2, double f2, double g2, double lo, double hi) {
		double d1 = g1 + g2 - 3 * (f1 - f2) / (x1 - x2);
		double d2sq = d1 * d1 - g1 * g2;
		if (d2sq < 0) return (lo + hi) / 2;
		double d2 = Math.sqrt(d2sq);
		double minPos = x1 <= x2
			? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2))
			: x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
		if (Double.isNaN(minPos)) return (lo + hi) / 2;
		return Math.min(Math.max(minPos, lo), hi);
	}
}
