package org.patchgap.core.version.maven;

import org.apache.maven.artifact.versioning.ComparableVersion;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.VersionScheme;

/**
 * A Maven version: our text and Maven's parsed form. Order and equality are {@code ComparableVersion}'s; the hash
 * is that of its canonical form, which two versions that compare equal share.
 */
final class MavenVersion implements Version {

    private final String text;
    private final ComparableVersion maven;

    MavenVersion(String text, ComparableVersion maven) {
        this.text = text;
        this.maven = maven;
    }

    @Override
    public String text() {
        return text;
    }

    @Override
    public VersionScheme scheme() {
        return MavenVersionScheme.INSTANCE;
    }

    /** Maven's canonical form, such as {@code 1-snapshot} for {@code 1.0-SNAPSHOT}. */
    String canonical() {
        return maven.getCanonical();
    }

    @Override
    public int compareTo(Version o) {
        Version.requireSameScheme(this, o);
        return Integer.signum(maven.compareTo(((MavenVersion) o).maven));
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof MavenVersion v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return maven.getCanonical().hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
