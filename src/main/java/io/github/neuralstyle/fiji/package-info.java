/**
 * The Fiji plugin: the SciJava commands (essentials and advanced dialogs), the pre-processor
 * that settles the inputs a macro or dialog leaves open, progress, preview and macro bridges.
 */
package io.github.neuralstyle.fiji;
