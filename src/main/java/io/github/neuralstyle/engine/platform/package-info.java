/** Devices and process-wide libtorch switches (huge pages, NNPACK), set once before the first array. */
package io.github.neuralstyle.engine.platform;
