/** Shared test fixtures: synthetic networks, images, the loopback server, a real Fiji runtime (FIJI_HOME), the local SLURM test cluster. */
package io.github.neuralstyle.testsupport;
