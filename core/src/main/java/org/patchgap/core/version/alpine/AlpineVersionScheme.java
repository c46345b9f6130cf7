package org.patchgap.core.version.alpine;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.VersionScheme;

/**
 * Alpine package versions, ordered as apk-tools' {@code version.c} orders them (docs/ecosystems/alpine.md).
 * Alpine, Wolfi and Chainguard packages all use it.
 *
 * <p>Grammar apk 3 validates: {@code digits{.digits}...[letter]{_suffix[digits]}...[~hash][-rN]} where a letter
 * is one of {@code a-z}, a suffix is {@code alpha beta pre rc} (below a release) or {@code cvs svn git hg p}
 * (above it), a hash is lowercase hex.
 *
 * <p>apk compares any text, not only what it validates, and so does this scheme; only an empty text or one that
 * does not start with a digit is refused. Two cases go beyond apk 3's grammar:
 * <ul>
 *   <li>Digits after a letter ({@code 5.1p1-r0}, {@code 1.7.4p6-r1}, written by older Alpine releases) are a
 *       number, as apk-tools 2 read them; apk 3 would compare everything after the letter as equal.
 *   <li>Any other unexpected character ends the version in a <em>tail</em>: as in apk, a tail sorts below a
 *       version that ends there ({@code 1.0bc < 1.0b}); unlike apk, which calls all tails equal, two tails compare
 *       as bytes, so {@code 0.9.8za < 0.9.8zb} stays visible to a fix.
 * </ul>
 *
 * <p>Order: tokens compare in turn. The first number compares by value; a later dotted number compares by value
 * unless either side has a leading zero, then as text ({@code 1.02 < 1.1}, Gentoo's rule). When one version has
 * a token where the other has a different kind of token or has ended, a pre-release suffix loses, and otherwise
 * the token kind decides in the order dotted number &gt; letter &gt; suffix &gt; hash &gt; revision &gt; end &gt;
 * tail: {@code 1.0_rc1 < 1.0 < 1.0-r1 < 1.0_p1 < 1.0a < 1.0.1}.
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

    /**
     * Token kinds in apk's order; the order itself decides when two versions differ in kind. {@code TAIL} is
     * apk's {@code TOKEN_INVALID}: the rest of a version from the first character apk does not expect.
     */
    enum Kind { INITIAL_DIGIT, DIGIT, LETTER, SUFFIX, SUFFIX_NO, COMMIT_HASH, REVISION_NO, END, TAIL }

    /** One token: its text (digits, letter, suffix name, hash or tail), with the number for numeric kinds. */
    record Token(Kind kind, String text, BigInteger number, int suffix) {}

    @Override
    public Version parse(String text) throws InvalidVersionException {
        if (text == null || text.isEmpty()) {
            throw new InvalidVersionException(name(), String.valueOf(text), "empty version");
        }
        if (text.charAt(0) < '0' || text.charAt(0) > '9') {
            throw new InvalidVersionException(name(), text, "a version must start with a digit");
        }
        List<Token> tokens = new ArrayList<>();
        int[] pos = {0};
        tokens.add(digits(text, pos, Kind.INITIAL_DIGIT));
        Kind last = Kind.INITIAL_DIGIT;
        while (pos[0] < text.length()) {
            int start = pos[0];
            Token t = next(text, pos, last);
            if (t == null) {
                tokens.add(new Token(Kind.TAIL, text.substring(start), null, 0));
                break;
            }
            tokens.add(t);
            last = t.kind();
        }
        return new AlpineVersion(text, List.copyOf(tokens));
    }

    /** The token at {@code pos[0]}, or null where apk's lexer would find an invalid token. */
    private static Token next(String text, int[] pos, Kind last) {
        int i = pos[0];
        char c = text.charAt(i);
        if (c >= 'a' && c <= 'z') {
            if (last.compareTo(Kind.DIGIT) > 0) return null;
            pos[0] = i + 1;
            return new Token(Kind.LETTER, String.valueOf(c), null, 0);
        }
        if (c == '.' || isDigit(c)) {
            if (c == '.') {
                if (last.compareTo(Kind.DIGIT) > 0) return null;
                if (i + 1 == text.length() || !isDigit(text.charAt(i + 1))) return null;
                pos[0] = i + 1;
            }
            Kind kind = switch (last) {
                // A number after a letter is apk-tools 2's reading (5.1p1); apk 3 no longer has it.
                case INITIAL_DIGIT, DIGIT, LETTER -> Kind.DIGIT;
                case SUFFIX -> Kind.SUFFIX_NO;
                default -> null;
            };
            if (kind == null) return null;
            Token number = digits(text, pos, kind);
            if (last == Kind.LETTER) {
                // apk 2 compared these by value, leading zeros or not: without them the text rule never applies.
                String value = number.number().toString();
                return new Token(Kind.DIGIT, value, number.number(), 0);
            }
            return number;
        }
        if (c == '_') {
            if (last.compareTo(Kind.SUFFIX_NO) > 0) return null;
            int end = i + 1;
            while (end < text.length() && text.charAt(end) >= 'a' && text.charAt(end) <= 'z') end++;
            String name = text.substring(i + 1, end);
            int suffix = name.isEmpty() ? -1 : SUFFIXES.indexOf(name);
            if (suffix < 0) return null;
            pos[0] = end;
            return new Token(Kind.SUFFIX, name, null, suffix);
        }
        if (c == '~') {
            if (last.compareTo(Kind.COMMIT_HASH) >= 0) return null;
            int end = i + 1;
            while (end < text.length() && isHex(text.charAt(end))) end++;
            if (end == i + 1) return null;
            pos[0] = end;
            return new Token(Kind.COMMIT_HASH, text.substring(i + 1, end), null, 0);
        }
        if (c == '-') {
            if (last.compareTo(Kind.REVISION_NO) >= 0 || !text.startsWith("-r", i)
                    || i + 2 == text.length() || !isDigit(text.charAt(i + 2))) {
                return null;
            }
            pos[0] = i + 2;
            return digits(text, pos, Kind.REVISION_NO);
        }
        return null;
    }

    /** The digits at {@code pos[0]}, which the caller has checked start with one. */
    private static Token digits(String text, int[] pos, Kind kind) {
        int start = pos[0];
        int end = start;
        while (end < text.length() && isDigit(text.charAt(end))) end++;
        pos[0] = end;
        String digits = text.substring(start, end);
        return new Token(kind, digits, new BigInteger(digits), 0);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
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
