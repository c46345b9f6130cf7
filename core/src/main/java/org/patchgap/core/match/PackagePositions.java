package org.patchgap.core.match;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.patchgap.core.version.Version;

/**
 * Every version that one package's advisories name (range events, limits, listed versions), sorted once, so
 * that a component's version is compared with them once, by binary search, and every range check after that is
 * an integer comparison.
 *
 * <p>A version's <em>position</em> is {@code 2i + 1} when it equals boundary {@code i}, and {@code 2i} when it
 * lies between boundaries {@code i - 1} and {@code i}: ordering positions orders versions, equality included.
 */
final class PackagePositions {

    /** The position every version is at or above: {@code introduced: "0"}. */
    static final int START = -1;

    private final Version[] boundaries;

    private PackagePositions(Version[] boundaries) {
        this.boundaries = boundaries;
    }

    /**
     * Sorts and de-duplicates {@code versions}. Binary insertion, not a library sort: Maven's own order is not
     * transitive for some exotic versions (docs/versions.md) and a library sort may throw on such an order.
     */
    static PackagePositions of(Collection<Version> versions) {
        List<Version> sorted = new ArrayList<>(versions.size());
        for (Version v : versions) {
            int at = search(sorted, v);
            if (at < sorted.size() && sorted.get(at).compareTo(v) == 0) continue;
            sorted.add(at, v);
        }
        return new PackagePositions(sorted.toArray(new Version[0]));
    }

    /** The first index whose version is not below {@code v}. */
    private static int search(List<Version> sorted, Version v) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted.get(mid).compareTo(v) < 0) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** The position of any version of this package's scheme. */
    int position(Version v) {
        int lo = 0;
        int hi = boundaries.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int c = boundaries[mid].compareTo(v);
            if (c < 0) lo = mid + 1;
            else if (c > 0) hi = mid;
            else return 2 * mid + 1;
        }
        return 2 * lo;
    }

    /** The position of a version that is one of the boundaries. */
    int positionOfBoundary(Version v) {
        int p = position(v);
        if ((p & 1) == 0) throw new IllegalArgumentException("not a boundary of this package: " + v);
        return p;
    }

    /** The boundary at an odd position. */
    Version versionAt(int position) {
        return boundaries[position >> 1];
    }
}
