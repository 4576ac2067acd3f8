/** A plain command line over the engine, for scripts and benchmarks. */
package io.github.neuralstyle.cli;
