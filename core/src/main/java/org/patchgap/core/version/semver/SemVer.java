package org.patchgap.core.version.semver;

import java.math.BigInteger;
import java.util.List;
import org.patchgap.core.version.InvalidVersionException;

/**
 * The parts of a strict Semantic Versioning 2.0.0 version, {@code MAJOR.MINOR.PATCH[-PRE][+BUILD]}, shared by the
 * schemes whose ecosystem follows the specification to the letter (Go, crates.io, Hex, SwiftURL). Each scheme
 * decides what to do with build metadata and any prefix; this class only parses and orders by precedence.
 *
 * <p>Syntax (semver.org, clauses 2, 9 and 10): numbers are digits without leading zeros; pre-release and build
 * identifiers are non-empty runs of {@code [0-9A-Za-z-]}; a numeric pre-release identifier has no leading zeros,
 * a build identifier may have them. Numbers have no size limit here.
 *
 * @param major the major version
 * @param minor the minor version
 * @param patch the patch version
 * @param prerelease pre-release identifiers, empty for a release
 * @param build build metadata identifiers, empty when there are none
 */
public record SemVer(BigInteger major, BigInteger minor, BigInteger patch, List<String> prerelease,
        List<String> build) {

    public SemVer {
        prerelease = List.copyOf(prerelease);
        build = List.copyOf(build);
    }

    /**
     * Parses {@code core} as a strict semantic version.
     *
     * @param scheme the scheme name for the error message
     * @param text the text as the user gave it, for the error message
     * @param core the part of {@code text} to parse (the scheme may have removed a prefix)
     * @throws InvalidVersionException naming what is wrong
     */
    public static SemVer parse(String scheme, String text, String core) throws InvalidVersionException {
        String rest = core;
        List<String> build = List.of();
        int plus = rest.indexOf('+');
        if (plus >= 0) {
            build = identifiers(scheme, text, rest.substring(plus + 1), "build metadata", false);
            rest = rest.substring(0, plus);
        }
        List<String> pre = List.of();
        int dash = rest.indexOf('-');
        if (dash >= 0) {
            pre = identifiers(scheme, text, rest.substring(dash + 1), "pre-release", true);
            rest = rest.substring(0, dash);
        }
        String[] numbers = rest.split("\\.", -1);
        if (numbers.length != 3) {
            throw new InvalidVersionException(scheme, text,
                    "expected MAJOR.MINOR.PATCH but found " + numbers.length + " dot-separated part(s) in '" + rest + "'");
        }
        return new SemVer(number(scheme, text, numbers[0], "major"), number(scheme, text, numbers[1], "minor"),
                number(scheme, text, numbers[2], "patch"), pre, build);
    }

    private static BigInteger number(String scheme, String text, String digits, String what)
            throws InvalidVersionException {
        if (digits.isEmpty() || !isNumeric(digits)) {
            throw new InvalidVersionException(scheme, text, what + " version '" + digits + "' is not a number");
        }
        if (digits.length() > 1 && digits.charAt(0) == '0') {
            throw new InvalidVersionException(scheme, text, what + " version '" + digits + "' has a leading zero");
        }
        return new BigInteger(digits);
    }

    private static List<String> identifiers(String scheme, String text, String dotted, String what,
            boolean rejectLeadingZero) throws InvalidVersionException {
        String[] parts = dotted.split("\\.", -1);
        for (String part : parts) {
            if (part.isEmpty()) {
                throw new InvalidVersionException(scheme, text, "empty " + what + " identifier");
            }
            for (int i = 0; i < part.length(); i++) {
                char c = part.charAt(i);
                if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-')) {
                    throw new InvalidVersionException(scheme, text,
                            what + " identifier '" + part + "' may only hold [0-9A-Za-z-], not '" + c + "'");
                }
            }
            if (rejectLeadingZero && part.length() > 1 && part.charAt(0) == '0' && isNumeric(part)) {
                throw new InvalidVersionException(scheme, text,
                        "numeric " + what + " identifier '" + part + "' has a leading zero");
            }
        }
        return List.of(parts);
    }

    /** Whether {@code s} is made of ASCII digits only (and is not empty). */
    public static boolean isNumeric(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    /** Precedence as semver.org clause 11 defines it: build metadata does not count. */
    public int comparePrecedence(SemVer other) {
        int c = major.compareTo(other.major);
        if (c == 0) c = minor.compareTo(other.minor);
        if (c == 0) c = patch.compareTo(other.patch);
        if (c == 0) c = comparePrerelease(prerelease, other.prerelease);
        return c;
    }

    /** Clause 11.3 and 11.4: a release is above its pre-releases; identifiers compare one by one. */
    static int comparePrerelease(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(a.isEmpty(), b.isEmpty());
        }
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = compareIdentifier(a.get(i), b.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(a.size(), b.size());
    }

    /** Numeric identifiers compare as numbers and below alphanumeric ones, which compare in ASCII order. */
    static int compareIdentifier(String x, String y) {
        boolean xn = isNumeric(x);
        boolean yn = isNumeric(y);
        if (xn && yn) {
            // No leading zeros here, so the longer number is the bigger one.
            int c = Integer.compare(x.length(), y.length());
            return c != 0 ? c : Integer.signum(x.compareTo(y));
        }
        if (xn != yn) return xn ? -1 : 1;
        return Integer.signum(x.compareTo(y));
    }

    /** A hash consistent with {@link #comparePrecedence}: equal precedence, equal hash. */
    public int precedenceHash() {
        return java.util.Objects.hash(major, minor, patch, prerelease);
    }
}
