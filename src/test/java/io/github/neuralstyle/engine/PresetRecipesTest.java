package io.github.neuralstyle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.neuralstyle.engine.losses.Reduction;
import io.github.neuralstyle.engine.network.Pooling;
import io.github.neuralstyle.engine.optimizers.OptimizerKind;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Each preset against its document. Loss mappings are checked numerically: the document's formula,
 * written out here in plain Java on random features, against our weighted term with the preset's
 * values. Seed files are in shared/seeds/; line numbers refer to them.
 */
class PresetRecipesTest {

	/** Features of one layer, channel-major: f[c][position]. */
	private static double[][] features(int channels, int positions, long seed) {
		SplittableRandom r = new SplittableRandom(seed);
		double[][] f = new double[channels][positions];
		for (double[] row : f) for (int i = 0; i < positions; i++) row[i] = r.nextDouble() * 3;
		return f;
	}

	/** Unnormalised Gram matrix F·Fᵀ (the documents' G). */
	private static double[][] gram(double[][] f) {
		int c = f.length;
		double[][] g = new double[c][c];
		for (int a = 0; a < c; a++) {
			for (int b = 0; b < c; b++) {
				double s = 0;
				for (int k = 0; k < f[a].length; k++) s += f[a][k] * f[b][k];
				g[a][b] = s;
			}
		}
		return g;
	}

	private static double sumSquaredDiff(double[][] a, double[][] b) {
		double s = 0;
		for (int i = 0; i < a.length; i++) for (int j = 0; j < a[i].length; j++) s += Math.pow(a[i][j] - b[i][j], 2);
		return s;
	}

	/** Our style term of one layer: mean((G − A)²) with G = F·Fᵀ / (C·H·W) (docs/presets.md). */
	private static double ourStyle(double[][] f, double[][] s) {
		double n = f.length * (double) f[0].length;
		return sumSquaredDiff(gram(f), gram(s)) / (n * n) / ((double) f.length * f.length);
	}

	private static StyleTransferSettings settings(Preset p) {
		return StyleTransferSettings.builder(p).build();
	}

	@Test
	void kerasArticle() {
		StyleTransferSettings s = settings(Preset.KERAS_VGG16);
		RecipeForms forms = Preset.KERAS_VGG16.forms();
		assertEquals("vgg16-caffe", Preset.KERAS_VGG16.model()); // 004:936 VGG16(weights='imagenet'), Caffe preprocessing 004:868–882
		assertEquals(Map.of("relu2_2", 1.0), s.contentLayers()); // 004:1026 block2_conv2, a ReLU output (004:955 'Relu_3')
		assertEquals(List.of("relu1_2", "relu2_2", "relu3_3", "relu4_3", "relu5_3"), List.copyOf(s.styleLayers().keySet())); // 004:1078–1080
		// 004:1071–1076: style_loss = Σ(S − C)² / (4·channels²·size²) with channels = 3 and size = height·width of the
		// image, S and C unnormalised Gram matrices; 004:1086 weights it style_weight / 5 = 1.0 (004:993).
		// An image of 16 × 16 px: layer b has 16 / 2^(b−1) px per side.
		int side = 16;
		int[] channels = { 64, 128, 256, 512, 512 };
		int b = 0;
		for (String layer : s.styleLayers().keySet()) {
			int positions = (side >> b) * (side >> b);
			double[][] out = features(channels[b], positions, 10 + b);
			double[][] style = features(channels[b], positions, 20 + b);
			double article = (5.0 / 5) * sumSquaredDiff(gram(style), gram(out)) / (4.0 * 9 * Math.pow(side * side, 2));
			double ours = s.styleWeight() * s.styleLayers().get(layer) * ourStyle(out, style);
			assertEquals(article, ours, 1e-9 * article, layer);
			b++;
		}
		// 004:1022–1030: content_weight 0.025 (004:992) on Σ(combination − content)²: a sum.
		assertEquals(Reduction.SUM, forms.contentReduction());
		assertEquals(0.025, forms.contentWeight());
		// The run computes the sum divided by block2_conv2's 128 × 256 × 256 values at 512 × 512 (004:955, 820–821),
		// so the weight it shows is 0.025 times that count; ControlledObjectiveTest checks the term at another size.
		assertEquals(0.025 * 128 * 256 * 256, s.contentWeight(), 1e-9);
		assertEquals(Reduction.SUM, s.controls().contentReduction());
		assertEquals(1.25, s.controls().tvPower());
		assertEquals(Reduction.SUM, s.controls().tvReduction());
		assertEquals(Math.pow(255, 2.5) * 3 * 512 * 512, s.tvWeight(), 1e-6 * s.tvWeight());
		assertEquals(forms.noise(), s.controls().noiseStart());
		// 004:1103–1108: Σ over the (H−1)×(W−1) corner pixels of ((Δy)² + (Δx)²)^1.25 of the 0–255 Caffe-space image, weight 1.0.
		double[] x = randomImage(3, 5, 4, 1);
		double article = 1.0 * tvSum(scaled(x, 255), 3, 5, 4, 1.25);
		assertEquals(1.25, forms.tvPower());
		assertEquals(article, forms.tvWeight() * tvSum(x, 3, 5, 4, 1.25), 1e-9 * article);
		// 004:1190: x = uniform(0, 255) − 128 in the network's space.
		assertEquals(new NoiseStart(NoiseStart.Kind.UNIFORM_NETWORK, -128, 127), forms.noise());
		// 004:1192–1198: 10 calls of fmin_l_bfgs_b(maxfun = 20), which always line-searches: about 200 evaluations.
		assertEquals(OptimizerKind.LBFGS, s.optimizer());
		assertTrue(s.lineSearch());
		assertEquals(200, s.steps());
		assertEquals(512, s.size()); // 004:820–821, one scale
		assertEquals(1, s.scales());
		assertEquals(Pooling.MAX, s.pooling());
	}

	@Test
	void courseraNotes() {
		StyleTransferSettings s = settings(Preset.COURSERA);
		// 002:13 and 002:40: J_content = Σ(a_C − a_G)² / (4·n_H·n_W·n_C); 002:147 α = 10.
		double[][] a = features(512, 9, 1), g = features(512, 9, 2);
		double notes = 10 * sumSquaredDiff(a, g) / (4.0 * 9 * 512);
		double ourContent = sumSquaredDiff(a, g) / (9.0 * 512);
		assertEquals(notes, s.contentWeight() * ourContent, 1e-9 * notes);
		// 002:72 and 002:96: J_style^l = Σ(G_S − G_G)² / (4·n_C²·(n_H·n_W)²), G = A·Aᵀ unnormalised (002:65);
		// 002:147 β = 40 on Σ λ_l J_style^l (002:104, 002:137); λ_l = 0.2 each (the course's STYLE_LAYERS, not in the notes).
		int[] channels = { 64, 128, 256, 512, 512 };
		int b = 0;
		for (String layer : s.styleLayers().keySet()) {
			int positions = 6 + b;
			double[][] out = features(channels[b], positions, 30 + b);
			double[][] style = features(channels[b], positions, 40 + b);
			double course = 40 * 0.2 * sumSquaredDiff(gram(style), gram(out))
				/ (4.0 * channels[b] * channels[b] * positions * positions);
			assertEquals(course, s.styleWeight() * s.styleLayers().get(layer) * ourStyle(out, style), 1e-9 * course, layer);
			b++;
		}
		assertEquals(List.of("relu1_1", "relu2_1", "relu3_1", "relu4_1", "relu5_1"), List.copyOf(s.styleLayers().keySet()));
		// 002:166: Adam(learning_rate = 0.03) on [0,1] pixels; TensorFlow's default ε is 1e-7 (not in the notes).
		assertEquals(OptimizerKind.ADAM, s.optimizer());
		assertEquals(0.03, s.learningRate());
		assertEquals(1e-7, s.epsilon());
		// 002:186: clip_0_1 after each step — what every run does. No TV in the cost (002:160).
		assertEquals(0, s.tvWeight());
		assertEquals(new NoiseStart(NoiseStart.Kind.CONTENT_PLUS_UNIFORM, -0.25, 0.25), Preset.COURSERA.forms().noise());
		assertEquals(400, s.size());
	}

	@Test
	void gatys2016IsThePaperNormalisedOntoOurTerms() {
		StyleTransferSettings s = settings(Preset.GATYS_2016);
		RecipeForms forms = Preset.GATYS_2016.forms();
		// Gatys, Ecker & Bethge, CVPR 2016 (not a seed): eq. 1 L_content = ½Σ(F − P)²; eq. 4
		// E_l = Σ(G − A)² / (4 N_l² M_l²) with G = F·Fᵀ (eq. 3); eq. 5 w_l = 1/5 on conv1_1 … conv5_1;
		// eq. 7 αL_content + βL_style with α/β = 1e-3.
		double alpha = 1e-3, beta = 1;
		double[][] f = features(16, 10, 3), p = features(16, 10, 4);
		double paper = alpha * 0.5 * sumSquaredDiff(f, p);
		assertEquals(Reduction.SUM, forms.contentReduction());
		assertEquals(paper, forms.contentWeight() * sumSquaredDiff(f, p), 1e-12 * paper);
		int[] n = { 64, 128, 256, 512, 512 };
		int b = 0;
		for (String layer : s.styleLayers().keySet()) {
			int m = 5 + b;
			double[][] out = features(n[b], m, 50 + b), style = features(n[b], m, 60 + b);
			double e = beta * 0.2 * sumSquaredDiff(gram(out), gram(style)) / (4.0 * n[b] * n[b] * m * m);
			assertEquals(e, s.styleWeight() * s.styleLayers().get(layer) * ourStyle(out, style), 1e-9 * e, layer);
			b++;
		}
		assertEquals(Map.of("relu4_2", 1.0), s.contentLayers());
		// White-noise start, no TV, average pooling, L-BFGS, one scale.
		assertEquals(InitMode.NOISE, s.init());
		assertEquals(0, s.tvWeight());
		assertEquals(0, forms.tvWeight());
		assertEquals(Pooling.AVG, s.pooling());
		assertEquals(OptimizerKind.LBFGS, s.optimizer());
		assertEquals(1, s.scales());
		// The run divides the sum by relu4_2's 512 × 64 × 64 values at 512 × 512: the weight shown is 5e-4 times that.
		assertEquals(forms.contentWeight() * 512 * 64 * 64, s.contentWeight(), 1e-9);
		assertEquals(Reduction.SUM, s.controls().contentReduction());
		assertEquals(forms.noise(), s.controls().noiseStart());
	}

	@Test
	void jcjohnsonTvIsASumThatHoldsAtEverySizeAndItsStartIsTheCaffeMean() {
		RecipeForms forms = Preset.JCJOHNSON.forms();
		// neural_style.lua TVLoss:updateGradInput (strength 1e-3 = -tv_weight's default) on the 0–255 image x_net:
		// grad[i][j] += x_diff + y_diff; grad[i][j+1] −= x_diff; grad[i+1][j] −= y_diff over the (H−1)×(W−1) corner.
		for (int[] size : new int[][] { { 5, 4 }, { 9, 7 } }) {
			int h = size[0], w = size[1];
			double[] x = randomImage(3, h, w, h);
			double[] xNet = scaled(x, 255);
			double[] lua = new double[x.length];
			for (int c = 0; c < 3; c++) {
				for (int i = 0; i < h - 1; i++) {
					for (int j = 0; j < w - 1; j++) {
						int k = (c * h + i) * w + j;
						double xd = xNet[k] - xNet[k + 1], yd = xNet[k] - xNet[k + w];
						lua[k] += 1e-3 * (xd + yd);
						lua[k + 1] -= 1e-3 * xd;
						lua[k + w] -= 1e-3 * yd;
					}
				}
			}
			// Our γ·Σ(Δx² + Δy²) on [0,1] pixels, differentiated numerically; chain rule: ∂/∂x = 255·∂/∂x_net.
			for (int k = 0; k < x.length; k += 3) {
				double[] up = x.clone(), down = x.clone();
				up[k] += 1e-6;
				down[k] -= 1e-6;
				double ours = forms.tvWeight() * (tvSum(up, 3, h, w, 1) - tvSum(down, 3, h, w, 1)) / 2e-6;
				assertEquals(255 * lua[k], ours, 1e-6 * Math.max(1, Math.abs(ours)), "element " + k + " at " + h + "×" + w);
			}
		}
		assertEquals(1, forms.tvPower());
		// neural_style.lua: -init random → torch.randn(...):mul(0.001) in Caffe space.
		assertEquals(new NoiseStart(NoiseStart.Kind.GAUSSIAN_NETWORK, 0, 0.001), forms.noise());
		assertEquals(Reduction.MEAN, forms.contentReduction()); // nn.MSECriterion: a mean, as ours
	}

	@Test
	void gatysKeepsItsValuesForRecordedMacrosAndEveryPresetIsListed() {
		StyleTransferSettings g = settings(Preset.GATYS);
		assertEquals(InitMode.CONTENT, g.init());
		assertEquals(Preset.JCJOHNSON_TV, g.tvWeight());
		assertNull(Preset.GATYS.forms().noise());
		// Its quadratic mean TV and content start, not jcjohnson's forms: nothing for the run to read.
		assertTrue(g.controls().isNone(), g.controls()::toString);
		// jcjohnson runs its summed TV: 32.5125 on the sum, shown as that times 3·512².
		StyleTransferSettings j = settings(Preset.JCJOHNSON);
		assertEquals(1, j.controls().tvPower());
		assertEquals(Reduction.SUM, j.controls().tvReduction());
		assertEquals(1e-3 * 255 * 255 / 2 * 3 * 512 * 512, j.tvWeight(), 1e-6);
		assertEquals(Preset.JCJOHNSON.forms().noise(), j.controls().noiseStart());
		assertEquals(List.of("gatys", "jcjohnson", "pytorch-tutorial", "gatys-2016", "keras-vgg16", "coursera"), Preset.ids());
		String m = assertThrows(IllegalArgumentException.class, () -> Preset.fromId("monet")).getMessage();
		assertTrue(m.contains("keras-vgg16") && m.contains("coursera") && m.contains("gatys-2016"), m);
		assertEquals(Preset.KERAS_VGG16, Preset.fromId("Keras-VGG16"));
	}

	private static double[] randomImage(int c, int h, int w, long seed) {
		double[] x = new double[c * h * w];
		SplittableRandom r = new SplittableRandom(seed);
		for (int i = 0; i < x.length; i++) x[i] = r.nextDouble();
		return x;
	}

	private static double[] scaled(double[] x, double f) {
		double[] out = new double[x.length];
		for (int i = 0; i < x.length; i++) out[i] = f * x[i];
		return out;
	}

	/** Σ over channels and the (H−1)×(W−1) corner of ((Δx)² + (Δy)²)^p. */
	private static double tvSum(double[] x, int c, int h, int w, double p) {
		double sum = 0;
		for (int k = 0; k < c; k++) {
			for (int i = 0; i < h - 1; i++) {
				for (int j = 0; j < w - 1; j++) {
					int q = (k * h + i) * w + j;
					sum += Math.pow(Math.pow(x[q] - x[q + 1], 2) + Math.pow(x[q] - x[q + w], 2), p);
				}
			}
		}
		return sum;
	}
}
