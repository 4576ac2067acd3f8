package io.github.neuralstyle.weights;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Fetches weights into a partial file, resuming with {@code Range} after a dropped connection
 * or from a part left by an earlier run. It does not verify or rename: {@link DefaultWeightsProvider} does.
 */
public class Downloader {

	/** Timeouts, limits and the transport policy. */
	public static final class Options {
		int connectTimeoutMillis = 20_000;
		int readTimeoutMillis = 60_000;
		int maxRedirects = 5;
		int maxAttempts = 4;
		long retryDelayMillis = 1_000;
		long maxBytes = 1L << 30;
		boolean allowLoopbackHttp;

		/** Connect and read (per read call) timeouts in milliseconds. */
		public Options timeouts(int connectMillis, int readMillis) {
			connectTimeoutMillis = connectMillis;
			readTimeoutMillis = readMillis;
			return this;
		}

		/** Attempts per download (each resuming) and the base delay between them. */
		public Options attempts(int attempts, long delayMillis) {
			maxAttempts = Math.max(1, attempts);
			retryDelayMillis = delayMillis;
			return this;
		}

		/** Redirects followed at most. */
		public Options maxRedirects(int n) {
			maxRedirects = n;
			return this;
		}

		/** The largest file we accept to download. */
		public Options maxBytes(long n) {
			maxBytes = n;
			return this;
		}

		/** Allows plain HTTP to loopback addresses: for tests against a local server only. */
		public Options allowLoopbackHttp(boolean allow) {
			allowLoopbackHttp = allow;
			return this;
		}
	}

	private final Options options;

	/** A downloader with default options: HTTPS only, 20 s connect and 60 s read timeouts, 4 attempts. */
	public Downloader() {
		this(new Options());
	}

	/** A downloader with the given options. */
	public Downloader(Options options) {
		this.options = options;
	}

	/**
	 * Downloads the whole of {@code url} into {@code part}, resuming from its current length.
	 *
	 * @return the server's ETag for the file, or null if it sent none
	 */
	public String downloadWhole(URI url, Path part, DownloadListener listener) throws IOException {
		Files.createDirectories(part.toAbsolutePath().getParent());
		IOException last = null;
		// A part left by an earlier run belongs to the version whose ETag was kept beside it.
		String etag = Files.exists(part) ? PartialDownload.etag(part) : null;
		int restarts = 0;
		for (int attempt = 1; attempt <= options.maxAttempts; attempt++) {
			long have = Files.exists(part) ? Files.size(part) : 0;
			try (HttpRange body = HttpRange.open(url, have, -1, options)) {
				if (changed(etag, body.etag()) && have > 0) {
					// The bytes we have belong to another version of the file: start again (twice at most).
					PartialDownload.discard(part);
					if (++restarts > 2) throw new IOException("the file at " + url + " keeps changing on the server");
					listener.status("The file at " + url + " changed on the server since the download started; starting again");
					etag = null;
					attempt--;
					continue;
				}
				if (etag == null) PartialDownload.keepEtag(part, body.etag());
				etag = body.etag();
				long total = body.total();
				if (total > options.maxBytes) throw new IOException(url + " is " + total + " bytes, more than the limit of " + options.maxBytes);
				if (total >= 0 && have > total) {
					// A part longer than the file: stale; start again.
					PartialDownload.discard(part);
					attempt--;
					continue;
				}
				copy(url, body.stream(), part, have, total >= 0 ? total : -1, total, listener);
				long now = Files.size(part);
				if (total >= 0 && now < total) throw new IOException("Connection closed after " + now + " of " + total + " bytes");
				return etag;
			}
			catch (HttpStatusException e) {
				// 416 for a part that is already whole: nothing left to fetch, verification decides.
				if (e.status() == 416 && have > 0) return etag;
				if (e.permanent()) throw e;
				last = e;
			}
			catch (IOException e) {
				if (Thread.currentThread().isInterrupted() || NetworkErrors.permanent(e)) throw e;
				last = e;
			}
			pause(url, attempt, last, listener);
		}
		throw last;
	}

	/**
	 * Downloads the {@code features.*} block of a remote safetensors file into {@code part} as a
	 * valid safetensors file of its own: the header is fetched by range and rewritten to name only
	 * those tensors, then their bytes follow. Falls back to the whole file when the features are
	 * not a contiguous block at the start of the data.
	 *
	 * @return the server's ETag for the file, or null if it sent none
	 */
	public String downloadSafetensorsFeatures(URI url, Path part, DownloadListener listener) throws IOException {
		Files.createDirectories(part.toAbsolutePath().getParent());
		String name = url.toString();
		long headerLength = SafetensorsHeader.headerLength(name, fetch(url, 0, 8, listener));
		byte[] json = fetch(url, 8, 8 + headerLength, listener);
		SafetensorsHeader header = SafetensorsHeader.parse(name, json);
		long dataEnd = header.featuresPrefixEnd();
		byte[] prefix;
		if (dataEnd > 0) {
			prefix = header.featuresOnlyWithLength();
		}
		else {
			listener.status("The convolution weights are not at the start of " + url + "; downloading the whole file");
			dataEnd = header.dataEnd();
			prefix = ByteBuffer.allocate((int) (8 + headerLength)).order(ByteOrder.LITTLE_ENDIAN).putLong(headerLength).put(json)
				.array();
		}
		if (prefix.length + dataEnd > options.maxBytes) {
			throw new IOException(url + " needs " + (prefix.length + dataEnd) + " bytes, more than the limit of " + options.maxBytes);
		}
		long remoteData = 8 + headerLength;
		long fileLength = prefix.length + dataEnd;
		boolean resumed = resumable(part, prefix, fileLength);
		if (!resumed) {
			Files.deleteIfExists(PartialDownload.etagFile(part));
			Files.write(part, prefix);
		}
		IOException last = null;
		String etag = resumed ? PartialDownload.etag(part) : null;
		for (int attempt = 1; attempt <= options.maxAttempts; attempt++) {
			long have = Files.size(part) - prefix.length;
			if (have == dataEnd) return etag;
			try (HttpRange body = HttpRange.open(url, remoteData + have, remoteData + dataEnd, options)) {
				if (changed(etag, body.etag())) {
					if (resumed) {
						// A part from an earlier run, of another version with the same layout: its data is not reused.
						listener.status("The file at " + url + " changed on the server since the partial download was"
							+ " started; starting again");
						PartialDownload.discard(part);
						Files.write(part, prefix);
						resumed = false;
						etag = null;
						attempt--;
						continue;
					}
					PartialDownload.discard(part);
					throw new IOException("the file at " + url + " changed on the server during the download (ETag "
						+ etag + ", then " + body.etag() + "); the partial download was removed: try again");
				}
				if (etag == null) PartialDownload.keepEtag(part, body.etag());
				etag = body.etag();
				copy(url, body.stream(), part, prefix.length + have, dataEnd - have, fileLength, listener);
				long now = Files.size(part);
				if (now < fileLength) throw new IOException("Connection closed after " + now + " of " + fileLength + " bytes");
				return etag;
			}
			catch (HttpStatusException e) {
				if (e.status() == 416) {
					throw new IOException(url + " ends before byte " + (remoteData + dataEnd) + " that its header promises:"
						+ " the file on the server is truncated (" + e.getMessage() + ")", e);
				}
				if (e.permanent()) throw e;
				last = e;
			}
			catch (IOException e) {
				if (Thread.currentThread().isInterrupted() || NetworkErrors.permanent(e) || !Files.exists(part)) throw e;
				last = e;
			}
			pause(url, attempt, last, listener);
		}
		throw last;
	}

	/** Whether the server's ETag differs from the one seen earlier in this download (both known). */
	private static boolean changed(String earlier, String now) {
		return earlier != null && now != null && !earlier.equals(now);
	}

	/** Whether {@code part} starts with the same header and is not longer than the file: then it can be resumed. */
	private static boolean resumable(Path part, byte[] prefix, long fileLength) throws IOException {
		if (!Files.exists(part) || Files.size(part) < prefix.length || Files.size(part) > fileLength) return false;
		try (InputStream in = Files.newInputStream(part)) {
			return Arrays.equals(in.readNBytes(prefix.length), prefix);
		}
	}

	/** Fetches bytes [from, to) with retries. */
	private byte[] fetch(URI url, long from, long to, DownloadListener listener) throws IOException {
		IOException last = null;
		for (int attempt = 1; attempt <= options.maxAttempts; attempt++) {
			try (HttpRange body = HttpRange.open(url, from, to, options)) {
				byte[] bytes = body.stream().readNBytes((int) (to - from));
				if (bytes.length < to - from) throw new IOException("Connection closed after " + bytes.length + " of " + (to - from) + " bytes");
				return bytes;
			}
			catch (HttpStatusException e) {
				if (e.permanent()) throw e;
				last = e;
			}
			catch (IOException e) {
				if (Thread.currentThread().isInterrupted() || NetworkErrors.permanent(e)) throw e;
				last = e;
			}
			pause(url, attempt, last, listener);
		}
		throw last;
	}

	/** Appends up to {@code limit} bytes (all if negative) of {@code in} to {@code part}, reporting progress. */
	private void copy(URI url, InputStream in, Path part, long already, long limit, long total, DownloadListener listener)
		throws IOException
	{
		String u = url.toString();
		long start = System.nanoTime();
		long lastReport = 0;
		long copied = 0;
		byte[] buf = new byte[64 * 1024];
		try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
			while (limit < 0 || copied < limit) {
				if (Thread.interrupted()) {
					Thread.currentThread().interrupt();
					throw new InterruptedIOException("Download of " + u + " interrupted");
				}
				int want = limit < 0 ? buf.length : (int) Math.min(buf.length, limit - copied);
				int r = in.read(buf, 0, want);
				if (r < 0) break;
				out.write(buf, 0, r);
				copied += r;
				if (already + copied > options.maxBytes) throw new IOException(u + " sent more than " + options.maxBytes + " bytes");
				long now = System.nanoTime();
				if (now - lastReport > 100_000_000L) {
					lastReport = now;
					listener.progress(u, already + copied, total, copied / Math.max(1e-9, (now - start) / 1e9));
				}
			}
		}
		finally {
			listener.progress(u, already + copied, total, copied / Math.max(1e-9, (System.nanoTime() - start) / 1e9));
		}
	}

	private void pause(URI url, int attempt, IOException cause, DownloadListener listener) throws IOException {
		if (attempt >= options.maxAttempts) return;
		listener.status("Download of " + url + " failed (" + NetworkErrors.describe(cause, url) + "); retrying");
		try {
			Thread.sleep(options.retryDelayMillis * attempt);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("Download of " + url + " interrupted");
		}
	}
}
