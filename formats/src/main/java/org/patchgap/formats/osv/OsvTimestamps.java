package org.patchgap.formats.osv;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * Reads OSV timestamps: RFC 3339 as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} reads them.
 *
 * <p>Every record carries two or three timestamps, and the general formatter was a fifth of the time spent
 * reading an OSV dump. Nearly all are written {@code 2021-01-01T00:00:00Z} or with a fraction of a second, so
 * that shape is read by hand; anything else (an offset, lower-case letters, no seconds, an impossible date)
 * goes to the formatter, which therefore still decides every case the fast path does not accept.
 */
final class OsvTimestamps {

    private OsvTimestamps() {}

    /** The instant {@code text} names, or null when it is not an RFC 3339 timestamp with an offset. */
    static @Nullable Instant parse(String text) {
        Instant fast = utc(text);
        if (fast != null) {
            return fast;
        }
        try {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} with ASCII digits and upper-case T and Z; null for any other text,
     * including impossible dates, which the caller then hands to the formatter.
     */
    static @Nullable Instant utc(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            int fractionDigits = length - 21;
            if (text.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
                return null;
            }
            int fraction = digits(text, 20, length - 1);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The non-negative number written by {@code text[from, to)} in ASCII digits, or -1. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
