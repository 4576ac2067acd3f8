/** Shared test fixtures: synthetic networks, images, the loopback server, a real Fiji runtime (FIJI_HOME). */
package io.github.neuralstyle.testsupport;
