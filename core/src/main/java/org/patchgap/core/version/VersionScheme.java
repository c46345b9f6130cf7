package org.patchgap.core.version;

/**
 * The version order of one ecosystem (Maven, npm, PyPI, Debian, ...), in exact agreement with the
 * ecosystem's own tool. One small class per ecosystem, registered in {@link VersionSchemes}.
 */
public interface VersionScheme {

    /** A short name for messages, such as {@code "Maven"} or {@code "Debian"}. */
    String name();

    /**
     * Parses {@code text} into a comparable version.
     *
     * @throws InvalidVersionException when the ecosystem does not accept {@code text} as a version
     */
    Version parse(String text) throws InvalidVersionException;

    /**
     * Whether this scheme's order is the ecosystem's own ({@code true}) or a documented best effort for an
     * ecosystem we do not know ({@code false}); findings based on an inexact order are flagged.
     */
    default boolean exact() {
        return true;
    }

    /** Compares two version strings of this scheme. */
    default int compare(String a, String b) throws InvalidVersionException {
        return parse(a).compareTo(parse(b));
    }
}
