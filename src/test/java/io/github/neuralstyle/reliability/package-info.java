/**
 * Reliability suite: one class per input family (recipes, images, options, weights files,
 * output paths, cache states, signals), each case asserting the exit code or exception type,
 * that the message names the culprit and the fix, and that no input changed.
 */
package io.github.neuralstyle.reliability;
