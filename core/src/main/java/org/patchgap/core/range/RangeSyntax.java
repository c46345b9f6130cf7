package org.patchgap.core.range;

/** One range notation (npm ranges, PEP 440 specifiers, Maven ranges, ...): parses a text into a {@link VersionRange}. */
public interface RangeSyntax {

    /** A short name for messages, such as {@code "npm"} or {@code "PEP 440"}. */
    String name();

    /**
     * Parses {@code text}.
     *
     * @throws InvalidRangeException when the notation does not accept {@code text}, naming the column and what
     *     was expected there
     */
    VersionRange parse(String text) throws InvalidRangeException;
}
