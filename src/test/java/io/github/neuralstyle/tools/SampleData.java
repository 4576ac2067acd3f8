package io.github.neuralstyle.tools;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Writes the redistributable sample images of {@code sample-data/}: one content image (a
 * fluorescence-like cell field) and three style textures (waves, mosaic, brush strokes).
 * Everything is computed from fixed seeds with plain arithmetic, so each run writes the
 * same bytes. Run: {@code mvn -B -q test-compile exec:java
 * -Dexec.mainClass=io.github.neuralstyle.tools.SampleData -Dexec.classpathScope=test}.
 */
public final class SampleData {

	private SampleData() {}

	/** Writes the four PNGs and the time-lapse TIFF into the folder given as first argument (default sample-data). */
	public static void main(String[] args) throws IOException {
		Path dir = Paths.get(args.length > 0 ? args[0] : "sample-data");
		Files.createDirectories(dir);
		write(dir.resolve("content-cells.png"), cells(256, 192, 7));
		write(dir.resolve("labels-cells.png"), cellLabels(256, 192, 7));
		write(dir.resolve("style-waves.png"), waves(256, 256));
		write(dir.resolve("style-mosaic.png"), mosaic(256, 256, 11));
		write(dir.resolve("style-brush.png"), brush(256, 256, 5));
		TimeLapse.write(dir.resolve("timelapse-cells.tif"));
	}

	/** Encodes an image as PNG bytes (no timestamps: same pixels, same bytes). */
	public static byte[] png(BufferedImage image) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		if (!ImageIO.write(image, "png", out)) throw new IOException("no PNG writer");
		return out.toByteArray();
	}

	private static void write(Path file, BufferedImage image) throws IOException {
		Files.write(file, png(image));
		System.out.println("wrote " + file + " (" + Files.size(file) + " bytes)");
	}

	/** Fluorescence-like field: blue nuclei, green cytoplasm, red puncta on a dark background. */
	public static BufferedImage cells(int w, int h, long seed) {
		Random rnd = new Random(seed);
		float[][] c = new float[3][w * h];
		double[][] centres = spread(rnd, 18, w - 24, h - 24, 34, false);
		for (double[] centre : centres) SampleCell.random(rnd, 12 + centre[0], 12 + centre[1]).draw(c, w, h);
		return fluorescence(c, w, h, seed * 31 + 1);
	}

	/**
	 * The label image of {@link #cells} with the same size and seed: 1 inside a cell's edge, 0 on
	 * the background, as an 8-bit grey image (for region styles, docs/control.md).
	 */
	public static BufferedImage cellLabels(int w, int h, long seed) {
		Random rnd = new Random(seed);
		double[][] centres = spread(rnd, 18, w - 24, h - 24, 34, false);
		java.util.List<SampleCell> cells = new java.util.ArrayList<>();
		for (double[] centre : centres) cells.add(SampleCell.random(rnd, 12 + centre[0], 12 + centre[1]));
		BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				int label = 0;
				for (SampleCell c : cells) if (c.inside(x, y)) label = 1;
				out.getRaster().setSample(x, y, 0, label);
			}
		}
		return out;
	}

	/** Camera noise and the point spread on channel planes, then the pseudo-colour of the cells image. */
	static BufferedImage fluorescence(float[][] c, int w, int h, long noiseSeed) {
		Random noise = new Random(noiseSeed);
		for (int ch = 0; ch < 3; ch++) {
			for (int i = 0; i < w * h; i++) {
				c[ch][i] = (float) (c[ch][i] + 0.03 + 0.025 * noise.nextGaussian());
			}
			blur(c[ch], w, h);
		}
		// pseudo-colour: DAPI blue slightly cyan, GFP green, puncta magenta-red
		float[][] rgb = new float[3][w * h];
		for (int i = 0; i < w * h; i++) {
			rgb[0][i] = c[0][i] + 0.15f * c[2][i];
			rgb[1][i] = c[1][i] + 0.25f * c[2][i];
			rgb[2][i] = c[2][i] * 1.1f + 0.5f * c[0][i];
		}
		return image(rgb, w, h);
	}

	/** Layered ocean waves with foam crests under an orange sky. */
	public static BufferedImage waves(int w, int h) {
		float[][] rgb = new float[3][w * h];
		double[][] palette = {{0.03, 0.09, 0.32}, {0.05, 0.30, 0.55}, {0.10, 0.55, 0.68}, {0.45, 0.80, 0.85}};
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				double[] col = {0.98 - 0.3 * y / h, 0.62 - 0.2 * y / h, 0.25 + 0.2 * y / h}; // sky
				// bands from back (top) to front (bottom); the last band drawn wins
				for (int b = 0; b < 9; b++) {
					double base = 40 + b * 26;
					double wl = 60 - b * 3, amp = 7 + b * 1.4;
					double s = (x + b * 37) / wl * 2 * Math.PI;
					double crest = base + amp * Math.sin(s) + 0.35 * amp * Math.sin(2.3 * s + b) - amp * 0.6 * Math.pow(Math.max(0, Math.sin(s - 0.6)), 8);
					if (y >= crest) {
						double depth = (y - crest) / 26.0;
						double[] p = palette[(b + (int) Math.floor(depth * 1.2)) % palette.length];
						double stripe = 0.5 + 0.5 * Math.sin((y - crest) * 0.9 + 3 * Math.sin(s));
						double shade = 0.75 + 0.35 * stripe;
						col = new double[] {p[0] * shade, p[1] * shade, p[2] * shade};
						if (y - crest < 3.5) col = new double[] {0.97, 0.96, 0.90}; // foam line
						else if (y - crest < 6 && ((x * 7 + b * 13) % 11) < 4) col = new double[] {0.85, 0.93, 0.95};
					}
				}
				int i = y * w + x;
				for (int ch = 0; ch < 3; ch++) rgb[ch][i] = (float) col[ch];
			}
		}
		return image(rgb, w, h);
	}

	/** Stained-glass mosaic: Voronoi tiles in saturated colours with dark grout. */
	public static BufferedImage mosaic(int w, int h, long seed) {
		Random rnd = new Random(seed);
		double[][] seeds = spread(rnd, 110, w, h, 15, true);
		int n = seeds.length;
		double[] sx = new double[n], sy = new double[n];
		float[][] tile = new float[n][];
		double[][] palette = {{0.90, 0.12, 0.15}, {0.98, 0.72, 0.05}, {0.10, 0.35, 0.85}, {0.05, 0.65, 0.35},
			{0.55, 0.15, 0.70}, {0.98, 0.45, 0.10}, {0.15, 0.75, 0.85}, {0.95, 0.90, 0.75}};
		for (int k = 0; k < n; k++) {
			sx[k] = seeds[k][0];
			sy[k] = seeds[k][1];
			double[] p = palette[rnd.nextInt(palette.length)];
			double v = 0.8 + 0.25 * rnd.nextDouble();
			tile[k] = new float[] {(float) (p[0] * v), (float) (p[1] * v), (float) (p[2] * v)};
		}
		float[][] rgb = new float[3][w * h];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				int best = 0;
				double d1 = Double.MAX_VALUE, d2 = Double.MAX_VALUE;
				for (int k = 0; k < n; k++) {
					// wrap around so the texture tiles seamlessly
					double dx = Math.abs(x - sx[k]), dy = Math.abs(y - sy[k]);
					dx = Math.min(dx, w - dx);
					dy = Math.min(dy, h - dy);
					double d = Math.sqrt(dx * dx + dy * dy);
					if (d < d1) {
						d2 = d1;
						d1 = d;
						best = k;
					} else if (d < d2) {
						d2 = d;
					}
				}
				double gap = d2 - d1;
				int i = y * w + x;
				double glow = 1.1 - 0.35 * Math.min(1, d1 / 18); // lighter in the tile centre
				double grout = gap < 2.2 ? 0.08 : gap < 3.2 ? 0.5 : 1;
				for (int ch = 0; ch < 3; ch++) {
					rgb[ch][i] = (float) (grout < 1 ? 0.07 + (tile[best][ch] * glow - 0.07) * (grout - 0.08) : tile[best][ch] * glow);
				}
			}
		}
		return image(rgb, w, h);
	}

	/** Impasto brush strokes following a swirling flow field, warm strokes over a blue ground. */
	public static BufferedImage brush(int w, int h, long seed) {
		Random rnd = new Random(seed);
		float[][] rgb = new float[3][w * h];
		for (int i = 0; i < w * h; i++) {
			rgb[0][i] = 0.08f;
			rgb[1][i] = 0.16f;
			rgb[2][i] = 0.42f;
		}
		double[][] palette = {{0.98, 0.82, 0.15}, {0.95, 0.55, 0.08}, {0.20, 0.40, 0.85}, {0.10, 0.22, 0.60},
			{0.55, 0.78, 0.95}, {0.98, 0.95, 0.70}, {0.85, 0.25, 0.12}};
		int strokes = 1400;
		for (int s = 0; s < strokes; s++) {
			double x = rnd.nextDouble() * w, y = rnd.nextDouble() * h;
			double[] p = palette[rnd.nextInt(palette.length)];
			double half = 2.2 + rnd.nextDouble() * 2.5;
			int len = 8 + rnd.nextInt(14);
			double bristleSeed = rnd.nextDouble() * 100;
			for (int step = 0; step < 2 * len; step++) {
				double a = flow(x, y, w, h);
				double tx = 0.5 * Math.cos(a), ty = 0.5 * Math.sin(a);
				for (double o = -half; o <= half; o += 0.35) {
					double bristle = 0.78 + 0.22 * Math.sin(o * 3.1 + bristleSeed);
					double fade = 1 - 0.35 * step / (2.0 * len);
					int px = Math.floorMod((int) Math.round(x - 2 * ty * o), w);
					int py = Math.floorMod((int) Math.round(y + 2 * tx * o), h);
					int i = py * w + px;
					for (int ch = 0; ch < 3; ch++) rgb[ch][i] = (float) (p[ch] * bristle * fade + 0.04 * (1 - fade));
				}
				x += tx;
				y += ty;
			}
		}
		return image(rgb, w, h);
	}

	/** Up to n random points at least minDist apart (dart throwing; wrap: distances on a torus). */
	private static double[][] spread(Random rnd, int n, double w, double h, double minDist, boolean wrap) {
		double[][] pts = new double[n][];
		int count = 0;
		for (int tries = 0; tries < 20000 && count < n; tries++) {
			double x = rnd.nextDouble() * w, y = rnd.nextDouble() * h;
			boolean ok = true;
			for (int k = 0; k < count && ok; k++) {
				double dx = Math.abs(x - pts[k][0]), dy = Math.abs(y - pts[k][1]);
				if (wrap) {
					dx = Math.min(dx, w - dx);
					dy = Math.min(dy, h - dy);
				}
				ok = dx * dx + dy * dy >= minDist * minDist;
			}
			if (ok) pts[count++] = new double[] {x, y};
		}
		return java.util.Arrays.copyOf(pts, count);
	}

	private static double flow(double x, double y, int w, int h) {
		double u = x / w * 2 * Math.PI, v = y / h * 2 * Math.PI;
		return 2.2 * Math.sin(u + Math.cos(v)) + 1.4 * Math.cos(2 * v - u) + Math.sin(3 * u) * 0.5;
	}

	static void splat(float[] c, int w, int h, double px, double py, double sigma, double amp) {
		int r = (int) Math.ceil(3 * sigma);
		for (int y = (int) py - r; y <= (int) py + r; y++) {
			for (int x = (int) px - r; x <= (int) px + r; x++) {
				if (x < 0 || y < 0 || x >= w || y >= h) continue;
				double d2 = (x - px) * (x - px) + (y - py) * (y - py);
				c[y * w + x] += (float) (amp * Math.exp(-d2 / (2 * sigma * sigma)));
			}
		}
	}

	/** 3×3 binomial blur, clamped at the borders: the microscope's point spread. */
	static void blur(float[] c, int w, int h) {
		float[] t = new float[c.length];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				float l = c[y * w + Math.max(0, x - 1)], r = c[y * w + Math.min(w - 1, x + 1)];
				t[y * w + x] = 0.25f * l + 0.5f * c[y * w + x] + 0.25f * r;
			}
		}
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				float u = t[Math.max(0, y - 1) * w + x], d = t[Math.min(h - 1, y + 1) * w + x];
				c[y * w + x] = 0.25f * u + 0.5f * t[y * w + x] + 0.25f * d;
			}
		}
	}

	static BufferedImage image(float[][] rgb, int w, int h) {
		BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				int i = y * w + x;
				img.setRGB(x, y, (byte8(rgb[0][i]) << 16) | (byte8(rgb[1][i]) << 8) | byte8(rgb[2][i]));
			}
		}
		return img;
	}

	private static int byte8(float v) {
		return Math.max(0, Math.min(255, Math.round(v * 255f)));
	}
}
