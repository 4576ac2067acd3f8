/** Where the VGG weights come from: built-in models, download with cache and verification, file readers. */
package io.github.neuralstyle.weights;
