/** Benchmarks over the engine: per-step timing against bare libtorch passes, time to quality, memory soaks. */
package io.github.neuralstyle.benchmark;
