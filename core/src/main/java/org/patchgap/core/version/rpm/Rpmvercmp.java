package org.patchgap.core.version.rpm;

import java.util.ArrayList;
import java.util.List;

/**
 * rpm's {@code rpmvercmp} order of one version or release string, computed on its segments.
 *
 * <p>A string is read as segments: runs of ASCII digits, runs of ASCII letters, and the single characters
 * {@code ~} and {@code ^}; every other character only separates segments. Two strings compare segment by
 * segment:
 * <ul>
 *   <li>{@code ~} sorts before everything, even the end of the string ({@code 1.0~rc1 < 1.0});</li>
 *   <li>{@code ^} sorts after the end of the string but before any other segment ({@code 1.0 < 1.0^1 < 1.0.1});</li>
 *   <li>a number is newer than letters; numbers compare by value (leading zeros do not count), letters by ASCII;</li>
 *   <li>when one string runs out of segments, the one with segments left is newer.</li>
 * </ul>
 * Separators are not compared at all, so {@code 1.0} and {@code 1_0} are equal, as in rpm.
 */
final class Rpmvercmp {

    private Rpmvercmp() {}

    private enum Kind { TILDE, CARET, NUMBER, ALPHA }

    /** One segment; a number is kept without its leading zeros so that equal values are equal segments. */
    private record Segment(Kind kind, String text) {}

    /** The segments of one string, comparable by rpmvercmp. */
    record Segments(List<Segment> list) implements Comparable<Segments> {

        @Override
        public int compareTo(Segments other) {
            List<Segment> a = list;
            List<Segment> b = other.list;
            int i = 0;
            while (true) {
                Segment x = i < a.size() ? a.get(i) : null;
                Segment y = i < b.size() ? b.get(i) : null;
                boolean xTilde = x != null && x.kind == Kind.TILDE;
                boolean yTilde = y != null && y.kind == Kind.TILDE;
                if (xTilde || yTilde) {
                    if (!xTilde) return 1;
                    if (!yTilde) return -1;
                    i++;
                    continue;
                }
                boolean xCaret = x != null && x.kind == Kind.CARET;
                boolean yCaret = y != null && y.kind == Kind.CARET;
                if (xCaret || yCaret) {
                    // The end of a string (the base version) sorts before a caret; anything else after it.
                    if (x == null) return -1;
                    if (y == null) return 1;
                    if (!xCaret) return 1;
                    if (!yCaret) return -1;
                    i++;
                    continue;
                }
                if (x == null || y == null) {
                    return x == null && y == null ? 0 : x == null ? -1 : 1;
                }
                if (x.kind != y.kind) {
                    return x.kind == Kind.NUMBER ? 1 : -1;
                }
                int c;
                if (x.kind == Kind.NUMBER) {
                    c = Integer.compare(x.text.length(), y.text.length());
                    if (c == 0) c = x.text.compareTo(y.text);
                } else {
                    c = x.text.compareTo(y.text);
                }
                if (c != 0) return Integer.signum(c);
                i++;
            }
        }
    }

    static Segments segments(String s) {
        List<Segment> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '~' || c == '^') {
                out.add(new Segment(c == '~' ? Kind.TILDE : Kind.CARET, String.valueOf(c)));
                i++;
            } else if (isDigit(c)) {
                int start = i;
                while (i < s.length() && isDigit(s.charAt(i))) i++;
                int value = start;
                while (value < i - 1 && s.charAt(value) == '0') value++;
                String digits = s.substring(value, i);
                out.add(new Segment(Kind.NUMBER, digits.equals("0") ? "" : digits));
            } else if (isAlpha(c)) {
                int start = i;
                while (i < s.length() && isAlpha(s.charAt(i))) i++;
                out.add(new Segment(Kind.ALPHA, s.substring(start, i)));
            } else {
                i++;
            }
        }
        return new Segments(List.copyOf(out));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlpha(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
