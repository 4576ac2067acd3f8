/** Optimisers over the image's pixels (Adam, L-BFGS with a strong-Wolfe line search) and the objective seam they see. */
package io.github.neuralstyle.engine.optimizers;
