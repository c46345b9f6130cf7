package org.patchgap.core.range;

import org.patchgap.core.version.Version;

/** One end of an {@link Interval}: a version, and whether the version itself belongs to the interval. */
public record Bound(Version version, boolean inclusive) {

    /** {@code >= version} or {@code <= version}. */
    public static Bound inclusive(Version version) {
        return new Bound(version, true);
    }

    /** {@code > version} or {@code < version}. */
    public static Bound exclusive(Version version) {
        return new Bound(version, false);
    }
}
