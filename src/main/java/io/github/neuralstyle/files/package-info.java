/**
 * Image files as the command line and the Fiji command both see them: one reader (ImageJ's own
 * decoders, checked and bounded first) and one output-path checker. Knows ImageJ, so
 * {@code engine} never has to.
 */
package io.github.neuralstyle.files;
