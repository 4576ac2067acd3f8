/**
 * The reliability suite: one class per family of bad input (image files, options, output paths,
 * signals, …). Every case checks the exit status or exception type, that the message names the
 * culprit and the fix, and that no input or unrelated file changed.
 */
package io.github.neuralstyle.reliability;
