/**
 * Exact tiled evaluation of the style-transfer loss: the image is cut into tiles whose windows
 * carry a halo as wide as the deepest layer's receptive field, so each tile's core features equal
 * the untiled ones; Gram matrices are summed over tiles, and the optimiser sees one objective.
 */
package io.github.neuralstyle.engine.tiling;
