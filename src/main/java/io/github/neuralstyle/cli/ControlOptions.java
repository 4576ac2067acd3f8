package io.github.neuralstyle.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import ij.ImagePlus;

import io.github.neuralstyle.engine.RgbImage;
import io.github.neuralstyle.engine.StyleControls;
import io.github.neuralstyle.engine.StyleTransferSettings;
import io.github.neuralstyle.engine.color.ColourMode;
import io.github.neuralstyle.engine.losses.Reduction;
import io.github.neuralstyle.engine.regions.RegionAssignment;
import io.github.neuralstyle.engine.regions.StyleRegions;
import io.github.neuralstyle.files.ImageFile;
import io.github.neuralstyle.files.ImageFileReader;
import io.github.neuralstyle.image.LabelImage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command-line options of issue 15, in jcjohnson/neural-style's forms where it has them:
 * {@code --original-colors none|luminance|histogram|yuv}, {@code --style a.png,b.png
 * --style-blend 3,7}, {@code --style-scale S}, {@code --regions labels.png --region-styles
 * 1:0,2:1,0:none}, {@code --tv-power P}, {@code --tolerance T}.
 */
final class ControlOptions {

	private ControlOptions() {}

	/**
	 * The style files of {@code --style}: a comma-separated list (jcjohnson's form), or one file
	 * whose name holds a comma when that file exists.
	 */
	static List<Path> styleFiles(CliOptions o) {
		String v = o.require("style");
		if (!v.contains(",") || Files.exists(Path.of(v))) return List.of(Path.of(v));
		List<Path> out = new ArrayList<>();
		for (String part : v.split(",")) {
			if (part.isBlank()) throw new CliOptions.UsageException("--style has an empty name in '" + v
				+ "': separate style files by single commas, e.g. --style a.png,b.png");
			out.add(Path.of(part.trim()));
		}
		return out;
	}

	/** Checks that {@code --region-styles} comes with {@code --regions} and the other way round, before anything is read. */
	static void checkPairs(CliOptions o) {
		if (o.has("regions") != o.has("region-styles")) {
			throw new CliOptions.UsageException(o.has("regions")
				? "--regions needs --region-styles: say which style each label takes, e.g. --region-styles 1:0,2:1,0:none"
				: "--region-styles needs --regions: give the label image (0 = background, 1, 2, … regions), e.g. --regions labels.png");
		}
	}

	/**
	 * The settings with the controls the options ask for; reads the extra styles (echoing their
	 * notices to {@code notices}) and the label image, which must have the content's size.
	 */
	static StyleTransferSettings apply(CliOptions o, StyleTransferSettings settings, RgbImage content, List<String> notices)
		throws IOException
	{
		checkPairs(o);
		List<Path> files = styleFiles(o);
		List<RgbImage> extra = new ArrayList<>();
		for (int i = 1; i < files.size(); i++) {
			ImageFile f = ImageFileReader.read(files.get(i), "style image " + (i + 1), settings.size());
			notices.addAll(f.notices());
			extra.add(f.image());
		}
		int styles = files.size();
		double[] blend = o.has("style-blend") ? blend(o, styles) : null;
		ColourMode colours = o.has("original-colors") ? colours(o) : null;
		StyleRegions regions = o.has("regions") ? regions(o, styles, content) : null;
		Double scale = o.has("style-scale") ? o.number("style-scale") : null;
		Double power = o.has("tv-power") ? o.number("tv-power") : null;
		Double tolerance = o.has("tolerance") ? o.number("tolerance") : null;
		try {
			return settings.toBuilder().optControls(c -> {
				if (!extra.isEmpty()) c.extraStyles(extra);
				if (blend != null) c.blendWeights(blend);
				if (colours != null) c.colourMode(colours);
				if (regions != null) c.regions(regions);
				if (scale != null) c.styleScale(scale);
				// A recipe's summed power TV keeps its form; otherwise the power TV is a mean, like the quadratic one.
				if (power != null) c.tvPower(power, Double.isNaN(settings.controls().tvPower()) ? Reduction.MEAN
					: settings.controls().tvReduction());
				if (tolerance != null) c.tolerance(tolerance);
				return c;
			}).build();
		}
		catch (IllegalArgumentException e) {
			throw new CliOptions.UsageException(optionFor(e.getMessage()) + e.getMessage());
		}
	}

	/** The option a controls message is about, as a prefix ("--style-scale: "). */
	private static String optionFor(String message) {
		for (String[] m : new String[][] { { "style scale", "--style-scale" }, { "tv power", "--tv-power" },
			{ "tolerance", "--tolerance" }, { "style blend", "--style-blend" }, { "region", "--region-styles" } })
		{
			if (message.startsWith(m[0])) return m[1] + ": ";
		}
		return "";
	}

	private static double[] blend(CliOptions o, int styles) {
		String[] parts = o.get("style-blend").split(",");
		if (parts.length != styles) {
			throw new CliOptions.UsageException("--style-blend has " + parts.length + " weight" + (parts.length == 1 ? "" : "s")
				+ " for " + styles + " style" + (styles == 1 ? "" : "s") + " in --style: give one weight per style in the same "
				+ "order, e.g. --style a.png,b.png --style-blend 3,7");
		}
		double[] w = new double[parts.length];
		for (int i = 0; i < w.length; i++) {
			try {
				w[i] = Double.parseDouble(parts[i].trim());
			}
			catch (NumberFormatException e) {
				throw new CliOptions.UsageException("--style-blend must be numbers ≥ 0 separated by commas, e.g. 3,7; got '"
					+ o.get("style-blend") + "'");
			}
		}
		return w;
	}

	private static ColourMode colours(CliOptions o) {
		try {
			return ColourMode.fromId(o.get("original-colors"));
		}
		catch (IllegalArgumentException e) {
			throw new CliOptions.UsageException("--original-colors '" + o.get("original-colors")
				+ "' is not known: use none, luminance, histogram or yuv");
		}
	}

	private static StyleRegions regions(CliOptions o, int styles, RgbImage content) throws IOException {
		Path file = Path.of(o.get("regions"));
		ImagePlus imp = ImageFileReader.open(file, "label image (--regions)");
		if (imp.getWidth() != content.width() || imp.getHeight() != content.height()) {
			throw new CliOptions.UsageException("--regions: the label image " + file + " is " + imp.getWidth() + "×"
				+ imp.getHeight() + " px but the content is " + content.width() + "×" + content.height()
				+ ": give a label image of the content's size");
		}
		try {
			int[] labels = LabelImage.labels(imp);
			Map<Integer, Integer> styleOf = RegionAssignment.parse(o.get("region-styles"), styles);
			return StyleRegions.of(imp.getWidth(), imp.getHeight(), labels, styleOf);
		}
		catch (IllegalArgumentException e) {
			String m = e.getMessage();
			throw new CliOptions.UsageException((m.startsWith("label image") ? "--regions: " : "--region-styles: ") + m);
		}
	}

	/** Adds the controls to the JSON summary's settings. */
	static void echo(JsonObject json, StyleTransferSettings s) {
		StyleControls c = s.controls();
		json.addProperty("original_colors", c.colourMode().id());
		json.addProperty("styles", c.styleCount());
		JsonArray blend = new JsonArray();
		for (double w : c.blendWeights()) blend.add(w);
		json.add("style_blend", blend);
		json.addProperty("style_scale", c.styleScale());
		if (c.regions() != null) json.addProperty("region_styles", c.regions().describe());
		json.addProperty("content_form", c.contentReduction().name().toLowerCase(java.util.Locale.ROOT));
		// Without a power (the quadratic mean TV) tv_power is left out.
		if (Double.isNaN(c.tvPower())) json.addProperty("tv_form", "quadratic mean");
		else {
			json.addProperty("tv_power", c.tvPower());
			json.addProperty("tv_form", c.tvReduction().name().toLowerCase(java.util.Locale.ROOT));
		}
		json.addProperty("tolerance", c.tolerance());
		if (c.noiseStart() != null) json.addProperty("noise_start", c.noiseStart().kind().name().toLowerCase(java.util.Locale.ROOT));
	}
}
