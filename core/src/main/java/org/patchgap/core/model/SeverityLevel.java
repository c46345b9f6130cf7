package org.patchgap.core.model;

import java.util.Locale;
import java.util.Optional;

/** Qualitative severity, ordered from least to most severe; {@link #UNKNOWN} sorts lowest. */
public enum SeverityLevel {
    UNKNOWN, NONE, LOW, MEDIUM, HIGH, CRITICAL;

    /** CVSS v3/v4 qualitative rating of a base score (FIRST CVSS v3.1 specification, section 5). */
    public static SeverityLevel ofCvssScore(double score) {
        if (score == 0.0) return NONE;
        if (score < 4.0) return LOW;
        if (score < 7.0) return MEDIUM;
        if (score < 9.0) return HIGH;
        return CRITICAL;
    }

    /**
     * Reads the words advisories use: {@code LOW}, {@code MODERATE} (GitHub), {@code MEDIUM},
     * {@code IMPORTANT} (Red Hat), {@code HIGH}, {@code CRITICAL}, {@code NONE}; case is ignored.
     */
    public static Optional<SeverityLevel> fromWord(String word) {
        if (word == null) return Optional.empty();
        return switch (word.strip().toUpperCase(Locale.ROOT)) {
            case "NONE" -> Optional.of(NONE);
            case "LOW", "MINOR", "NEGLIGIBLE" -> Optional.of(LOW);
            case "MEDIUM", "MODERATE" -> Optional.of(MEDIUM);
            case "HIGH", "IMPORTANT" -> Optional.of(HIGH);
            case "CRITICAL" -> Optional.of(CRITICAL);
            default -> Optional.empty();
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
