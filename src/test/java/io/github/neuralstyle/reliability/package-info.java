/**
 * The reliability suite: one test class per input family (image files, options, output paths,
 * signals, weights files, cache states, concurrency, …), each case checking the exit code or
 * exception type, that the message names the culprit and the fix, and that no input or
 * unrelated file changed; plus fuzz tests of the file readers.
 */
package io.github.neuralstyle.reliability;
