/** The style-transfer engine: pure DJL, no ImageJ types. */
package io.github.neuralstyle.engine;
