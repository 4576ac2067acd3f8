package io.github.neuralstyle.engine;

import io.github.neuralstyle.engine.losses.Reduction;
import io.github.neuralstyle.engine.losses.SumLosses;

/**
 * The parts of a preset's recipe that {@link StyleTransferSettings} cannot hold yet, in the
 * recipe's own form (docs/presets.md derives each): until the run loop reads them, a preset
 * sets the nearest values the settings can express (exact at the recipe's own image size).
 *
 * @param contentReduction whether the recipe's content term is a mean ({@code Losses.content}) or a sum ({@link SumLosses#content})
 * @param contentWeight    α on that form
 * @param tvPower          p of {@link SumLosses#totalVariationPower}
 * @param tvWeight         γ on {@link SumLosses#totalVariationPower}: a sum, so it holds at every size
 * @param noise            the recipe's random start, or null when it starts from an image
 */
public record RecipeForms(Reduction contentReduction, double contentWeight, double tvPower, double tvWeight, NoiseStart noise) {}
