/** Shared test fixtures: synthetic networks, images, the loopback server. */
package io.github.neuralstyle.testsupport;
