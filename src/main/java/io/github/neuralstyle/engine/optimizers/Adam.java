package io.github.neuralstyle.engine.optimizers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Adam (Kingma &amp; Ba 2015): with gradient g at step t,
 * {@code m ← β1·m + (1−β1)·g}, {@code v ← β2·v + (1−β2)·g²},
 * {@code x ← x − lr · (m / (1−β1ᵗ)) / (√(v / (1−β2ᵗ)) + ε)}.
 * <p>
 * Written here because DJL's own Adam keeps its state outside any manager and leaks it.
 */
public final class Adam implements Optimizer {

	private final double lr, beta1, beta2, epsilon;
	private final NDManager manager;
	private NDArray m, v;
	private int t;

	/** Creates Adam with its state in a sub-manager of {@code parent}. */
	public Adam(NDManager parent, double lr, double beta1, double beta2, double epsilon) {
		this.manager = parent.newSubManager();
		this.lr = lr;
		this.beta1 = beta1;
		this.beta2 = beta2;
		this.epsilon = epsilon;
	}

	@Override
	public NDArray step(NDArray x, Objective f, NDManager step) {
		Evaluation e = f.evaluate(x);
		NDArray g = e.gradient();
		if (m == null) {
			m = manager.zeros(x.getShape(), x.getDataType());
			v = manager.zeros(x.getShape(), x.getDataType());
		}
		t++;
		// Borrowed by the step's manager so that temporaries made from them die with the step.
		m.tempAttach(step);
		v.tempAttach(step);
		m.muli((float) beta1).addi(g.mul((float) (1 - beta1)));
		v.muli((float) beta2).addi(g.square().muli((float) (1 - beta2)));
		double bc1 = 1 - Math.pow(beta1, t);
		double bc2 = 1 - Math.pow(beta2, t);
		NDArray denom = v.div((float) bc2).sqrt().addi((float) epsilon);
		x.subi(m.div(denom).muli((float) (lr / bc1)));
		return e.loss();
	}

	@Override
	public void close() {
		manager.close();
	}
}
