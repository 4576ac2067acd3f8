package io.github.neuralstyle.weights;

import java.io.IOException;

/** A weights file that cannot be used: wrong format, wrong names or shapes, failed checksum, refused pickle. */
public class InvalidWeightsException extends IOException {

	private static final long serialVersionUID = 1L;

	/** Creates the exception with a message meant for the user. */
	public InvalidWeightsException(String message) {
		super(message);
	}

	/** Creates the exception with a message meant for the user and its cause. */
	public InvalidWeightsException(String message, Throwable cause) {
		super(message, cause);
	}
}
