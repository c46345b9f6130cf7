package org.patchgap.core.version.npm;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.VersionScheme;

/**
 * A parsed npm version. Build metadata is not kept: it takes no part in the order, so {@code 1.0.0+a} equals
 * {@code 1.0.0+b}, as {@code semver.compare} says.
 */
final class NpmVersion implements Version {

    /**
     * One pre-release identifier. All-digit identifiers compare by {@code value}, the identifier read as a
     * JavaScript number; others by their text.
     */
    record Identifier(String text, boolean numeric, double value) {

        int compareTo(Identifier o) {
            if (numeric && o.numeric) return Double.compare(value, o.value);
            if (numeric) return -1;
            if (o.numeric) return 1;
            return Integer.signum(text.compareTo(o.text));
        }

        @Override
        public boolean equals(@Nullable Object o) {
            return o instanceof Identifier i && compareTo(i) == 0;
        }

        @Override
        public int hashCode() {
            return numeric ? Double.hashCode(value) : text.hashCode();
        }
    }

    private final String text;
    private final long major;
    private final long minor;
    private final long patch;
    private final List<Identifier> prerelease;

    NpmVersion(String text, long major, long minor, long patch, List<Identifier> prerelease) {
        this.text = text;
        this.major = major;
        this.minor = minor;
        this.patch = patch;
        this.prerelease = prerelease;
    }

    @Override
    public String text() {
        return text;
    }

    @Override
    public VersionScheme scheme() {
        return NpmVersionScheme.INSTANCE;
    }

    @Override
    public int compareTo(Version o) {
        Version.requireSameScheme(this, o);
        NpmVersion other = (NpmVersion) o;
        int c = Long.compare(major, other.major);
        if (c == 0) c = Long.compare(minor, other.minor);
        if (c == 0) c = Long.compare(patch, other.patch);
        if (c != 0) return c;
        // SemVer 2.0.0 item 11: a version without pre-release is above any pre-release of it.
        if (prerelease.isEmpty() || other.prerelease.isEmpty()) {
            return Boolean.compare(prerelease.isEmpty(), other.prerelease.isEmpty());
        }
        int n = Math.min(prerelease.size(), other.prerelease.size());
        for (int k = 0; k < n; k++) {
            // node-semver stops (answering "equal") at the first pair of distinct identifiers whose numeric values
            // coincide above 2^53; we go on to the next identifier, which keeps the order total (docs/versions.md).
            c = prerelease.get(k).compareTo(other.prerelease.get(k));
            if (c != 0) return c;
        }
        return Integer.compare(prerelease.size(), other.prerelease.size());
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof NpmVersion v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * Long.hashCode(major) + Long.hashCode(minor)) + Long.hashCode(patch))
                + prerelease.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
