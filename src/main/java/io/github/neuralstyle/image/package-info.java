/** Conversions between ImageJ 1.x images, ImgLib2 and the engine's {@code RgbImage}, for every ImageJ type. */
package io.github.neuralstyle.image;
