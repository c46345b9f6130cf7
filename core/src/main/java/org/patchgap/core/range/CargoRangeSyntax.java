package org.patchgap.core.range;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.semver.SemVer;

/**
 * Cargo version requirements as the {@code semver} crate (1.0) parses and matches them ({@code VersionReq}):
 * comma-separated comparators, each an operator ({@code = > >= < <= ~ ^}, none meaning {@code ^}) and a version
 * whose minor and patch may be missing or a wildcard ({@code 1.*}, {@code 1.2.x}); {@code *} alone matches every
 * release. A pre-release only matches when some comparator names a pre-release of the same
 * {@code major.minor.patch}.
 *
 * <p>The requirement ignores build metadata while crates.io's version order compares it, so a comparator is not
 * an order bound here: each one is a {@link Condition} ported from the crate's {@code eval.rs}.
 */
final class CargoRangeSyntax implements RangeSyntax {

    static final CargoRangeSyntax INSTANCE = new CargoRangeSyntax();

    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final int MAX_COMPARATORS = 32;

    private CargoRangeSyntax() {}

    @Override
    public String name() {
        return "Cargo";
    }

    private enum Op { EXACT, WILDCARD, GREATER, GREATER_EQ, LESS, LESS_EQ, TILDE, CARET }

    /** One comparator; {@code minor} and {@code patch} are {@code null} when missing or a wildcard. */
    private record Comparator(Op op, BigInteger major, @Nullable BigInteger minor, @Nullable BigInteger patch,
            List<String> pre, String text) {}

    /** A reader over the requirement text, which remembers where it is for messages. */
    private final class Reader {
        final String text;
        int at;

        Reader(String text) {
            this.text = text;
        }

        boolean startsWith(String s) {
            return text.startsWith(s, at);
        }

        void skipSpaces() {
            while (at < text.length() && text.charAt(at) == ' ') at++;
        }

        boolean end() {
            return at >= text.length();
        }

        boolean wildcard() {
            if (startsWith("*") || startsWith("x") || startsWith("X")) {
                at++;
                return true;
            }
            return false;
        }

        InvalidRangeException error(String expected) {
            String found = end() ? "the end" : "'" + text.charAt(at) + "'";
            return new InvalidRangeException(name(), text, at, expected + ", found " + found);
        }

        BigInteger number(String what) throws InvalidRangeException {
            int start = at;
            while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') at++;
            if (at == start) throw error("expected the " + what + " version number");
            String digits = text.substring(start, at);
            if (digits.length() > 1 && digits.charAt(0) == '0') {
                at = start;
                throw error("expected no leading zero in the " + what + " version number");
            }
            BigInteger n = new BigInteger(digits);
            if (n.compareTo(U64_MAX) > 0) {
                at = start;
                throw error("expected the " + what + " version number to fit in 64 bits");
            }
            return n;
        }

        /** The crate's {@code identifier}: dot-separated [0-9A-Za-z-]+ segments. */
        List<String> identifiers(String what, boolean pre) throws InvalidRangeException {
            List<String> out = new ArrayList<>();
            while (true) {
                int start = at;
                boolean nondigit = false;
                while (at < text.length() && isIdentifierChar(text.charAt(at))) {
                    nondigit |= !Character.isDigit(text.charAt(at));
                    at++;
                }
                if (at == start) throw error("expected a non-empty " + what + " identifier");
                String id = text.substring(start, at);
                if (pre && !nondigit && id.length() > 1 && id.charAt(0) == '0') {
                    at = start;
                    throw error("expected no leading zero in a numeric " + what + " identifier");
                }
                out.add(id);
                if (!startsWith(".")) return out;
                at++;
            }
        }
    }

    private static boolean isIdentifierChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-';
    }

    @Override
    public VersionRange parse(String text) throws InvalidRangeException {
        Reader r = new Reader(text);
        r.skipSpaces();
        int start = r.at;
        if (r.wildcard()) {
            r.skipSpaces();
            if (r.end()) return VersionRange.of(Interval.ALL.with(new PrereleaseRule(List.of())));
            r.at = start;
            throw r.error("expected a wildcard to be the only comparator");
        }
        List<Comparator> comparators = new ArrayList<>();
        while (true) {
            comparators.add(comparator(r));
            if (r.end()) break;
            if (!r.startsWith(",")) throw r.error("expected ',' between comparators");
            r.at++;
            r.skipSpaces();
            if (comparators.size() == MAX_COMPARATORS) throw r.error("expected at most 32 comparators");
        }
        Interval interval = Interval.ALL;
        for (Comparator c : comparators) interval = interval.with(new Match(c));
        return VersionRange.of(interval.with(new PrereleaseRule(comparators)));
    }

    private Comparator comparator(Reader r) throws InvalidRangeException {
        int start = r.at;
        Op op = Op.CARET;
        boolean defaultOp = false;
        if (r.startsWith(">=")) {
            op = Op.GREATER_EQ;
            r.at += 2;
        } else if (r.startsWith("<=")) {
            op = Op.LESS_EQ;
            r.at += 2;
        } else if (r.startsWith("=")) {
            op = Op.EXACT;
            r.at++;
        } else if (r.startsWith(">")) {
            op = Op.GREATER;
            r.at++;
        } else if (r.startsWith("<")) {
            op = Op.LESS;
            r.at++;
        } else if (r.startsWith("~")) {
            op = Op.TILDE;
            r.at++;
        } else if (r.startsWith("^")) {
            op = Op.CARET;
            r.at++;
        } else {
            defaultOp = true;
        }
        r.skipSpaces();
        int versionStart = r.at;
        if (r.wildcard()) {
            r.at = versionStart;
            throw r.error("expected a wildcard only as the whole requirement or in place of minor or patch");
        }
        BigInteger major = r.number("major");
        BigInteger minor = null;
        BigInteger patch = null;
        boolean wildcard = false;
        if (r.startsWith(".")) {
            r.at++;
            if (r.wildcard()) {
                wildcard = true;
                if (defaultOp) op = Op.WILDCARD;
            } else {
                minor = r.number("minor");
            }
        }
        if (r.startsWith(".")) {
            r.at++;
            if (r.wildcard()) {
                if (defaultOp) op = Op.WILDCARD;
            } else if (wildcard) {
                throw r.error("expected a wildcard after a wildcard");
            } else {
                patch = r.number("patch");
            }
        }
        List<String> pre = List.of();
        if (patch != null && r.startsWith("-")) {
            r.at++;
            pre = r.identifiers("pre-release", true);
        }
        if (patch != null && r.startsWith("+")) {
            r.at++;
            r.identifiers("build metadata", false);
        }
        String spelled = r.text.substring(start, r.at);
        r.skipSpaces();
        return new Comparator(op, major, minor, patch, pre, spelled);
    }

    // ---- the semver crate's eval.rs ----

    private static SemVer semver(Version v) {
        try {
            return SemVer.parse("crates.io", v.text(), v.text());
        } catch (InvalidVersionException e) {
            throw new IllegalArgumentException("not a crates.io version: " + v.text(), e);
        }
    }

    /** Pre-release order of the crate: an empty pre-release is above every other. */
    private static int comparePre(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) return Boolean.compare(a.isEmpty(), b.isEmpty());
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            String x = a.get(i);
            String y = b.get(i);
            boolean xn = x.chars().allMatch(Character::isDigit);
            boolean yn = y.chars().allMatch(Character::isDigit);
            int c = xn && yn ? new BigInteger(x).compareTo(new BigInteger(y)) : xn ? -1 : yn ? 1 : x.compareTo(y);
            if (c != 0) return Integer.signum(c);
        }
        return Integer.compare(a.size(), b.size());
    }

    private record Match(Comparator c) implements Condition {
        @Override
        public boolean admits(Version version) {
            SemVer v = semver(version);
            return switch (c.op()) {
                case EXACT, WILDCARD -> exact(v);
                case GREATER -> greater(v);
                case GREATER_EQ -> exact(v) || greater(v);
                case LESS -> less(v);
                case LESS_EQ -> exact(v) || less(v);
                case TILDE -> tilde(v);
                case CARET -> caret(v);
            };
        }

        private boolean exact(SemVer v) {
            if (!v.major().equals(c.major())) return false;
            if (c.minor() != null && !v.minor().equals(c.minor())) return false;
            if (c.patch() != null && !v.patch().equals(c.patch())) return false;
            return comparePre(v.prerelease(), c.pre()) == 0;
        }

        private boolean greater(SemVer v) {
            if (!v.major().equals(c.major())) return v.major().compareTo(c.major()) > 0;
            if (c.minor() == null) return false;
            if (!v.minor().equals(c.minor())) return v.minor().compareTo(c.minor()) > 0;
            if (c.patch() == null) return false;
            if (!v.patch().equals(c.patch())) return v.patch().compareTo(c.patch()) > 0;
            return comparePre(v.prerelease(), c.pre()) > 0;
        }

        private boolean less(SemVer v) {
            if (!v.major().equals(c.major())) return v.major().compareTo(c.major()) < 0;
            if (c.minor() == null) return false;
            if (!v.minor().equals(c.minor())) return v.minor().compareTo(c.minor()) < 0;
            if (c.patch() == null) return false;
            if (!v.patch().equals(c.patch())) return v.patch().compareTo(c.patch()) < 0;
            return comparePre(v.prerelease(), c.pre()) < 0;
        }

        private boolean tilde(SemVer v) {
            if (!v.major().equals(c.major())) return false;
            if (c.minor() != null && !v.minor().equals(c.minor())) return false;
            if (c.patch() != null && !v.patch().equals(c.patch())) return v.patch().compareTo(c.patch()) > 0;
            return comparePre(v.prerelease(), c.pre()) >= 0;
        }

        private boolean caret(SemVer v) {
            if (!v.major().equals(c.major())) return false;
            if (c.minor() == null) return true;
            BigInteger minor = c.minor();
            if (c.patch() == null) {
                return c.major().signum() > 0 ? v.minor().compareTo(minor) >= 0 : v.minor().equals(minor);
            }
            BigInteger patch = c.patch();
            if (c.major().signum() > 0) {
                if (!v.minor().equals(minor)) return v.minor().compareTo(minor) > 0;
                if (!v.patch().equals(patch)) return v.patch().compareTo(patch) > 0;
            } else if (minor.signum() > 0) {
                if (!v.minor().equals(minor)) return false;
                if (!v.patch().equals(patch)) return v.patch().compareTo(patch) > 0;
            } else if (!v.minor().equals(minor) || !v.patch().equals(patch)) {
                return false;
            }
            return comparePre(v.prerelease(), c.pre()) >= 0;
        }

        @Override
        public String toString() {
            return c.text();
        }
    }

    /** A pre-release only matches when some comparator names a pre-release of its major.minor.patch. */
    private record PrereleaseRule(List<Comparator> comparators) implements Condition {
        @Override
        public boolean admits(Version version) {
            SemVer v = semver(version);
            if (v.prerelease().isEmpty()) return true;
            for (Comparator c : comparators) {
                if (c.major().equals(v.major()) && v.minor().equals(c.minor()) && v.patch().equals(c.patch())
                        && !c.pre().isEmpty()) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return "not a pre-release, or one a comparator names";
        }
    }
}
