/**
 * Spatial control (Gatys et al. 2017, section 4): masks of regions turned into per-layer
 * guidance maps, guided Gram matrices, and label images split into region masks.
 */
package io.github.neuralstyle.engine.regions;
