package org.patchgap.core.version.cratesio;

import java.math.BigInteger;
import java.util.List;
import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.VersionScheme;
import org.patchgap.core.version.semver.SemVer;

/**
 * crates.io versions, parsed and ordered as Cargo's {@code semver} crate (1.x) does (docs/ecosystems/crates-io.md).
 *
 * <p>Strict {@code MAJOR.MINOR.PATCH[-PRE][+BUILD]} with no prefix and no spaces; the three numbers fit an
 * unsigned 64-bit integer. The order is the crate's {@code Ord for Version}: precedence first, then build
 * metadata, so {@code 1.0.0+a} and {@code 1.0.0+b} are different versions (no build sorts first; numeric build
 * identifiers compare as numbers, below alphanumeric ones, and on a tie the one with fewer leading zeros sorts
 * first). crates.io itself refuses to publish two versions that differ only in build metadata.
 */
public final class CratesIoVersionScheme implements VersionScheme {

    public static final CratesIoVersionScheme INSTANCE = new CratesIoVersionScheme();

    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private CratesIoVersionScheme() {}

    @Override
    public String name() {
        return "crates.io";
    }

    @Override
    public Version parse(String text) throws InvalidVersionException {
        if (text == null || text.isEmpty()) {
            throw new InvalidVersionException(name(), String.valueOf(text), "empty version");
        }
        SemVer semver = SemVer.parse(name(), text, text);
        for (BigInteger n : List.of(semver.major(), semver.minor(), semver.patch())) {
            if (n.compareTo(U64_MAX) > 0) {
                throw new InvalidVersionException(name(), text, "number " + n + " does not fit in 64 bits");
            }
        }
        return new CratesIoVersion(text, semver);
    }

    private record CratesIoVersion(String text, SemVer semver) implements Version {

        @Override
        public VersionScheme scheme() {
            return INSTANCE;
        }

        @Override
        public int compareTo(Version o) {
            Version.requireSameScheme(this, o);
            SemVer other = ((CratesIoVersion) o).semver;
            int c = semver.comparePrecedence(other);
            return c != 0 ? c : compareBuild(semver.build(), other.build());
        }

        /** The semver crate's {@code Ord for BuildMetadata}. */
        private static int compareBuild(List<String> a, List<String> b) {
            if (a.isEmpty() || b.isEmpty()) {
                return Boolean.compare(b.isEmpty(), a.isEmpty());
            }
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                int c = compareBuildIdentifier(a.get(i), b.get(i));
                if (c != 0) return c;
            }
            return Integer.compare(a.size(), b.size());
        }

        private static int compareBuildIdentifier(String x, String y) {
            boolean xn = SemVer.isNumeric(x);
            boolean yn = SemVer.isNumeric(y);
            if (xn && yn) {
                // 0 < 00 < 1 < 01 < 001 < 2: by value, then by how many leading zeros were written.
                String xv = stripZeros(x);
                String yv = stripZeros(y);
                int c = Integer.compare(xv.length(), yv.length());
                if (c == 0) c = Integer.signum(xv.compareTo(yv));
                return c != 0 ? c : Integer.compare(x.length(), y.length());
            }
            if (xn != yn) return xn ? -1 : 1;
            return Integer.signum(x.compareTo(y));
        }

        private static String stripZeros(String digits) {
            int i = 0;
            while (i < digits.length() && digits.charAt(i) == '0') i++;
            return digits.substring(i);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof CratesIoVersion v && compareTo(v) == 0;
        }

        @Override
        public int hashCode() {
            // Equal only when precedence and build identifiers are identical text.
            return 31 * semver.precedenceHash() + semver.build().hashCode();
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
