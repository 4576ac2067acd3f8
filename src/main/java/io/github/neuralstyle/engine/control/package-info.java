/**
 * How a run applies its {@link io.github.neuralstyle.engine.StyleControls}: colour-prepared
 * inputs, the controlled objective (blended or scaled styles, regions, summed and power terms),
 * the early stop and the result's colours.
 */
package io.github.neuralstyle.engine.control;
