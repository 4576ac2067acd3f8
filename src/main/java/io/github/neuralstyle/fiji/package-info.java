/**
 * The Fiji plugin: the SciJava commands (essentials and advanced dialogs), the pre-processor
 * that settles the inputs a macro or dialog leaves open (and starts the dialog's image choosers
 * at them), progress, preview and macro bridges.
 */
package io.github.neuralstyle.fiji;
