/**
 * The reliability suite: one test class per input family (recipes, images, options, weights
 * files, output paths, cache states, signals and concurrency), each case checking the exit code
 * or exception type, that the message names the culprit and the fix, and that no input or
 * unrelated file changed; plus fuzz tests of the file readers.
 */
package io.github.neuralstyle.reliability;
