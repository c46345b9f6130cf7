package org.patchgap.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the database knows about one source: where it came from, when it was last brought up to date, how many
 * records it gave and how many were rejected, and how far it got (its watermark).
 *
 * @param name         {@code osv:PyPI}, {@code kev}, {@code epss}, or {@code import:/abs/path} for a local import
 * @param origin       the URL or local path the data came from
 * @param lastUpdated  when its data in the database was last replaced by a successful update, or null if never
 * @param records      records kept
 * @param rejected     records skipped as invalid during that update
 * @param watermark    how far the data goes: the newest {@code modified} of OSV records, the KEV catalog version,
 *                     the EPSS score date; null when unknown
 * @param etag         HTTP validator of the last download, for a conditional next download; null for local data
 * @param lastModified HTTP {@code Last-Modified} of the last download; null for local data
 * @param lastError    why the most recent attempt failed, or null when it succeeded; the data of the previous
 *                     successful update is kept
 */
public record SourceStatus(
        String name,
        String origin,
        @Nullable Instant lastUpdated,
        int records,
        int problems,
        @Nullable String watermark,
        @Nullable String etag,
        @Nullable String lastModified,
        @Nullable String lastError) {

    public SourceStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(origin, "origin");
    }

    /** Whether the data is older than {@code maxAge} at {@code now}, or was never loaded. */
    public boolean isStale(Duration maxAge, Instant now) {
        return lastUpdated == null || lastUpdated.plus(maxAge).isBefore(now);
    }

    SourceStatus failed(String error) {
        return new SourceStatus(name, origin, lastUpdated, records, problems, watermark, etag, lastModified, error);
    }
}
