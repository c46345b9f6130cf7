package org.patchgap.core.version;

/**
 * A parsed version of one {@link VersionScheme}. Versions of different schemes are not comparable:
 * {@link #compareTo} throws {@link IllegalArgumentException} rather than guess.
 *
 * <p>Implementations are immutable, and {@code equals}/{@code hashCode} agree with {@code compareTo}
 * (two spellings the ecosystem treats as equal, such as Maven's {@code 1.0} and {@code 1.0.0}, are equal).
 */
public interface Version extends Comparable<Version> {

    /** The text this version was parsed from, exactly as given. */
    String text();

    /** The scheme that parsed this version. */
    VersionScheme scheme();

    /** Throws when {@code other} belongs to another scheme: comparing across schemes is a programming error. */
    static void requireSameScheme(Version self, Version other) {
        if (self.scheme() != other.scheme()) {
            throw new IllegalArgumentException("cannot compare " + self.scheme().name() + " version '" + self.text()
                    + "' with " + other.scheme().name() + " version '" + other.text() + "'");
        }
    }
}
