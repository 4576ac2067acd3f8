package io.github.neuralstyle.tools;

import java.util.Random;

/**
 * One fluorescent cell of the sample images: a wavy-edged ellipse of cytoplasm (green), an
 * off-centre nucleus (blue) and puncta (red), drawn additively into three channel planes.
 *
 * @param cx         centre, x
 * @param cy         centre, y
 * @param r          radius of the cytoplasm
 * @param angle      orientation of the long axis
 * @param elong      aspect ratio of the ellipse
 * @param phase      phase of the edge's waviness
 * @param bright     cytoplasm brightness
 * @param nox        nucleus offset from the centre, x
 * @param noy        nucleus offset from the centre, y
 * @param nr         nucleus radius
 * @param punctaA    puncta directions from the centre
 * @param punctaR    puncta distances from the centre
 */
record SampleCell(double cx, double cy, double r, double angle, double elong, double phase, double bright, double nox,
	double noy, double nr, double[] punctaA, double[] punctaR)
{

	/** A random cell at (cx, cy); draws from {@code rnd} in the order the first generator did. */
	static SampleCell random(Random rnd, double cx, double cy) {
		double r = 14 + rnd.nextDouble() * 12, angle = rnd.nextDouble() * Math.PI;
		double elong = 1 + rnd.nextDouble() * 0.5, phase = rnd.nextDouble() * 6.3;
		double bright = 0.55 + 0.45 * rnd.nextDouble();
		// nucleus offset a little from the cell centre
		double nox = (rnd.nextDouble() - 0.5) * r * 0.3, noy = (rnd.nextDouble() - 0.5) * r * 0.3;
		double nr = r * (0.38 + 0.1 * rnd.nextDouble());
		int puncta = 6 + rnd.nextInt(8);
		double[] pa = new double[puncta], pr = new double[puncta];
		for (int p = 0; p < puncta; p++) {
			pa[p] = rnd.nextDouble() * 2 * Math.PI;
			pr[p] = r * (0.5 + 0.4 * rnd.nextDouble());
		}
		return new SampleCell(cx, cy, r, angle, elong, phase, bright, nox, noy, nr, pa, pr);
	}

	/** This cell moved by (dx, dy) and turned by {@code turn} radians (puncta turn with it). */
	SampleCell moved(double dx, double dy, double turn) {
		double c = Math.cos(turn), s = Math.sin(turn);
		double[] pa = punctaA.clone();
		for (int p = 0; p < pa.length; p++) pa[p] += turn;
		return new SampleCell(cx + dx, cy + dy, r, angle + turn, elong, phase, bright, c * nox - s * noy,
			s * nox + c * noy, nr, pa, punctaR);
	}

	/** One daughter of a division: scaled by k, displaced by {@code offset} along the long axis, half the puncta. */
	SampleCell daughter(double offset, double k, int half) {
		int n = punctaA.length / 2;
		double[] pa = java.util.Arrays.copyOfRange(punctaA, half * n, half * n + n);
		double[] pr = java.util.Arrays.copyOfRange(punctaR, half * n, half * n + n);
		for (int p = 0; p < n; p++) pr[p] *= k;
		return new SampleCell(cx + offset * Math.cos(angle), cy + offset * Math.sin(angle), r * k, angle, elong, phase,
			bright, nox * k, noy * k, nr * k, pa, pr);
	}

	/** Whether pixel (x, y) lies inside the cell's wavy edge (the cytoplasm {@link #draw} fills). */
	boolean inside(int x, int y) {
		double dx = x - cx, dy = y - cy;
		double u = dx * Math.cos(angle) + dy * Math.sin(angle);
		double v = (-dx * Math.sin(angle) + dy * Math.cos(angle)) * elong;
		double theta = Math.atan2(v, u);
		double edge = r * (1 + 0.18 * Math.sin(3 * theta + phase) + 0.08 * Math.sin(5 * theta - phase));
		return Math.hypot(u, v) < edge;
	}

	/** Draws into channel planes c[0] (puncta), c[1] (cytoplasm), c[2] (nucleus) of size w × h. */
	void draw(float[][] c, int w, int h) {
		double nx = cx + nox, ny = cy + noy;
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				double dx = x - cx, dy = y - cy;
				double u = dx * Math.cos(angle) + dy * Math.sin(angle);
				double v = (-dx * Math.sin(angle) + dy * Math.cos(angle)) * elong;
				double theta = Math.atan2(v, u);
				double edge = r * (1 + 0.18 * Math.sin(3 * theta + phase) + 0.08 * Math.sin(5 * theta - phase));
				double d = Math.hypot(u, v) / edge;
				int i = y * w + x;
				if (d < 1.3) {
					// cytoplasm: brighter towards the membrane, soft falloff outside
					double cyto = d < 1 ? 0.35 + 0.4 * d * d : 0.75 * Math.exp(-(d - 1) * (d - 1) / 0.01);
					c[1][i] = (float) Math.max(c[1][i], bright * cyto);
				}
				double dn = Math.hypot(x - nx, y - ny) / nr;
				if (dn < 1.4) {
					double nuc = dn < 1 ? 0.85 - 0.25 * dn * dn : 0.6 * Math.exp(-(dn - 1) * (dn - 1) / 0.008);
					c[2][i] = (float) Math.max(c[2][i], nuc);
					c[1][i] *= (float) Math.min(1, 0.4 + 0.6 * dn);
				}
			}
		}
		for (int p = 0; p < punctaA.length; p++) {
			double px = cx + punctaR[p] * Math.cos(punctaA[p]), py = cy + punctaR[p] * Math.sin(punctaA[p]) / elong;
			SampleData.splat(c[0], w, h, px, py, 1.6, 0.9);
		}
	}
}
