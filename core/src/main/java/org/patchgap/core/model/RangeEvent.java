package org.patchgap.core.model;

import java.util.Objects;

/**
 * One event of an OSV range (OSV schema, {@code affected[].ranges[].events[]}).
 *
 * @param kind    which event
 * @param version the version text as published; {@code "0"} for {@code introduced} means "from the start",
 *                {@code "*"} for {@code limit} means "no limit"
 */
public record RangeEvent(Kind kind, String version) {

    public enum Kind { INTRODUCED, FIXED, LAST_AFFECTED, LIMIT }

    public RangeEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(version, "version");
    }

    public static RangeEvent introduced(String v) { return new RangeEvent(Kind.INTRODUCED, v); }
    public static RangeEvent fixed(String v) { return new RangeEvent(Kind.FIXED, v); }
    public static RangeEvent lastAffected(String v) { return new RangeEvent(Kind.LAST_AFFECTED, v); }
    public static RangeEvent limit(String v) { return new RangeEvent(Kind.LIMIT, v); }
}
