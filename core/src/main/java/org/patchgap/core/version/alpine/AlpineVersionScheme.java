package org.patchgap.core.version.alpine;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.VersionScheme;

/**
 * Alpine package versions, validated and ordered as apk-tools' {@code version.c} does (docs/ecosystems/alpine.md).
 * Alpine, Wolfi and Chainguard packages all use it.
 *
 * <p>Grammar: {@code digits{.digits}...[letter]{_suffix[digits]}...[~hash][-rN]} where a letter is one of
 * {@code a-z}, a suffix is {@code alpha beta pre rc} (below a release) or {@code cvs svn git hg p} (above it), a
 * hash is lowercase hex. Anything else is rejected, as {@code apk version --check} rejects it.
 *
 * <p>Order: tokens compare in turn. The first number compares by value; a later dotted number compares by value
 * unless either side has a leading zero, then as text ({@code 1.02 < 1.1}, Gentoo's rule). When one version has
 * a token where the other has a different kind of token or has ended, a pre-release suffix loses, and otherwise
 * the token kind decides in the order dotted number &gt; letter &gt; suffix &gt; hash &gt; revision &gt; end:
 * {@code 1.0_rc1 < 1.0 < 1.0-r1 < 1.0_p1 < 1.0a < 1.0.1}.
 */
public final class AlpineVersionScheme implements VersionScheme {

    public static final AlpineVersionScheme INSTANCE = new AlpineVersionScheme();

    private static final List<String> SUFFIXES =
            List.of("alpha", "beta", "pre", "rc", "", "cvs", "svn", "git", "hg", "p");
    /** Index of the empty entry: suffixes before it are pre-releases. */
    private static final int SUFFIX_NONE = 4;

    private AlpineVersionScheme() {}

    @Override
    public String name() {
        return "Alpine";
    }

    /** Token kinds in apk's order; the order itself decides when two versions differ in kind. */
    enum Kind { INITIAL_DIGIT, DIGIT, LETTER, SUFFIX, SUFFIX_NO, COMMIT_HASH, REVISION_NO, END }

    /** One token: its text (digits, letter, suffix name or hash), with the number for numeric kinds. */
    record Token(Kind kind, String text, BigInteger number, int suffix) {}

    @Override
    public Version parse(String text) throws InvalidVersionException {
        if (text == null || text.isEmpty()) {
            throw new InvalidVersionException(name(), String.valueOf(text), "empty version");
        }
        List<Token> tokens = new ArrayList<>();
        int[] pos = {0};
        tokens.add(digits(text, pos, Kind.INITIAL_DIGIT, "a version must start with a digit"));
        Kind last = Kind.INITIAL_DIGIT;
        while (pos[0] < text.length()) {
            Token t = next(text, pos, last);
            tokens.add(t);
            last = t.kind();
        }
        return new AlpineVersion(text, List.copyOf(tokens));
    }

    private Token next(String text, int[] pos, Kind last) throws InvalidVersionException {
        int i = pos[0];
        char c = text.charAt(i);
        if (c >= 'a' && c <= 'z') {
            if (last.compareTo(Kind.DIGIT) > 0) throw misplaced(text, i, "a letter");
            pos[0] = i + 1;
            return new Token(Kind.LETTER, String.valueOf(c), null, 0);
        }
        if (c == '.' || c >= '0' && c <= '9') {
            if (c == '.') {
                if (last.compareTo(Kind.DIGIT) > 0) throw misplaced(text, i, "'.'");
                pos[0] = ++i;
            }
            Kind kind = switch (last) {
                case INITIAL_DIGIT, DIGIT -> Kind.DIGIT;
                case SUFFIX -> Kind.SUFFIX_NO;
                default -> throw misplaced(text, i, "a number");
            };
            return digits(text, pos, kind, "expected digits at offset " + i);
        }
        if (c == '_') {
            if (last.compareTo(Kind.SUFFIX_NO) > 0) throw misplaced(text, i, "a '_' suffix");
            int start = i + 1;
            int end = start;
            while (end < text.length() && text.charAt(end) >= 'a' && text.charAt(end) <= 'z') end++;
            String name = text.substring(start, end);
            int suffix = name.isEmpty() ? -1 : SUFFIXES.indexOf(name);
            if (suffix < 0) {
                throw new InvalidVersionException(name(), text, "unknown suffix '_" + name
                        + "' (expected _alpha, _beta, _pre, _rc, _cvs, _svn, _git, _hg or _p)");
            }
            pos[0] = end;
            return new Token(Kind.SUFFIX, name, null, suffix);
        }
        if (c == '~') {
            if (last.compareTo(Kind.COMMIT_HASH) >= 0) throw misplaced(text, i, "a '~' commit hash");
            int start = i + 1;
            int end = start;
            while (end < text.length() && isHex(text.charAt(end))) end++;
            if (end == start) {
                throw new InvalidVersionException(name(), text, "'~' must be followed by a lowercase hex hash");
            }
            pos[0] = end;
            return new Token(Kind.COMMIT_HASH, text.substring(start, end), null, 0);
        }
        if (c == '-') {
            if (last.compareTo(Kind.REVISION_NO) >= 0) throw misplaced(text, i, "a second '-r' revision");
            if (!text.startsWith("-r", i)) {
                throw new InvalidVersionException(name(), text, "'-' must start a revision '-rN'");
            }
            pos[0] = i + 2;
            return digits(text, pos, Kind.REVISION_NO, "revision '-r' must be followed by digits");
        }
        throw new InvalidVersionException(name(), text, "unexpected character '" + c + "' at offset " + i);
    }

    private Token digits(String text, int[] pos, Kind kind, String missing) throws InvalidVersionException {
        int start = pos[0];
        int end = start;
        while (end < text.length() && text.charAt(end) >= '0' && text.charAt(end) <= '9') end++;
        if (end == start) {
            throw new InvalidVersionException(name(), text, missing);
        }
        pos[0] = end;
        String digits = text.substring(start, end);
        return new Token(kind, digits, new BigInteger(digits), 0);
    }

    private InvalidVersionException misplaced(String text, int offset, String what) {
        return new InvalidVersionException(name(), text, what + " is not allowed at offset " + offset
                + " (order: digits{.digits}[letter]{_suffix[N]}[~hash][-rN])");
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
    }

    private record AlpineVersion(String text, List<Token> tokens) implements Version {

        @Override
        public VersionScheme scheme() {
            return INSTANCE;
        }

        @Override
        public int compareTo(Version o) {
            Version.requireSameScheme(this, o);
            List<Token> other = ((AlpineVersion) o).tokens;
            int i = 0;
            Kind ka;
            Kind kb;
            while (true) {
                Token a = i < tokens.size() ? tokens.get(i) : null;
                Token b = i < other.size() ? other.get(i) : null;
                ka = a == null ? Kind.END : a.kind();
                kb = b == null ? Kind.END : b.kind();
                if (ka != kb || ka == Kind.END) {
                    if (ka == kb) return 0;
                    // Leading tokens are equal; the one that goes on is newer unless it goes on with a pre-release.
                    if (ka == Kind.SUFFIX && a.suffix() < SUFFIX_NONE) return -1;
                    if (kb == Kind.SUFFIX && b.suffix() < SUFFIX_NONE) return 1;
                    return ka.compareTo(kb) > 0 ? -1 : 1;
                }
                int c = compareToken(a, b);
                if (c != 0) return c;
                i++;
            }
        }

        private static int compareToken(Token a, Token b) {
            switch (a.kind()) {
                case DIGIT:
                    if (a.text().charAt(0) == '0' || b.text().charAt(0) == '0') {
                        // A leading zero makes apk compare the digits as text (Gentoo's rule for 1.02 vs 1.1).
                        return Integer.signum(a.text().compareTo(b.text()));
                    }
                    return a.number().compareTo(b.number());
                case INITIAL_DIGIT:
                case SUFFIX_NO:
                case REVISION_NO:
                    return a.number().compareTo(b.number());
                case SUFFIX:
                    return Integer.compare(a.suffix(), b.suffix());
                default:
                    // Letters and commit hashes compare as bytes.
                    return Integer.signum(a.text().compareTo(b.text()));
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof AlpineVersion v && compareTo(v) == 0;
        }

        @Override
        public int hashCode() {
            int h = 1;
            for (Token t : tokens) {
                boolean byValue = t.kind() == Kind.INITIAL_DIGIT || t.kind() == Kind.SUFFIX_NO
                        || t.kind() == Kind.REVISION_NO;
                h = 31 * h + t.kind().hashCode();
                h = 31 * h + (byValue ? t.number().hashCode() : t.text().hashCode());
            }
            return h;
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
