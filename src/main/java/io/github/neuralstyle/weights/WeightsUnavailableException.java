package io.github.neuralstyle.weights;

import java.io.IOException;

/**
 * Weights of a built-in model could not be obtained (offline, server error, failed verification).
 * The message names the URL, the cache path where the file must go, and the local-file option.
 */
public class WeightsUnavailableException extends IOException {

	private static final long serialVersionUID = 1L;

	/** Creates the exception with a message meant for the user and its cause. */
	public WeightsUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}
}
