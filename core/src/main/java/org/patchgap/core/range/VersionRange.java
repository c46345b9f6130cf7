package org.patchgap.core.range;

import java.util.List;
import java.util.stream.Collectors;
import org.patchgap.core.version.Version;

/**
 * A set of versions: the union of {@link Interval}s, each evaluated with the versions' own scheme. Every range
 * syntax we read parses into this one model; an empty list of intervals contains nothing.
 *
 * {@snippet :
 * VersionRange range = RangeSyntaxes.parse("npm", "^1.2 || ~3.1.0");
 * boolean hit = range.contains(VersionSchemes.forEcosystem("npm").parse("1.4.0")); // true
 * }
 *
 * @param intervals the alternatives; a version in any one of them is in the range
 */
public record VersionRange(List<Interval> intervals) {

    /** Every version. */
    public static final VersionRange ALL = new VersionRange(List.of(Interval.ALL));

    public VersionRange {
        intervals = List.copyOf(intervals);
    }

    /** The range made of {@code intervals}. */
    public static VersionRange of(Interval... intervals) {
        return new VersionRange(List.of(intervals));
    }

    /**
     * Whether {@code version} is in this range.
     *
     * @throws IllegalArgumentException when {@code version} belongs to another scheme than the range's versions
     */
    public boolean contains(Version version) {
        for (Interval interval : intervals) {
            if (interval.contains(version)) return true;
        }
        return false;
    }

    @Override
    public String toString() {
        return intervals.isEmpty() ? "{}" : intervals.stream().map(Interval::toString).collect(Collectors.joining(" | "));
    }
}
