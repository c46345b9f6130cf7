package org.patchgap.core.version.packagist;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * PHP's {@code version_compare} on a normalised Composer version.
 *
 * <p>PHP first rewrites the text: {@code - _ +} become {@code .}, a {@code .} is put between a digit and a
 * non-digit, other characters that are not letters or digits become {@code .}, and repeated dots collapse. The
 * parts then compare in turn: numbers by value, two words by their special form, a number against a word as the
 * special form {@code #}. Special forms are found by prefix, in this order: {@code dev} &lt; {@code alpha},
 * {@code a} &lt; {@code beta}, {@code b} &lt; {@code RC}, {@code rc} &lt; {@code #} (a number) &lt;
 * {@code pl}, {@code p}; a word that starts with none of them is below all (-1). When one version has parts
 * left, a number left makes it greater, and a word left compares with {@code #}.
 */
final class PhpVersionCompare {

    private PhpVersionCompare() {}

    private static final String[][] FORMS = {
        {"dev", "0"}, {"alpha", "1"}, {"a", "1"}, {"beta", "2"}, {"b", "2"}, {"RC", "3"}, {"rc", "3"},
        {"#", "4"}, {"pl", "5"}, {"p", "5"},
    };
    private static final int NUMBER_FORM = 4;
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /**
     * The parts of a version as version_compare sees them: a number (as {@link BigInteger}, capped as strtol
     * caps it) or the order of a word's special form (as {@link Integer}).
     */
    record Key(List<Object> parts) implements Comparable<Key> {

        @Override
        public int compareTo(Key other) {
            List<Object> a = parts;
            List<Object> b = other.parts;
            int n = Math.min(a.size(), b.size());
            for (int i = 0; i < n; i++) {
                int c = comparePart(a.get(i), b.get(i));
                if (c != 0) return c;
            }
            if (a.size() > n) return a.get(n) instanceof BigInteger ? 1 : Integer.compare((Integer) a.get(n), NUMBER_FORM);
            if (b.size() > n) return b.get(n) instanceof BigInteger ? -1 : Integer.compare(NUMBER_FORM, (Integer) b.get(n));
            return 0;
        }

        private static int comparePart(Object x, Object y) {
            if (x instanceof BigInteger p && y instanceof BigInteger q) return p.compareTo(q);
            int fx = x instanceof Integer f ? f : NUMBER_FORM;
            int fy = y instanceof Integer f ? f : NUMBER_FORM;
            return Integer.compare(fx, fy);
        }
    }

    static Key key(String version) {
        List<Object> parts = new ArrayList<>();
        for (String part : canonicalize(version).split("\\.")) {
            if (part.isEmpty()) continue;
            // ASCII digits only, as canonicalize splits on them: PHP's isdigit knows no other (found by fuzzing:
            // a part led by an Arabic-Indic digit reached BigInteger and threw).
            if (isDigit(part.charAt(0))) {
                BigInteger n = new BigInteger(part);
                parts.add(n.compareTo(LONG_MAX) > 0 ? LONG_MAX : n);
            } else {
                parts.add(form(part));
            }
        }
        return new Key(List.copyOf(parts));
    }

    private static int form(String word) {
        for (String[] f : FORMS) {
            if (word.startsWith(f[0])) return Integer.parseInt(f[1]);
        }
        return -1;
    }

    /** php_canonicalize_version. */
    static String canonicalize(String v) {
        if (v.isEmpty()) return v;
        StringBuilder out = new StringBuilder();
        char prev = v.charAt(0);
        out.append(prev);
        for (int i = 1; i < v.length(); i++) {
            char c = v.charAt(i);
            char last = out.charAt(out.length() - 1);
            if (c == '-' || c == '_' || c == '+') {
                if (last != '.') out.append('.');
            } else if (isNonDigit(prev) && isDigit(c) || isDigit(prev) && isNonDigit(c)) {
                if (last != '.') out.append('.');
                out.append(c);
            } else if (!Character.isLetterOrDigit(c) || c > 127) {
                if (last != '.') out.append('.');
            } else {
                out.append(c);
            }
            prev = c;
        }
        return out.toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNonDigit(char c) {
        return !isDigit(c) && c != '.';
    }
}
