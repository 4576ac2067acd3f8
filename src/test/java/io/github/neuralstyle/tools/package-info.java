/** Developer tools kept with the tests: the generator of the redistributable sample images. */
package io.github.neuralstyle.tools;
