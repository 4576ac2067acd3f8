package io.github.neuralstyle.weights;

import java.util.Locale;
import java.util.function.Consumer;

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

	/**
	 * A listener that turns everything into one-line messages for a status bar or console,
	 * e.g. "Downloading weights: 12.3 of 80.1 MB (5.2 MB/s)"; progress lines come at most
	 * every half second.
	 */
	static DownloadListener lines(Consumer<String> sink) {
		return new DownloadListener() {
			private long last;

			@Override
			public void progress(String url, long bytes, long total, double bytesPerSecond) {
				long now = System.nanoTime();
				boolean done = total >= 0 && bytes >= total;
				if (!done && now - last < 500_000_000L) return;
				last = now;
				String of = total >= 0 ? String.format(Locale.ROOT, " of %.1f", total / 1e6) : "";
				sink.accept(String.format(Locale.ROOT, "Downloading weights: %.1f%s MB (%.1f MB/s)", bytes / 1e6, of,
					bytesPerSecond / 1e6));
			}

			@Override
			public void status(String message) {
				sink.accept(message);
			}
		};
	}
}
