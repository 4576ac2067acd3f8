package io.github.neuralstyle.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.neuralstyle.testsupport.RealFiji;
import io.github.neuralstyle.testsupport.RealFiji.Launch;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Acceptance cases of the controls (issue 15) inside a real Fiji (see {@link RealFiji}; skipped
 * without {@code FIJI_HOME}): headless {@code -batch} macros with the new keys through the
 * installed plugin. The macros measure the results in ImageJ and print the numbers; the test
 * checks them against what each control promises.
 */
@EnabledIfEnvironmentVariable(named = RealFiji.HOME, matches = ".+", disabledReason = RealFiji.SKIPPED)
class RealFijiControlsTest {

	static RealFiji fiji;

	@BeforeAll
	static void install() throws Exception {
		fiji = RealFiji.shared();
	}

	/** Macro functions: a two-colour content, striped styles, and per-pixel comparisons in 0–255 units. */
	static final String FUNCTIONS = String.join("\n",
		"function stripes(title, r1, g1, b1, r2, g2, b2) {",
		"  newImage(title, 'RGB black', 32, 32, 1);",
		"  for (y = 0; y < 32; y += 4) { setColor(r1, g1, b1); fillRect(0, y, 32, 2); setColor(r2, g2, b2); fillRect(0, y + 2, 32, 2); }",
		"}",
		"function twoColours(title, grey) {",
		"  newImage(title, 'RGB black', 48, 40, 1);",
		"  if (grey) { setColor(128, 128, 128); fillRect(0, 0, 48, 40); }",
		"  else { setColor(170, 100, 70); fillRect(0, 0, 24, 40); setColor(80, 110, 160); fillRect(24, 0, 24, 40); }",
		"}",
		// mean over x in [x0, x1) of |ΔU| + |ΔV| (BT.601 chroma) and of |ΔY| between images a and b
		"function compare(a, b, x0, x1) {",
		"  selectImage(a); h = getHeight(); n = (x1 - x0) * h; va = newArray(n); i = 0;",
		"  for (y = 0; y < h; y++) for (x = x0; x < x1; x++) { va[i] = getPixel(x, y); i++; }",
		"  selectImage(b); dc = 0; dy = 0; rb = 0; i = 0;",
		"  for (y = 0; y < h; y++) for (x = x0; x < x1; x++) {",
		"    p = va[i]; q = getPixel(x, y); i++;",
		"    r1 = (p >> 16) & 255; g1 = (p >> 8) & 255; b1 = p & 255; r2 = (q >> 16) & 255; g2 = (q >> 8) & 255; b2 = q & 255;",
		"    y1 = 0.299 * r1 + 0.587 * g1 + 0.114 * b1; y2 = 0.299 * r2 + 0.587 * g2 + 0.114 * b2;",
		"    dc += abs(0.492 * (b2 - y2) - 0.492 * (b1 - y1)) + abs(0.877 * (r2 - y2) - 0.877 * (r1 - y1));",
		"    dy += abs(y2 - y1); rb += r2 - b2;",
		"  }",
		"  return '' + d2s(dc / n, 3) + ' ' + d2s(dy / n, 3) + ' ' + d2s(rb / n, 3);",
		"}",
		"function differing(a, b) {",
		"  selectImage(a); w = getWidth(); h = getHeight(); va = newArray(w * h);",
		"  for (i = 0; i < w * h; i++) va[i] = getPixel(i % w, floor(i / w));",
		"  selectImage(b); d = 0;",
		"  for (i = 0; i < w * h; i++) if (getPixel(i % w, floor(i / w)) != va[i]) d++;",
		"  return d;",
		"}", "");

	/** The run options every case shares: the small synthetic VGG19, Adam, one scale, on the CPU. */
	static String common(int iterations) {
		return "model=file weights=[" + fiji.safetensors + "] iterations=" + iterations + " size=48 scales=1 optimizer=adam"
			+ " learningrate=0.05 device=cpu";
	}

	/** Three numbers printed as "key: a b c". */
	static double[] numbers(Launch l, String key) {
		String v = l.value(key);
		assertTrue(v != null, () -> "no line '" + key + "' in\n" + l);
		String[] p = v.trim().split(" ");
		double[] out = new double[p.length];
		for (int i = 0; i < p.length; i++) out[i] = Double.parseDouble(p[i]);
		return out;
	}

	@Test
	void coloursKeptTwoStylesAndAStartImage() throws Exception {
		String run = "run('Style Transfer (advanced)...', 'content=content style=waves " + common(6);
		String macro = FUNCTIONS
			+ "stripes('waves', 255, 0, 40, 0, 220, 60);\n"
			+ "stripes('dots', 20, 40, 255, 250, 250, 0);\n"
			+ "twoColours('content', false);\n"
			+ run + " originalcolors=luminance');\n" + "lum = getTitle();\n"
			+ "print('luminance: ' + compare('content', lum, 0, 48));\n"
			+ "print('info: ' + replace(getMetadata('Info'), '\\n', ' | '));\n"
			+ run + " originalcolors=none');\n" + "plain = getTitle();\n"
			+ "print('none: ' + compare('content', plain, 0, 48));\n"
			+ run + " style2=dots styleblend=1,0');\n"
			+ "print('blend 1,0 differs in: ' + differing(plain, getTitle()));\n"
			+ run + " style2=dots styleblend=1,1');\n"
			+ "print('blend 1,1 differs in: ' + differing(plain, getTitle()));\n"
			+ "print('two info: ' + replace(getMetadata('Info'), '\\n', ' | '));\n"
			+ run + " stylescale=2 tvpower=1.25 tolerance=0.01');\n"
			+ "print('scaled info: ' + replace(getMetadata('Info'), '\\n', ' | '));\n"
			+ "newImage('start', 'RGB black', 48, 40, 1); setColor(20, 200, 90); fillRect(0, 0, 48, 40);\n"
			+ "run('Style Transfer (advanced)...', 'content=content style=waves " + common(1) + " init=image initimage=start');\n"
			+ "print('start: ' + compare('start', getTitle(), 0, 48) + ' vs content ' + compare('content', getTitle(), 0, 48));\n";
		Launch l = fiji.batch(macro, null);
		double[] lum = numbers(l, "luminance: "), none = numbers(l, "none: ");
		// Luminance-only keeps the content's chroma (up to 8-bit rounding and clipping) but changes the luminance.
		assertTrue(lum[0] < 1.5, () -> "chroma moved by " + lum[0] + "\n" + l);
		assertTrue(lum[1] > 2, () -> "luminance unchanged: " + lum[1] + "\n" + l);
		assertTrue(none[0] > 3 * lum[0] && none[0] > 2, () -> "without colour control the chroma moves: " + none[0] + "\n" + l);
		assertTrue(l.value("info: ").contains("Neural Style controls: colours=luminance"), l::toString);
		assertEquals("0", l.value("blend 1,0 differs in: "), () -> "weights 1,0 must equal the single style run\n" + l);
		assertTrue(Integer.parseInt(l.value("blend 1,1 differs in: ")) > 100, l::toString);
		assertTrue(l.value("two info: ").contains("styles=2 blend=0.5,0.5") && l.value("two info: ").contains("style2=dots"),
			l::toString);
		String scaled = l.value("scaled info: ");
		assertTrue(scaled.contains("style_scale=2") && scaled.contains("tv_power=1.25") && scaled.contains("tolerance=0.01"),
			() -> "style scale, TV power and tolerance reach the run\n" + l);
		// One Adam step (at most 0.05 × 255 per channel) from the start image stays next to it, far from the content.
		// Measured as chroma + luminance change (the first two numbers of compare): a result started
		// from the content would be near the content instead.
		String[] start = l.value("start: ").split(" vs content ");
		double fromStart = change(start[0]), fromContent = change(start[1]);
		assertTrue(3 * fromStart < fromContent, () -> "from the start " + fromStart + ", from the content " + fromContent + "\n" + l);
	}

	/** Chroma plus luminance change of a "chroma luminance …" line of the macro's compare(). */
	private static double change(String numbers) {
		String[] n = numbers.trim().split(" ");
		return Double.parseDouble(n[0]) + Double.parseDouble(n[1]);
	}

	@Test
	void labelImageAndOverlayRegionsTakeTheirOwnStyles() throws Exception {
		String macro = FUNCTIONS
			+ "stripes('reds', 255, 30, 0, 180, 0, 40);\n"
			+ "stripes('blues', 0, 40, 255, 40, 0, 180);\n"
			+ "newImage('cells-labels', '8-bit black', 48, 40, 1);\n"
			+ "setColor(1); fillRect(0, 0, 24, 40); setColor(2); fillRect(24, 0, 24, 40);\n"
			+ "twoColours('content', true);\n"
			+ "run('Style Transfer (advanced)...', 'content=content style=reds style2=blues styleblend=1,1 " + common(12)
			+ " regions=labels labels=cells-labels regionstyles=1:style,2:style2');\n"
			+ "r = getTitle();\n"
			+ "print('labels left: ' + compare('content', r, 0, 24));\n"
			+ "print('labels right: ' + compare('content', r, 24, 48));\n"
			+ "print('info: ' + replace(getMetadata('Info'), '\\n', ' | '));\n"
			+ "selectImage('content'); makeRectangle(0, 0, 24, 40); Overlay.addSelection; run('Select None');\n"
			+ "run('Style Transfer (advanced)...', 'content=content style=reds " + common(12)
			+ " regions=overlay regionstyles=1:style,0:none');\n"
			+ "r = getTitle();\n"
			+ "print('overlay left: ' + compare('content', r, 0, 24));\n"
			+ "print('overlay right: ' + compare('content', r, 24, 48));\n";
		Launch l = fiji.batch(macro, null);
		double[] left = numbers(l, "labels left: "), right = numbers(l, "labels right: ");
		// Third number: mean R − B. Grey content: the red-styled half turns red, the blue-styled half blue.
		assertTrue(left[2] > 2 && right[2] < -2, () -> "R−B left " + left[2] + ", right " + right[2] + "\n" + l);
		assertTrue(l.value("info: ").contains(" regions=1:0,2:1 (simple) ") && l.value("info: ").contains(
			" regions_from=labels labels=cells-labels"), l::toString);
		double[] oLeft = numbers(l, "overlay left: "), oRight = numbers(l, "overlay right: ");
		// The background is set to none: it keeps the content, far more than the styled half does.
		assertTrue(oLeft[0] + oLeft[1] > 3 * (oRight[0] + oRight[1]) && oLeft[2] > 2, () -> "overlay left "
			+ java.util.Arrays.toString(oLeft) + ", right " + java.util.Arrays.toString(oRight) + "\n" + l);
	}
}
