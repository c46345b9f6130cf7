package org.patchgap.store;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server for source tests: serves files with a strong ETag, honours {@code If-None-Match} and
 * {@code Range}/{@code If-Range}, and plays scripted failures first (an error status, a delay longer than the
 * client's timeout, a body cut short, a body that stops arriving).
 */
final class FixtureServer implements AutoCloseable {

    /** One scripted response; {@code null} body means "the file". */
    record Scripted(int status, long delayMillis, int cutAfter, boolean stall) {
        static Scripted status(int status) { return new Scripted(status, 0, -1, false); }
        static Scripted delay(long millis) { return new Scripted(200, millis, -1, false); }
        static Scripted cutAfter(int bytes) { return new Scripted(200, 0, bytes, false); }
        /** Sends the headers and {@code bytes} of the body, then nothing until {@link #releaseStalls()}. */
        static Scripted stallAfter(int bytes) { return new Scripted(200, 0, bytes, true); }
    }

    /** A request as received; {@code query} is the raw query string, or null. */
    record Seen(String path, Map<String, String> headers, String query) {}

    private record Served(byte[] body, String etag) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Served> files = new HashMap<>();
    private final Map<String, Deque<Scripted>> scripts = new HashMap<>();
    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch stallsReleased = new CountDownLatch(1);
    private final AtomicInteger droppedByClient = new AtomicInteger();

    FixtureServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    synchronized void serve(String path, byte[] body, String etag) {
        files.put(path, new Served(body, "\"" + etag + "\""));
    }

    synchronized void serveResource(String path, String resource, String etag) {
        try (InputStream in = FixtureServer.class.getResourceAsStream("sources/" + resource)) {
            serve(path, in.readAllBytes(), etag);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Responses played, in order, before the file is served normally. */
    synchronized void script(String path, Scripted... responses) {
        scripts.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(responses));
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    URI base() {
        return url("/");
    }

    List<Seen> requests(String path) {
        synchronized (seen) {
            return seen.stream().filter(s -> s.path().equals(path)).toList();
        }
    }

    /** Lets every stalled response go on sending its body. */
    void releaseStalls() {
        stallsReleased.countDown();
    }

    /** Stalled responses whose client had closed the connection by the time they were released. */
    int droppedByClient() {
        return droppedByClient.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
        String query = exchange.getRequestURI().getRawQuery();
        seen.add(new Seen(path, headers, query));
        Scripted next;
        Served file;
        synchronized (this) {
            Deque<Scripted> script = scripts.get(path);
            next = script == null ? null : script.poll();
            // A file served for "path?query" answers that query only; one served for "path" answers any.
            file = query == null ? null : files.get(path + "?" + query);
            if (file == null) {
                file = files.get(path);
            }
        }
        try (exchange) {
            respond(exchange, headers, next, file);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void respond(HttpExchange exchange, Map<String, String> headers, Scripted next, Served file)
            throws IOException, InterruptedException {
        if (next != null && next.delayMillis() > 0) {
            sleep(next.delayMillis());
        }
        if (next != null && next.status() != 200) {
            exchange.sendResponseHeaders(next.status(), -1);
            return;
        }
        if (file == null) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        exchange.getResponseHeaders().add("ETag", file.etag());
        exchange.getResponseHeaders().add("Accept-Ranges", "bytes");
        if (file.etag().equals(headers.get("if-none-match"))) {
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        int from = 0;
        String range = headers.get("range");
        if (range != null && range.startsWith("bytes=") && file.etag().equals(headers.get("if-range"))) {
            from = Integer.parseInt(range.substring(6, range.indexOf('-')));
        }
        byte[] body = file.body();
        int length = body.length - from;
        if (from > 0) {
            exchange.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/"
                    + body.length);
            exchange.sendResponseHeaders(206, length);
        } else {
            exchange.sendResponseHeaders(200, length);
        }
        OutputStream out = exchange.getResponseBody();
        if (next != null && next.stall()) {
            int sent = Math.min(next.cutAfter(), length);
            out.write(body, from, sent);
            out.flush();
            stallsReleased.await();
            // Then the rest, byte by byte: a client that gave up has closed its end, and writing fails.
            try {
                for (int i = sent; i < length; i++) {
                    out.write(body, from + i, 1);
                    out.flush();
                    Thread.sleep(10);
                }
            } catch (IOException e) {
                droppedByClient.incrementAndGet();
            }
            return;
        }
        if (next != null && next.cutAfter() >= 0) {
            out.write(body, from, Math.min(next.cutAfter(), length));
            out.flush();
            // Closing now, short of Content-Length, drops the connection: the client sees the body cut.
            return;
        }
        out.write(body, from, length);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        releaseStalls();
        server.stop(0);
        executor.shutdownNow();
    }
}
