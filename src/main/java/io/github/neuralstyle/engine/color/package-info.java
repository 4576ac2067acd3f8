/**
 * Colour control on {@link io.github.neuralstyle.engine.RgbImage}s, plain Java: luminance-only
 * transfer and colour histogram matching (Gatys et al. 2017), and the post-hoc YUV swap of
 * jcjohnson/neural-style's {@code -original_colors 1}.
 */
package io.github.neuralstyle.engine.color;
