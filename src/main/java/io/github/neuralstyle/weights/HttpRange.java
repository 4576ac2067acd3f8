package io.github.neuralstyle.weights;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP response body positioned at a requested byte offset, whether or not the server
 * honours {@code Range} (if it does not, the bytes before the offset are read and dropped).
 * Redirects are followed by hand so that every hop is checked: HTTPS only, except plain HTTP
 * to a loopback address when explicitly allowed (tests).
 */
final class HttpRange implements Closeable {

	private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)");

	private final HttpURLConnection connection;
	private final InputStream in;
	private final long total;
	private final String etag;

	private HttpRange(HttpURLConnection connection, InputStream in, long total) {
		this.connection = connection;
		this.in = in;
		this.total = total;
		this.etag = connection.getHeaderField("ETag");
	}

	/** The server's {@code ETag} for the file, or null if it sent none. */
	String etag() {
		return etag;
	}

	/** The body stream, positioned at the requested offset. */
	InputStream stream() {
		return in;
	}

	/** The length of the whole remote file, or -1 if the server did not say. */
	long total() {
		return total;
	}

	/**
	 * Opens {@code url} at byte {@code from}, asking for bytes up to {@code toExclusive} (or to the end if negative).
	 *
	 * @throws HttpStatusException for error statuses (416 included)
	 */
	static HttpRange open(URI url, long from, long toExclusive, Downloader.Options options) throws IOException {
		URI current = url;
		for (int redirects = 0;; redirects++) {
			checkScheme(current, url, options);
			HttpURLConnection c = (HttpURLConnection) current.toURL().openConnection();
			c.setInstanceFollowRedirects(false);
			c.setConnectTimeout(options.connectTimeoutMillis);
			c.setReadTimeout(options.readTimeoutMillis);
			c.setRequestProperty("User-Agent", "neural-style-fiji");
			// Compression would make byte ranges refer to the compressed stream.
			c.setRequestProperty("Accept-Encoding", "identity");
			if (from > 0 || toExclusive > 0) {
				c.setRequestProperty("Range", "bytes=" + from + "-" + (toExclusive > 0 ? String.valueOf(toExclusive - 1) : ""));
			}
			int code;
			try {
				code = c.getResponseCode();
			}
			catch (IOException e) {
				c.disconnect();
				throw e;
			}
			if (code == 301 || code == 302 || code == 303 || code == 307 || code == 308) {
				String location = c.getHeaderField("Location");
				c.disconnect();
				if (location == null) throw new HttpStatusException(code, "redirect without Location", current);
				if (redirects >= options.maxRedirects) {
					throw new IOException("More than " + options.maxRedirects + " redirects from " + url);
				}
				current = current.resolve(location);
				continue;
			}
			if (code == HttpURLConnection.HTTP_PARTIAL) {
				Matcher m = CONTENT_RANGE.matcher(String.valueOf(c.getHeaderField("Content-Range")));
				if (!m.find() || Long.parseLong(m.group(1)) != from) {
					c.disconnect();
					throw new IOException("Server sent range '" + c.getHeaderField("Content-Range") + "' for bytes from " + from
						+ " of " + current);
				}
				long total = "*".equals(m.group(3)) ? -1 : Long.parseLong(m.group(3));
				return new HttpRange(c, c.getInputStream(), total);
			}
			if (code == HttpURLConnection.HTTP_OK) {
				InputStream in = c.getInputStream();
				HttpRange r = new HttpRange(c, in, c.getContentLengthLong());
				try {
					skip(in, from);
				}
				catch (IOException e) {
					r.close();
					throw e;
				}
				return r;
			}
			String reason = c.getResponseMessage();
			c.disconnect();
			throw new HttpStatusException(code, reason, current);
		}
	}

	private static void checkScheme(URI hop, URI original, Downloader.Options options) throws IOException {
		String scheme = String.valueOf(hop.getScheme()).toLowerCase(Locale.ROOT);
		if ("https".equals(scheme)) return;
		if ("http".equals(scheme) && options.allowLoopbackHttp && hop.getHost() != null
			&& InetAddress.getByName(hop.getHost()).isLoopbackAddress())
		{
			return;
		}
		throw new IOException("Refusing to download weights over " + scheme + ": " + hop
			+ (hop.equals(original) ? "" : " (redirected from " + original + ")") + "; only HTTPS is allowed");
	}

	private static void skip(InputStream in, long n) throws IOException {
		byte[] buf = new byte[64 * 1024];
		while (n > 0) {
			int r = in.read(buf, 0, (int) Math.min(buf.length, n));
			if (r < 0) throw new EOFException("Body ended before byte " + n);
			n -= r;
		}
	}

	@Override
	public void close() {
		// Disconnect first rather than drain: we often stop reading long before the end of the file.
		connection.disconnect();
		try {
			in.close();
		}
		catch (IOException e) {
			// closing a broken stream: nothing to recover
		}
	}
}
