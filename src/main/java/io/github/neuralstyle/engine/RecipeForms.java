package io.github.neuralstyle.engine;

import io.github.neuralstyle.engine.losses.Reduction;
import io.github.neuralstyle.engine.losses.SumLosses;

/**
 * The parts of a preset's recipe written in the recipe's own form (docs/presets.md derives
 * each). A preset hands them to the run through {@link StyleControls} ({@code Preset.readForms}):
 * summed terms divided by their count at 512 × 512, so the weights the settings show are those
 * on the mean at 512² and the recipe holds at every size.
 *
 * @param contentReduction whether the recipe's content term is a mean ({@code Losses.content}) or a sum ({@link SumLosses#content})
 * @param contentWeight    α on that form
 * @param tvPower          p of {@link SumLosses#totalVariationPower}
 * @param tvWeight         γ on {@link SumLosses#totalVariationPower}: a sum, so it holds at every size
 * @param noise            the recipe's random start, or null when it starts from an image
 */
public record RecipeForms(Reduction contentReduction, double contentWeight, double tvPower, double tvWeight, NoiseStart noise) {}
