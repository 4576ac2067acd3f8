/**
 * Image files as the command line and the Fiji command both see them: one reader (ImageJ's own
 * decoders, checked and bounded first), one output-path checker, one writer of 8-bit results and
 * the resumable output folder of sequences and shards. Knows ImageJ, so {@code engine} never has to.
 */
package io.github.neuralstyle.files;
