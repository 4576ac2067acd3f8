package io.github.neuralstyle.weights;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/**
 * Says in words what a failed download ran into. The JDK's own messages are terse to the point
 * of misleading: an unknown host comes as just the host name, a refused connection as
 * "Connection refused" without the address.
 */
final class NetworkErrors {

	private NetworkErrors() {}

	/** One phrase for {@code e} met while fetching {@code url}, e.g. "cannot resolve host x — no internet connection?". */
	static String describe(IOException e, URI url) {
		String host = url.getHost();
		int port = url.getPort() >= 0 ? url.getPort() : "http".equalsIgnoreCase(url.getScheme()) ? 80 : 443;
		if (e instanceof UnknownHostException) {
			return "cannot resolve host " + (e.getMessage() != null ? e.getMessage() : host)
				+ " — no internet connection, or a DNS or proxy problem? (a proxy is set with -Dhttps.proxyHost=… -Dhttps.proxyPort=…)";
		}
		if (e instanceof NoRouteToHostException) return "no route to " + host + ":" + port + " — network down or blocked by a firewall?";
		if (e instanceof ConnectException) {
			return "connection to " + host + ":" + port + " refused" + reason(e, "Connection refused")
				+ " — blocked by a firewall, or a proxy needed?";
		}
		if (e instanceof SocketTimeoutException) {
			return "no answer from " + host + " in time (" + String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT)
				+ ") — slow or blocked network?";
		}
		if (e instanceof SSLException) {
			return "secure connection to " + host + " failed" + reason(e, null)
				+ " — a proxy or antivirus intercepting HTTPS, or a wrong system clock?";
		}
		if (e instanceof HttpStatusException) return statusHint((HttpStatusException) e);
		String m = e.getMessage();
		return m == null || m.isBlank() ? e.getClass().getSimpleName() + " while fetching " + url : m;
	}

	/** Whether retrying cannot help (the host does not resolve; a permanent HTTP status). */
	static boolean permanent(IOException e) {
		return e instanceof UnknownHostException || e instanceof HttpStatusException && ((HttpStatusException) e).permanent();
	}

	private static String statusHint(HttpStatusException e) {
		int s = e.status();
		String hint;
		if (s == 404 || s == 410) hint = "the file is no longer at that address";
		else if (s == 401 || s == 403 || s == 407) hint = "access refused: a proxy or firewall may need settings";
		else if (s == 429) hint = "too many requests: try again later";
		else if (s >= 500) hint = "a problem on the server: try again later";
		else hint = null;
		return "the server answered " + e.getMessage() + (hint == null ? "" : " — " + hint);
	}

	private static String reason(IOException e, String obvious) {
		String m = e.getMessage();
		if (m == null || m.isBlank() || m.equalsIgnoreCase(obvious)) return "";
		return " (" + m + ")";
	}
}
