package org.patchgap.core.version.semver;

import java.util.Objects;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.VersionScheme;

/**
 * A version of a scheme whose order is Semantic Versioning 2.0.0 precedence (build metadata does not count):
 * Go, Hex, SwiftURL. The scheme decides what text it accepts and hands over the parsed {@link SemVer}.
 */
public final class SemVerVersion implements Version {

    private final String text;
    private final SemVer semver;
    private final VersionScheme scheme;

    public SemVerVersion(String text, SemVer semver, VersionScheme scheme) {
        this.text = Objects.requireNonNull(text, "text");
        this.semver = Objects.requireNonNull(semver, "semver");
        this.scheme = Objects.requireNonNull(scheme, "scheme");
    }

    @Override
    public String text() {
        return text;
    }

    @Override
    public VersionScheme scheme() {
        return scheme;
    }

    public SemVer semver() {
        return semver;
    }

    @Override
    public int compareTo(Version o) {
        Version.requireSameScheme(this, o);
        return semver.comparePrecedence(((SemVerVersion) o).semver);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SemVerVersion v && v.scheme == scheme && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return semver.precedenceHash();
    }

    @Override
    public String toString() {
        return text;
    }
}
