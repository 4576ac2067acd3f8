package io.github.neuralstyle.weights;

import java.io.IOException;
import java.net.URI;

/** An HTTP response other than success or redirect. */
public class HttpStatusException extends IOException {

	private static final long serialVersionUID = 1L;

	private final int status;

	/** Creates the exception for {@code status} received from {@code url}. */
	public HttpStatusException(int status, String reason, URI url) {
		super("HTTP " + status + (reason == null ? "" : " " + reason) + " from " + url);
		this.status = status;
	}

	/** The HTTP status code. */
	public int status() {
		return status;
	}

	/** Whether retrying cannot help: client errors other than timeout and rate limiting. */
	public boolean permanent() {
		return status >= 400 && status < 500 && status != 408 && status != 429;
	}
}
