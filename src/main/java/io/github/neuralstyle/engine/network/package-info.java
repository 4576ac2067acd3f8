/** The VGG feature network: architectures, weights in memory, the input convention and the forward pass. */
package io.github.neuralstyle.engine.network;
