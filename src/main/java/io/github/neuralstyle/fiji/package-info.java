/** The Fiji plugin: the SciJava command, its parameters, progress, preview and macro bridges. */
package io.github.neuralstyle.fiji;
