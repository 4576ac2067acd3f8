package io.github.neuralstyle.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small HTTP server on 127.0.0.1 only, for download tests: serves byte arrays with or without
 * {@code Range} support and can misbehave on purpose (error statuses, dropped connections,
 * slow or stalled bodies, redirects). At most 8 handler threads; it stops itself after
 * 2 minutes if a test forgets to close it.
 */
public final class LoopbackServer implements AutoCloseable {

	/** One served path and how it behaves; settings may change between requests. */
	public static final class Resource {
		volatile byte[] body;
		volatile boolean ranges = true;
		volatile long dropAfter = -1;
		final AtomicInteger dropTimes = new AtomicInteger();
		volatile int status;
		final AtomicInteger statusTimes = new AtomicInteger();
		volatile int chunkBytes = 1 << 16;
		volatile long chunkDelayMillis;
		volatile long stallMillis;
		volatile String redirectTo;
		volatile String etag;
		final List<String> ranges_ = new CopyOnWriteArrayList<>();
		final AtomicInteger bodyRequests = new AtomicInteger();

		/** Serve {@code bytes} from now on. */
		public Resource body(byte[] bytes) {
			body = bytes;
			return this;
		}

		/** Ignore {@code Range} headers: always answer 200 with the whole body. */
		public Resource noRanges() {
			ranges = false;
			return this;
		}

		/** For the next {@code times} responses longer than {@code bytes}, close the connection after that many body bytes. */
		public Resource dropAfter(long bytes, int times) {
			dropAfter = bytes;
			dropTimes.set(times);
			return this;
		}

		/** For the next {@code times} requests, answer {@code code} with no body. */
		public Resource status(int code, int times) {
			status = code;
			statusTimes.set(times);
			return this;
		}

		/** Send the body in chunks of {@code bytes} with {@code millis} between them. */
		public Resource slow(int bytes, long millis) {
			chunkBytes = bytes;
			chunkDelayMillis = millis;
			return this;
		}

		/** After the headers, send nothing for {@code millis}. */
		public Resource stall(long millis) {
			stallMillis = millis;
			return this;
		}

		/** Send {@code tag} as the {@code ETag} of every body from now on (null: none). */
		public Resource etag(String tag) {
			etag = tag;
			return this;
		}

		/** The {@code Range} header of each request ("" if none), in order. */
		public List<String> ranges() {
			return ranges_;
		}

		/** How many requests got a status-200/206 body. */
		public int bodyRequests() {
			return bodyRequests.get();
		}
	}

	private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

	private final HttpServer server;
	private final ExecutorService executor;
	private final Map<String, Resource> resources = new ConcurrentHashMap<>();
	private final Thread watchdog;

	private LoopbackServer() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
		ThreadFactory daemons = r -> {
			Thread t = new Thread(r, "loopback-http");
			t.setDaemon(true);
			return t;
		};
		executor = Executors.newFixedThreadPool(8, daemons);
		server.setExecutor(executor);
		server.createContext("/", this::handle);
		server.start();
		watchdog = daemons.newThread(() -> {
			try {
				Thread.sleep(120_000);
				close();
			}
			catch (InterruptedException e) {
				// closed normally
			}
		});
		watchdog.start();
	}

	/** Starts a server on an ephemeral loopback port. */
	public static LoopbackServer start() throws IOException {
		return new LoopbackServer();
	}

	/** Serves {@code body} at {@code path}. */
	public Resource serve(String path, byte[] body) {
		Resource r = new Resource();
		r.body = body;
		resources.put(path, r);
		return r;
	}

	/** Answers requests for {@code path} with a 302 to {@code target}. */
	public Resource redirect(String path, String target) {
		Resource r = new Resource();
		r.redirectTo = target;
		resources.put(path, r);
		return r;
	}

	/** The http://127.0.0.1:port URL of {@code path}. */
	public URI url(String path) {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
	}

	private void handle(HttpExchange ex) throws IOException {
		try (ex) {
			Resource r = resources.get(ex.getRequestURI().getPath());
			String range = ex.getRequestHeaders().getFirst("Range");
			if (r == null) {
				ex.sendResponseHeaders(404, -1);
				return;
			}
			r.ranges_.add(range == null ? "" : range);
			if (r.redirectTo != null) {
				ex.getResponseHeaders().add("Location", r.redirectTo);
				ex.sendResponseHeaders(302, -1);
				return;
			}
			if (r.statusTimes.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
				ex.sendResponseHeaders(r.status, -1);
				return;
			}
			byte[] body = r.body;
			long from = 0;
			long to = body.length;
			int code = 200;
			Matcher m = range == null ? null : RANGE.matcher(range);
			if (r.ranges && m != null && m.matches()) {
				from = Long.parseLong(m.group(1));
				if (!m.group(2).isEmpty()) to = Math.min(body.length, Long.parseLong(m.group(2)) + 1);
				if (from >= body.length) {
					ex.getResponseHeaders().add("Content-Range", "bytes */" + body.length);
					ex.sendResponseHeaders(416, -1);
					return;
				}
				code = 206;
				ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (to - 1) + "/" + body.length);
			}
			if (r.ranges) ex.getResponseHeaders().add("Accept-Ranges", "bytes");
			if (r.etag != null) ex.getResponseHeaders().add("ETag", r.etag);
			r.bodyRequests.incrementAndGet();
			ex.sendResponseHeaders(code, to - from);
			// Only responses longer than the drop point count against dropTimes.
			boolean drop = to - from > r.dropAfter && r.dropTimes.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
			long limit = drop ? r.dropAfter : Long.MAX_VALUE;
			OutputStream out = ex.getResponseBody();
			if (r.stallMillis > 0) {
				out.flush();
				Thread.sleep(r.stallMillis);
			}
			long sent = 0;
			for (long pos = from; pos < to;) {
				int n = (int) Math.min(r.chunkBytes, to - pos);
				if (sent + n > limit) n = (int) (limit - sent);
				if (n <= 0) {
					// Drop the connection mid-body: the client sees fewer bytes than Content-Length.
					out.flush();
					throw new IOException("dropping connection on purpose");
				}
				out.write(body, (int) pos, n);
				out.flush();
				pos += n;
				sent += n;
				if (r.chunkDelayMillis > 0) Thread.sleep(r.chunkDelayMillis);
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		if (Thread.currentThread() != watchdog) watchdog.interrupt();
		server.stop(0);
		executor.shutdownNow();
		try {
			executor.awaitTermination(2, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
