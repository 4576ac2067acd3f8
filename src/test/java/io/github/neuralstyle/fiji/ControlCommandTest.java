package io.github.neuralstyle.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;

import io.github.neuralstyle.engine.InitMode;
import io.github.neuralstyle.engine.Preset;
import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.StyleControls;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.color.ColourMode;
import io.github.neuralstyle.engine.losses.Reduction;
import io.github.neuralstyle.engine.regions.RegionAssignment;
import io.github.neuralstyle.engine.regions.StyleRegions;
import io.github.neuralstyle.image.ImageToRgb;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.scijava.command.CommandModule;

/** Each control key of issue 15 through the command: what reaches the engine, and what is refused. */
class ControlCommandTest {

	@AutoClose
	private static final CommandHarness harness = new CommandHarness();

	/** A 32×24 image of one colour. */
	private static ImagePlus flat(String title, int rgb) {
		ColorProcessor cp = new ColorProcessor(32, 24);
		cp.setColor(rgb);
		cp.fill();
		return new ImagePlus(title, cp);
	}

	private static final ImagePlus CONTENT = flat("content", 0x808080), RED = flat("red", 0xff0000),
		BLUE = flat("blue", 0x0000ff), GREEN = flat("green", 0x00ff00);

	/** The Info of the last result of {@link #run}. */
	private static String lastInfo;

	/** Runs one step with {@code overrides} on top of CONTENT styled by RED; the engine's controls. */
	private static StyleControls run(Map<String, Object> overrides) throws Exception {
		Map<String, Object> in = new HashMap<>(Map.of("content", CONTENT, "style", RED, "iterations", 1));
		in.putAll(overrides);
		CommandModule m = harness.run(CommandHarness.fast(in));
		assertFalse(m.isCanceled(), m::getCancelReason);
		lastInfo = ((ImagePlus) m.getOutput("result")).getInfoProperty();
		return harness.engine.lastSettings().controls();
	}

	/** Runs and expects a refusal containing {@code expected}, without the engine running. */
	private static void refused(Map<String, Object> overrides, String expected) throws Exception {
		Map<String, Object> in = new HashMap<>(Map.of("content", CONTENT, "style", RED));
		in.putAll(overrides);
		int calls = harness.engine.calls();
		CommandModule m = harness.run(CommandHarness.fast(in));
		assertTrue(m.isCanceled(), "not refused");
		assertTrue(m.getCancelReason().contains(expected), () -> "message: " + m.getCancelReason());
		assertNull(m.getOutput("result"));
		assertEquals(calls, harness.engine.calls(), "the engine must not run");
	}

	@Test
	void defaultsAreThePlainRun() throws Exception {
		StyleControls c = run(Map.of());
		assertTrue(c.isNone(), c::toString);
		assertFalse(lastInfo.contains("Neural Style controls"), lastInfo);
		assertEquals(InitMode.CONTENT, harness.engine.lastSettings().init());
	}

	@ParameterizedTest
	@CsvSource({ "none, NONE", "luminance, LUMINANCE", "Histogram, HISTOGRAM", "yuv, YUV" })
	void originalColoursReachTheEngine(String typed, ColourMode mode) throws Exception {
		assertEquals(mode, run(Map.of("originalcolors", typed)).colourMode());
	}

	@Test
	void blendWeightsPickTheStylesInOrderAndUnusedStylesAreIgnored() throws Exception {
		StyleControls c = run(Map.of("style2", BLUE, "style3", new ImagePlus(), "styleblend", "3,7"));
		assertEquals(1, c.extraStyles().size(), "style3 is not used: its empty image (a title no window has) is no error");
		assertArrayEquals(ImageToRgb.convert(BLUE, "style2").image().data(), c.extraStyles().get(0).data());
		assertArrayEquals(new double[] { 0.3, 0.7 }, c.blendWeights(), 1e-12);
		assertTrue(lastInfo.contains("\nNeural Style controls: colours=none styles=2 blend=0.3,0.7 ") && lastInfo.contains(
			" style2=blue\n"), lastInfo);
		assertArrayEquals(ImageToRgb.convert(RED, "style").image().data(), harness.engine.lastStyle().data());
		c = run(Map.of("style2", BLUE, "style3", GREEN, "styleblend", "1,0,1"));
		assertEquals(2, c.extraStyles().size());
		assertArrayEquals(ImageToRgb.convert(GREEN, "style3").image().data(), c.extraStyles().get(1).data());
		assertArrayEquals(new double[] { 0.5, 0, 0.5 }, c.blendWeights(), 1e-12);
		assertEquals(0, run(Map.of("style2", BLUE, "styleblend", "1")).extraStyles().size());
	}

	@Test
	void styleScaleTvExponentAndToleranceReachTheEngine() throws Exception {
		StyleControls c = run(Map.of("stylescale", "2", "tvpower", "1.25", "tolerance", "1e-5"));
		assertEquals(2, c.styleScale());
		assertEquals(1.25, c.tvPower());
		assertEquals(Reduction.MEAN, c.tvReduction(), "gatys' TV is a mean");
		assertEquals(1e-5, c.tolerance());
		// A recipe written on sums keeps its sum when only the exponent is changed.
		c = run(Map.of("preset", "keras-vgg16", "tvpower", "1.5"));
		assertEquals(1.5, c.tvPower());
		assertEquals(Reduction.SUM, c.tvReduction());
		c = run(Map.of("preset", "keras-vgg16"));
		assertEquals(StyleTransferSettings.builder(Preset.KERAS_VGG16).build().controls().tvPower(), c.tvPower(), "preset");
	}

	@Test
	void startImageIsTheChosenImage() throws Exception {
		run(Map.of("init", "image", "initimage", BLUE));
		StyleTransferSettings s = harness.engine.lastSettings();
		assertEquals(InitMode.IMAGE, s.init());
		assertArrayEquals(ImageToRgb.convert(BLUE, "initimage").image().data(), s.initImage().data());
		run(Map.of("initimage", BLUE));
		assertNull(harness.engine.lastSettings().initImage(), "used only with init=image");
	}

	@Test
	void selectionRegionWithAutoStylesStylesTheSelectionAndKeepsTheRest() throws Exception {
		ImagePlus content = flat("cells", 0x808080);
		content.setRoi(new Roi(4, 2, 10, 6));
		StyleRegions r = run(Map.of("content", content, "regions", "selection")).regions();
		assertEquals(Map.of(0, RegionAssignment.NONE, 1, 0), r.styleOf());
		int[] labels = r.labels();
		assertEquals(32 * 24, labels.length);
		int ones = 0;
		for (int v : labels) ones += v;
		assertEquals(60, ones);
		assertEquals(1, labels[2 * 32 + 4]);
		assertEquals(0, labels[8 * 32 + 4]);
	}

	@Test
	void labelImageWithTwoStylesAndStyleSelections() throws Exception {
		ByteProcessor lp = new ByteProcessor(32, 24);
		lp.setValue(1);
		lp.fill(new Roi(0, 0, 16, 24));
		lp.setValue(2);
		lp.fill(new Roi(16, 0, 16, 24));
		ImagePlus labels = new ImagePlus("labels", lp);
		ImagePlus red = flat("red", 0xff0000), blue = flat("blue", 0x0000ff);
		red.setRoi(new Roi(0, 0, 8, 8));
		blue.setRoi(new Roi(10, 10, 4, 4));
		StyleControls c = run(Map.of("style", red, "style2", blue, "styleblend", "1,1", "regions", "labels", "labels", labels,
			"regionstyles", "1:style2,2:style", "styleregions", "selection"));
		StyleRegions r = c.regions();
		assertEquals(Map.of(1, 1, 2, 0), r.styleOf());
		assertArrayEquals(RegionPlanesOf.labels(lp), r.labels());
		assertTrue(lastInfo.contains("regions=1:1,2:0 (simple) ") && lastInfo.contains(" regions_from=labels labels=labels"),
			lastInfo);
		assertEquals(16, sum(r.styleMasks().get(1).values()), "region 1 takes style2's 4×4 selection");
		assertEquals(64, sum(r.styleMasks().get(2).values()), "region 2 takes style's 8×8 selection");
		assertEquals(32, r.styleMasks().get(2).width());
	}

	@Test
	void overlayRegionsWithStyleOverlays() throws Exception {
		ImagePlus content = flat("cells", 0x808080);
		Overlay o = new Overlay(new Roi(0, 0, 8, 8));
		o.add(new Roi(20, 10, 4, 4));
		content.setOverlay(o);
		ImagePlus style = flat("waves", 0xff0000);
		Overlay so = new Overlay(new Roi(0, 0, 2, 2));
		so.add(new Roi(4, 4, 3, 3));
		style.setOverlay(so);
		StyleRegions r = run(Map.of("content", content, "style", style, "regions", "overlay", "regionstyles",
			"1:style,2:style,0:style", "styleregions", "overlay")).regions();
		assertEquals(4, sum(r.styleMasks().get(1).values()));
		assertEquals(9, sum(r.styleMasks().get(2).values()));
		assertEquals(32 * 24 - 13, sum(r.styleMasks().get(0).values()), "the background takes the style outside its ROIs");
	}

	private static int sum(float[] v) {
		int s = 0;
		for (float f : v) s += (int) f;
		return s;
	}

	/** The label plane a byte processor holds, counted independently of RegionPlanes. */
	private static final class RegionPlanesOf {

		static int[] labels(ByteProcessor bp) {
			int[] out = new int[bp.getPixelCount()];
			for (int i = 0; i < out.length; i++) out[i] = bp.get(i);
			return out;
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("io.github.neuralstyle.engine.Preset#ids")
	void everyPresetOfTheEngineRunsFromTheCommand(String id) throws Exception {
		run(Map.of("preset", id, "model", "preset"));
		assertSame(Preset.fromId(id), harness.engine.lastSettings().preset());
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', value = {
		"originalcolors | grey       | originalcolors=grey: accepted values are none, luminance, histogram, yuv",
		"styleblend     | 3;7        | styleblend=3;7: give one weight ≥ 0 per style used",
		"stylescale     | 0          | stylescale=0: must be preset or a number > 0 and ≤ 8",
		"stylescale     | big        | stylescale=big: must be preset or a number > 0",
		"regions        | rois       | regions=rois: accepted values are none, selection, overlay, roimanager, labels",
		"regions        | selection  | regions=selection: 'content' has no selection",
		"regions        | overlay    | regions=overlay: 'content' has no overlay",
		"regions        | roimanager | regions=roimanager: the ROI Manager is not open",
		"regions        | labels     | regions=labels: no label image; give its title",
		"styleregions   | selection  | styleregions=selection: needs content regions",
		"styleregions   | all        | styleregions=all: accepted values are none, selection, overlay",
		"tvpower        | 5          | tvpower=5: must be preset or a number > 0 and ≤ 4",
		"tolerance      | 1          | tolerance=1: must be preset or a number ≥ 0 and ≤ 0.5",
		"init           | image      | initimage: no image; open one and name it",
	})
	void badValuesAreRefusedByKey(String key, String value, String expected) throws Exception {
		refused(Map.of(key, value), expected);
	}

	@Test
	void missingOrUnknownImagesAreRefusedByKey() throws Exception {
		refused(Map.of("styleblend", "1,1"), "style2: no image; open one and name it");
		ImagePlus content = flat("c", 0);
		content.setRoi(new Roi(0, 0, 4, 4));
		refused(Map.of("content", content, "regions", "selection", "regionstyles", "1:style2"),
			"regionstyles=1:style2: '1:style2' names style2, but styleblend gives 1 weight(s)");
		refused(Map.of("regions", "labels", "labels", new ImagePlus("small", new ByteProcessor(3, 3))),
			"labels=[small] is 3×3 but the content is 32×24");
		ImagePlus style = flat("s", 0);
		refused(Map.of("content", content, "style", style, "regions", "selection", "styleregions", "selection"),
			"styleregions=selection: 's' has no selection");
	}
}
