/** The loss terms (content, Gram-matrix style, total variation) and the objective that sums them. */
package io.github.neuralstyle.engine.losses;
