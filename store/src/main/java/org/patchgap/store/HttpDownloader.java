package org.patchgap.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Downloads one URL into a file with {@link HttpClient}: conditional requests (an unchanged file is not fetched
 * again), retries with exponential backoff, and resumption of a broken download with an HTTP range request.
 *
 * <p>The body goes to {@code <file>.part}; only a complete body is renamed to {@code <file>}. A partial file is
 * kept with the validator it was fetched under ({@code <file>.part.etag}), so the next attempt asks only for
 * the rest ({@code Range} with {@code If-Range}, RFC 9110 section 13.1.5) and starts over if the file changed.
 * A body that stops arriving fails its attempt after {@link SourceSettings#readTimeout()} without a byte
 * ({@link IdleReadTimeout}), and is retried and resumed the same way.
 */
final class HttpDownloader {

    /** What a download gave. */
    sealed interface Result {}

    /** The server says the copy we have is current (HTTP 304). */
    record NotModified() implements Result {}

    /** A complete new copy. */
    record Downloaded(Path file, long bytes, @Nullable String etag, @Nullable String lastModified) implements Result {}

    private final HttpClient client;
    private final SourceSettings settings;
    private final Sleeper sleeper;

    /** Waits between attempts; replaced in tests that must not sleep. */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    HttpDownloader(SourceSettings settings) {
        this(settings, d -> Thread.sleep(d.toMillis()));
    }

    HttpDownloader(SourceSettings settings, Sleeper sleeper) {
        this.settings = settings;
        this.sleeper = sleeper;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * Fetches {@code url} into {@code target}.
     *
     * @param etag         validator of the copy we have, for {@code If-None-Match}; null to always download
     * @param lastModified {@code Last-Modified} of the copy we have, for {@code If-Modified-Since}
     * @throws IOException when every attempt failed; the message says why the last one did
     */
    Result fetch(String source, URI url, Path target, @Nullable String etag, @Nullable String lastModified,
                 ProgressListener progress) throws IOException {
        return fetch(source, url, target, etag, lastModified, progress, Map.of());
    }

    /**
     * As {@link #fetch(String, URI, Path, String, String, ProgressListener)}, sending {@code headers} with every
     * attempt too (e.g. {@code Accept}, for an API that answers in several formats).
     */
    Result fetch(String source, URI url, Path target, @Nullable String etag, @Nullable String lastModified,
                 ProgressListener progress, Map<String, String> headers) throws IOException {
        IOException last = null;
        Duration wait = settings.backoff();
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            if (attempt > 1) {
                progress.note(source + ": attempt " + attempt + " of " + settings.attempts() + " in "
                        + wait.toMillis() + " ms after: " + last.getMessage());
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting to retry " + url, e);
                }
                wait = wait.multipliedBy(2);
            }
            try {
                return attempt(source, url, target, etag, lastModified, progress, headers);
            } catch (RetryableException e) {
                last = e;
                if (e.retryAfter != null && e.retryAfter.compareTo(wait) > 0) {
                    wait = e.retryAfter;
                }
            } catch (IdleReadTimeout.Stalled e) {
                last = e; // what arrived is kept in the .part file: the next attempt resumes
            } catch (HttpTimeoutException e) {
                last = new IOException("no response from " + url + " within "
                        + settings.requestTimeout().toMillis() + " ms", e);
            } catch (IOException e) {
                if (e instanceof PermanentException) {
                    throw e;
                }
                last = new IOException(describe(e), e); // the final message names the URL once
            }
        }
        throw new IOException(url + ": failed after " + settings.attempts() + " attempts: " + last.getMessage(), last);
    }

    private Result attempt(String source, URI url, Path target, @Nullable String etag, @Nullable String lastModified,
                           ProgressListener progress, Map<String, String> headers) throws IOException {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        Path partEtag = target.resolveSibling(target.getFileName() + ".part.etag");
        long have = 0;
        String partValidator = null;
        if (Files.exists(part) && Files.exists(partEtag)) {
            have = Files.size(part);
            partValidator = Files.readString(partEtag, StandardCharsets.UTF_8).strip();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(settings.requestTimeout())
                .header("User-Agent", "patchgap (advisory database update)")
                .GET();
        headers.forEach(request::header);
        boolean resuming = have > 0 && !partValidator.isEmpty();
        if (resuming) {
            request.header("Range", "bytes=" + have + "-").header("If-Range", partValidator);
        } else {
            if (etag != null) request.header("If-None-Match", etag);
            if (lastModified != null) request.header("If-Modified-Since", lastModified);
        }
        progress.started(source, (resuming ? "resuming at byte " + have + " of " : "downloading ") + url);
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + url, e);
        }
        int status = response.statusCode();
        try (InputStream body = new IdleReadTimeout(response.body(), settings.readTimeout(), url)) {
            if (status == 304) {
                return new NotModified();
            }
            if (status == 416) {
                // The part we kept no longer fits the file: start over on the next attempt.
                Files.deleteIfExists(part);
                Files.deleteIfExists(partEtag);
                throw new RetryableException(url + ": HTTP 416, restarting the download", null);
            }
            if (status >= 500 || status == 429 || status == 408) {
                throw new RetryableException(url + ": HTTP " + status, retryAfter(response));
            }
            if (status != 200 && status != 206) {
                throw new PermanentException(url + ": HTTP " + status + (status == 404 ? " (not found)" : ""), status);
            }
            boolean append = status == 206 && resuming && rangeStartsAt(response, have);
            if (!append) {
                have = 0;
            }
            String newEtag = response.headers().firstValue("ETag").orElse(null);
            Files.createDirectories(target.getParent());
            if (!append) {
                Files.deleteIfExists(partEtag);
                if (newEtag != null && !newEtag.startsWith("W/")) {
                    // Only a strong validator may guard a range request (RFC 9110 section 13.1.5).
                    Files.writeString(partEtag, newEtag, StandardCharsets.UTF_8);
                }
            }
            long total = contentLength(response).orElse(-1L);
            if (append && total >= 0) {
                total += have;
            }
            long received = have;
            try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
                byte[] buffer = new byte[1 << 16];
                int n;
                while ((n = body.read(buffer)) > 0) {
                    out.write(buffer, 0, n);
                    received += n;
                    progress.transferred(source, received, total);
                }
            }
            if (total >= 0 && received != total) {
                throw new IOException("connection closed after " + received + " of " + total + " bytes");
            }
            AtomicFiles.install(part, target, false);
            Files.deleteIfExists(partEtag);
            return new Downloaded(target, received, newEtag,
                    response.headers().firstValue("Last-Modified").orElse(null));
        }
    }

    private static boolean rangeStartsAt(HttpResponse<?> response, long offset) {
        // Content-Range: bytes 100-999/1000
        return response.headers().firstValue("Content-Range")
                .map(v -> v.startsWith("bytes " + offset + "-"))
                .orElse(false);
    }

    private static Optional<Long> contentLength(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Length").flatMap(v -> {
            try {
                return Optional.of(Long.parseLong(v.strip()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static @Nullable Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.min(Long.parseLong(v.strip()), 300)));
            } catch (NumberFormatException e) {
                return Optional.empty(); // an HTTP date: keep our own backoff
            }
        }).orElse(null);
    }

    /** The failure in words: the JDK's connection errors often carry no message, and a class name alone says little. */
    static String describe(IOException e) {
        String message = e.getMessage();
        if (e instanceof java.net.ConnectException) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof java.nio.channels.UnresolvedAddressException
                        || cause instanceof java.net.UnknownHostException) {
                    return "cannot connect: unknown host";
                }
            }
            return "cannot connect" + (message == null ? " (refused or unreachable)" : ": " + message);
        }
        if (e instanceof java.net.UnknownHostException) {
            return "unknown host" + (message == null ? "" : " " + message);
        }
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** A failure worth another try (server error, throttling). */
    private static final class RetryableException extends IOException {
        private final transient @Nullable Duration retryAfter;

        RetryableException(String message, @Nullable Duration retryAfter) {
            super(message);
            this.retryAfter = retryAfter;
        }
    }

    /** A failure another try will not fix (404, 403). */
    static final class PermanentException extends IOException {
        private final int status;

        PermanentException(String message) {
            this(message, 0);
        }

        PermanentException(String message, int status) {
            super(message);
            this.status = status;
        }

        /** The HTTP status that ended the download, or 0 when there was none. */
        int status() {
            return status;
        }
    }
}
