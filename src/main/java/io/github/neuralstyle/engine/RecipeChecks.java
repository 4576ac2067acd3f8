package io.github.neuralstyle.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks that a recipe's weights leave a loss to minimise. A term is on when its weight is
 * above 0 and, for content and style, at least one of its layers has a weight above 0; with
 * every term off the loss has no graph and the run could only crash.
 */
final class RecipeChecks {

	/**
	 * Largest accepted loss or layer weight: far beyond any useful value, yet small enough that
	 * weight × term stays finite in float32 (up to ~3.4e38).
	 */
	static final double MAX_WEIGHT = 1e15;

	private RecipeChecks() {}

	/**
	 * Refuses a recipe in which no term is on, and one whose named layers all have weight 0
	 * while their term's weight is above 0 (the term would be off without saying so); the
	 * message names the zero weights and how to turn a term on.
	 */
	static void requireSomethingToOptimise(Map<String, Double> contentLayers, Map<String, Double> styleLayers,
		double contentWeight, double styleWeight, double tvWeight)
	{
		List<String> off = new ArrayList<>();
		List<String> fixes = new ArrayList<>();
		boolean content = contentWeight > 0 && anyPositive(contentLayers);
		boolean style = styleWeight > 0 && anyPositive(styleLayers);
		if (contentWeight == 0) {
			off.add("content weight is 0");
			fixes.add("content weight above 0");
		}
		else if (contentLayers.isEmpty()) {
			off.add("content layers is empty");
			fixes.add("a content layer (e.g. relu4_2)");
		}
		else if (!content) {
			off.add(allZero("content layers", contentLayers));
			fixes.add("a content layer weight above 0 (e.g. " + firstName(contentLayers) + ":1)");
		}
		if (styleWeight == 0) {
			off.add("style weight is 0");
			fixes.add("style weight above 0");
		}
		else if (!style) {
			off.add(allZero("style layers", styleLayers));
			fixes.add("a style layer weight above 0 (e.g. " + firstName(styleLayers) + ":1)");
		}
		if (!content && !style && tvWeight == 0) {
			off.add("tv weight is 0");
			fixes.add("tv weight above 0");
			throw new IllegalArgumentException("nothing to optimise: " + String.join(", ", off)
				+ "; turn one term on: " + String.join(", or ", fixes));
		}
		if (contentWeight > 0 && !contentLayers.isEmpty() && !content) {
			throw new IllegalArgumentException(allZero("content layers", contentLayers) + " while content weight is "
				+ SettingsBuilderBase.shortNumber(contentWeight) + ", so content would be ignored; give one a weight above 0 (e.g. "
				+ firstName(contentLayers) + ":1), or set content weight 0 to turn content off");
		}
		if (styleWeight > 0 && !style) {
			throw new IllegalArgumentException(allZero("style layers", styleLayers) + " while style weight is "
				+ SettingsBuilderBase.shortNumber(styleWeight) + ", so style would be ignored; give one a weight above 0 (e.g. "
				+ firstName(styleLayers) + ":1), or set style weight 0 to turn style off");
		}
	}

	/** Refuses a weight that is not a finite number in [0, {@link #MAX_WEIGHT}]. */
	static void requireWeight(String setting, double v) {
		if (!Double.isFinite(v) || v < 0) {
			throw new IllegalArgumentException(setting + " must be a finite number ≥ 0, got " + v);
		}
		if (v > MAX_WEIGHT) {
			throw new IllegalArgumentException(setting + " must be at most 1e15 (larger weights overflow the float32 loss), got "
				+ v + "; use a smaller weight");
		}
	}

	private static boolean anyPositive(Map<String, Double> layers) {
		for (double w : layers.values()) if (w > 0) return true;
		return false;
	}

	private static String allZero(String setting, Map<String, Double> layers) {
		return setting + " " + StyleTransferSettings.formatLayers(layers) + (layers.size() == 1 ? " has" : " all have")
			+ " weight 0";
	}

	private static String firstName(Map<String, Double> layers) {
		return layers.keySet().iterator().next();
	}
}
