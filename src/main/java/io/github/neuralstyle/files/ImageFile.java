package io.github.neuralstyle.files;

import io.github.neuralstyle.engine.RgbImage;

import java.util.List;

/**
 * An image file as the engine gets it, with the one-line notices of choices made while reading
 * (which page of a stack, NaN pixels, approximate CMYK colours) that a user should be told.
 */
public record ImageFile(RgbImage image, List<String> notices) {}
