package org.patchgap.formats.support;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** Dates of the advisory documents that treat a missing or malformed date as "not given" rather than as an error. */
public final class Timestamps {

    private Timestamps() {}

    /** An RFC 3339 date-time with offset ({@code 2024-01-10T10:00:00Z}, {@code ...+02:00}), or null. */
    public static @Nullable Instant rfc3339OrNull(@Nullable String text) {
        if (text == null) return null;
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
