package org.patchgap.core.model;

import org.jspecify.annotations.Nullable;

/**
 * One severity statement about a vulnerability: a level, and where it came from a CVSS vector, the vector and
 * its computed base score.
 *
 * @param level  the qualitative level
 * @param score  the CVSS base score, when computed from a vector
 * @param vector the CVSS vector as published, e.g. {@code CVSS:3.1/AV:N/AC:L/...}
 * @param type   where it comes from: {@code CVSS_V2}, {@code CVSS_V3}, {@code CVSS_V4}, or a word source such as
 *               {@code database_specific} or {@code ecosystem_specific}
 */
public record Severity(SeverityLevel level, @Nullable Double score, @Nullable String vector, String type) {

    public static final Severity UNKNOWN = new Severity(SeverityLevel.UNKNOWN, null, null, "none");

    public Severity {
        java.util.Objects.requireNonNull(level, "level");
        java.util.Objects.requireNonNull(type, "type");
    }

    /** Higher level first, then higher score. */
    public static int bySeverity(Severity a, Severity b) {
        int c = a.level.compareTo(b.level);
        if (c != 0) return c;
        return Double.compare(a.score == null ? -1 : a.score, b.score == null ? -1 : b.score);
    }
}
