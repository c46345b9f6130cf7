package org.patchgap.store;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A response body that fails when no byte has arrived for a while.
 *
 * <p>{@code HttpClient} bounds the wait for a response's headers ({@code HttpRequest.timeout}) but not for its
 * body: a server that stops sending half-way would block {@code read} for ever. A watchdog closes the body's
 * stream once it has been idle for the limit; for {@code HttpClient}'s stream that cancels the exchange (the
 * connection is dropped, not pooled) and wakes the blocked read, which then fails with {@link Stalled}.
 */
final class IdleReadTimeout extends FilterInputStream {

    /**
     * One daemon thread for every download; it ends when no body is being watched, so an idle program keeps
     * no thread for it.
     */
    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

    /** No bytes for the limit: the attempt is retried (and resumed) like a broken connection. */
    static final class Stalled extends IOException {
        Stalled(String message) {
            super(message);
        }
    }

    private final long limitNanos;
    private final String message;
    private volatile long lastProgress = System.nanoTime();
    private volatile boolean stalled;
    private boolean closed; // guarded by this
    private @Nullable ScheduledFuture<?> check; // guarded by this

    IdleReadTimeout(InputStream body, Duration limit, URI url) {
        super(body);
        this.limitNanos = limit.toNanos();
        this.message = "no data for " + describe(limit) + " from " + url;
        schedule(limitNanos);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n;
        try {
            n = in.read(b, off, len);
        } catch (IOException e) {
            if (stalled) throw stalledException(e);
            throw e;
        }
        // A read woken by the watchdog's close may also end quietly: the data is incomplete either way.
        if (stalled) throw stalledException(null);
        lastProgress = System.nanoTime();
        return n;
    }

    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (closed) return;
            closed = true;
            if (check != null) check.cancel(false);
        }
        in.close();
    }

    private Stalled stalledException(@Nullable IOException cause) {
        Stalled e = new Stalled(message);
        if (cause != null) e.initCause(cause);
        return e;
    }

    private synchronized void schedule(long delayNanos) {
        if (!closed) check = WATCHDOG.schedule(this::check, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void check() {
        long idle = System.nanoTime() - lastProgress;
        if (idle < limitNanos) {
            schedule(limitNanos - idle);
            return;
        }
        stalled = true;
        try {
            close();
        } catch (IOException | RuntimeException ignored) {
            // the reader fails with Stalled whatever closing said
        }
    }

    private static String describe(Duration limit) {
        return limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
    }

    private static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "patchgap-download-watchdog");
            t.setDaemon(true);
            return t;
        });
        executor.setKeepAliveTime(5, TimeUnit.SECONDS);
        executor.allowCoreThreadTimeOut(true);
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
