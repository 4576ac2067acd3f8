/**
 * Temporal consistency for sequences (Ruder, Dosovitskiy &amp; Brox 2016): dense optical flow,
 * backward warping, the forward–backward consistency mask, the temporal loss term, the
 * temporal error measure and early stopping. Plain float arrays and DJL, no ImageJ.
 */
package io.github.neuralstyle.engine.video;
