package io.github.neuralstyle.engine.color;

/** The 3×3 symmetric-matrix arithmetic colour matching needs, in double, row-major {@code double[3][3]}. */
final class Matrix3 {

	private Matrix3() {}

	/** Per-channel means of planar RGB samples. */
	static double[] mean(float[] chw, int n) {
		double[] m = new double[3];
		for (int c = 0; c < 3; c++) {
			double s = 0;
			for (int i = 0; i < n; i++) s += chw[c * n + i];
			m[c] = s / n;
		}
		return m;
	}

	/** The population covariance (divided by n) of planar RGB samples about {@code mean}. */
	static double[][] covariance(float[] chw, int n, double[] mean) {
		double[][] cov = new double[3][3];
		for (int a = 0; a < 3; a++) {
			for (int b = a; b < 3; b++) {
				double s = 0;
				for (int i = 0; i < n; i++) s += (chw[a * n + i] - mean[a]) * (chw[b * n + i] - mean[b]);
				cov[a][b] = cov[b][a] = s / n;
			}
		}
		return cov;
	}

	/** a·b. */
	static double[][] multiply(double[][] a, double[][] b) {
		double[][] out = new double[3][3];
		for (int i = 0; i < 3; i++) {
			for (int j = 0; j < 3; j++) {
				for (int k = 0; k < 3; k++) out[i][j] += a[i][k] * b[k][j];
			}
		}
		return out;
	}

	/** m + ε·I. */
	static double[][] plusIdentity(double[][] m, double eps) {
		double[][] out = new double[3][];
		for (int i = 0; i < 3; i++) {
			out[i] = m[i].clone();
			out[i][i] += eps;
		}
		return out;
	}

	/**
	 * V·diag(f(λ))·Vᵀ for the eigen-decomposition of symmetric {@code m} by cyclic Jacobi
	 * rotations, with f(λ) = λ^{power} (eigenvalues below 0, from rounding, taken as 0).
	 */
	static double[][] symmetricPower(double[][] m, double power) {
		double[][] a = { m[0].clone(), m[1].clone(), m[2].clone() };
		double[][] v = { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } };
		for (int sweep = 0; sweep < 50; sweep++) {
			double off = a[0][1] * a[0][1] + a[0][2] * a[0][2] + a[1][2] * a[1][2];
			if (off < 1e-30) break;
			for (int p = 0; p < 2; p++) {
				for (int q = p + 1; q < 3; q++) {
					if (a[p][q] == 0) continue;
					double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
					double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
					if (theta == 0) t = 1;
					double c = 1 / Math.sqrt(t * t + 1);
					double s = t * c;
					rotate(a, v, p, q, c, s);
				}
			}
		}
		double[][] out = new double[3][3];
		for (int k = 0; k < 3; k++) {
			double f = Math.pow(Math.max(0, a[k][k]), power);
			for (int i = 0; i < 3; i++) {
				for (int j = 0; j < 3; j++) out[i][j] += v[i][k] * f * v[j][k];
			}
		}
		return out;
	}

	/** Applies the Jacobi rotation J(p, q) to a (a ← Jᵀ a J) and accumulates it into v (v ← v J). */
	private static void rotate(double[][] a, double[][] v, int p, int q, double c, double s) {
		for (int k = 0; k < 3; k++) {
			double akp = a[k][p], akq = a[k][q];
			a[k][p] = c * akp - s * akq;
			a[k][q] = s * akp + c * akq;
		}
		for (int k = 0; k < 3; k++) {
			double apk = a[p][k], aqk = a[q][k];
			a[p][k] = c * apk - s * aqk;
			a[q][k] = s * apk + c * aqk;
		}
		for (int k = 0; k < 3; k++) {
			double vkp = v[k][p], vkq = v[k][q];
			v[k][p] = c * vkp - s * vkq;
			v[k][q] = s * vkp + c * vkq;
		}
	}

	/** The lower-triangular L with L·Lᵀ = m, for symmetric positive-definite m. */
	static double[][] cholesky(double[][] m) {
		double[][] l = new double[3][3];
		for (int i = 0; i < 3; i++) {
			for (int j = 0; j <= i; j++) {
				double s = m[i][j];
				for (int k = 0; k < j; k++) s -= l[i][k] * l[j][k];
				l[i][j] = i == j ? Math.sqrt(Math.max(s, 0)) : s / l[j][j];
			}
		}
		return l;
	}

	/** The inverse of a lower-triangular matrix with a non-zero diagonal. */
	static double[][] invertLower(double[][] l) {
		double[][] inv = new double[3][3];
		for (int i = 0; i < 3; i++) {
			inv[i][i] = 1 / l[i][i];
			for (int j = 0; j < i; j++) {
				double s = 0;
				for (int k = j; k < i; k++) s -= l[i][k] * inv[k][j];
				inv[i][j] = s / l[i][i];
			}
		}
		return inv;
	}
}
