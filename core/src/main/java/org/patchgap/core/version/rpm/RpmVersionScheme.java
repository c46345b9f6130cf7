package org.patchgap.core.version.rpm;

import java.math.BigInteger;
import java.util.Objects;
import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.VersionScheme;

/**
 * RPM package versions {@code [EPOCH:]VERSION[-RELEASE]}, ordered as rpm's {@code rpmverCmp} /
 * {@code labelCompare} orders them (docs/ecosystems/rpm.md). Red Hat, AlmaLinux, Rocky Linux, SUSE, openSUSE,
 * openEuler, Mageia, Photon OS and Azure Linux all use it.
 *
 * <p>The text splits as rpm splits it: leading digits followed by {@code :} are the epoch (missing means 0), the
 * release follows the last {@code -}. Epochs compare as numbers, then versions and releases with
 * {@link Rpmvercmp}: {@code ~} sorts before anything ({@code 1.0~rc1 < 1.0}), {@code ^} sorts after the base but
 * before the next segment ({@code 1.0 < 1.0^git1 < 1.0.1}). A version without a release sorts before the same
 * version with any release, as rpm 4.18's {@code labelCompare} does.
 *
 * <p>Parsed exactly as rpm's {@code rpmEVRsplit} parses (python3-rpm's {@code rpm.ver} is the oracle of the
 * differential test): any text rpm compares is accepted, including characters rpmbuild would refuse to build
 * with ({@code a:1}, {@code 1.0%{dist}}, {@code 1 2}, {@code 1.0é}: rpm reads such characters as separators).
 * Rejected only what rpm cannot compare either: empty text and an empty version part ({@code -1}, {@code 1:}).
 */
public final class RpmVersionScheme implements VersionScheme {

    public static final RpmVersionScheme INSTANCE = new RpmVersionScheme();

    private RpmVersionScheme() {}

    @Override
    public String name() {
        return "RPM";
    }

    @Override
    public Version parse(String text) throws InvalidVersionException {
        if (text == null || text.isEmpty()) {
            throw new InvalidVersionException(name(), String.valueOf(text), "empty version");
        }
        // As rpm's rpmEVRsplit: the epoch is the leading digits when a ':' follows them directly (none written: 0);
        // anything else before a ':' belongs to the version ("a:1" is version "a:1", ':' a separator there).
        int digits = 0;
        while (digits < text.length() && text.charAt(digits) >= '0' && text.charAt(digits) <= '9') digits++;
        String rest = text;
        BigInteger epoch = BigInteger.ZERO;
        if (digits < text.length() && text.charAt(digits) == ':') {
            if (digits > 0) epoch = new BigInteger(text.substring(0, digits));
            rest = text.substring(digits + 1);
        }
        // The release follows the last '-', and may be empty ("1.0-": rpm keeps an empty release, which sorts
        // after no release and before every other one).
        String release = null;
        int dash = rest.lastIndexOf('-');
        if (dash >= 0) {
            release = rest.substring(dash + 1);
            rest = rest.substring(0, dash);
        }
        if (rest.isEmpty()) {
            // rpm parses "-1" or "1:" but refuses to compare a version without its version part.
            throw new InvalidVersionException(name(), text, "empty version part (rpm cannot compare it)");
        }
        return new RpmVersion(text, epoch, rest, release);
    }

    /** The epoch, version and release of a parsed RPM version, for readers that need them apart. */
    public record Evr(BigInteger epoch, String version, String release) {}

    /** Splits a parsed version into epoch (0 when not written), version and release ({@code null} when absent). */
    public static Evr evr(Version version) {
        if (!(version instanceof RpmVersion v)) {
            throw new IllegalArgumentException("not an RPM version: " + version.text());
        }
        return new Evr(v.epoch, v.version, v.release);
    }

    private static final class RpmVersion implements Version {

        private final String text;
        private final BigInteger epoch;
        private final String version;
        private final String release;
        private final Rpmvercmp.Segments versionSegments;
        private final Rpmvercmp.Segments releaseSegments;

        RpmVersion(String text, BigInteger epoch, String version, String release) {
            this.text = text;
            this.epoch = epoch;
            this.version = version;
            this.release = release;
            this.versionSegments = Rpmvercmp.segments(version);
            this.releaseSegments = release == null ? null : Rpmvercmp.segments(release);
        }

        @Override
        public String text() {
            return text;
        }

        @Override
        public VersionScheme scheme() {
            return INSTANCE;
        }

        @Override
        public int compareTo(Version o) {
            Version.requireSameScheme(this, o);
            RpmVersion other = (RpmVersion) o;
            int c = epoch.compareTo(other.epoch);
            if (c == 0) c = versionSegments.compareTo(other.versionSegments);
            if (c == 0) {
                if (releaseSegments == null || other.releaseSegments == null) {
                    c = Boolean.compare(releaseSegments != null, other.releaseSegments != null);
                } else {
                    c = releaseSegments.compareTo(other.releaseSegments);
                }
            }
            return Integer.signum(c);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof RpmVersion v && compareTo(v) == 0;
        }

        @Override
        public int hashCode() {
            return Objects.hash(epoch, versionSegments, releaseSegments);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
