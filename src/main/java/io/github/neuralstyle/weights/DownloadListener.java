package io.github.neuralstyle.weights;

/** Receives download progress and status; called on the downloading thread. */
public interface DownloadListener {

	/** A listener that ignores everything. */
	DownloadListener NONE = new DownloadListener() {};

	/**
	 * Called repeatedly while bytes arrive (at most about ten times a second, and once at the end).
	 *
	 * @param url the URL being fetched
	 * @param bytes bytes of the target file present so far (including a resumed part)
	 * @param total the expected size of the target file, or -1 if unknown
	 * @param bytesPerSecond the transfer rate of this session
	 */
	default void progress(String url, long bytes, long total, double bytesPerSecond) {}

	/** Called with a status message (e.g. "cached file failed verification, downloading again"). */
	default void status(String message) {}
}
