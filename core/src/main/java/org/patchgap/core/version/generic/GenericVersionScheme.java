package org.patchgap.core.version.generic;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.VersionScheme;

/**
 * The fallback order for ecosystems we have no scheme for (docs/versions.md, "Generic").
 *
 * <p>The text is split into runs of digits and runs of letters; separators ({@code . - _ + ~ :}) only end a
 * run. Runs compare pairwise: numbers numerically, words case-insensitively, a number above a word. When one
 * version runs out first it is lower, unless what follows in the longer one starts with a word, which reads as a
 * pre-release ({@code 1.0 > 1.0rc1}). Findings that rely on this order are flagged as lower confidence.
 */
public final class GenericVersionScheme implements VersionScheme {

    public static final GenericVersionScheme INSTANCE = new GenericVersionScheme();

    private GenericVersionScheme() {}

    @Override
    public String name() {
        return "generic";
    }

    @Override
    public boolean exact() {
        return false;
    }

    @Override
    public Version parse(String text) throws InvalidVersionException {
        if (text == null || text.isBlank()) {
            throw new InvalidVersionException(name(), String.valueOf(text), "empty version");
        }
        List<Object> runs = new ArrayList<>();
        int i = 0;
        String s = text.strip();
        while (i < s.length()) {
            char c = s.charAt(i);
            int start = i;
            if (Character.isDigit(c)) {
                while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
                runs.add(new BigInteger(s.substring(start, i)));
            } else if (Character.isLetter(c)) {
                while (i < s.length() && Character.isLetter(s.charAt(i))) i++;
                runs.add(s.substring(start, i).toLowerCase(java.util.Locale.ROOT));
            } else {
                i++;
            }
        }
        if (runs.isEmpty()) {
            throw new InvalidVersionException(name(), text, "no digits or letters");
        }
        return new GenericVersion(text, List.copyOf(runs));
    }

    private record GenericVersion(String text, List<Object> runs) implements Version {

        @Override
        public VersionScheme scheme() {
            return INSTANCE;
        }

        @Override
        public int compareTo(Version o) {
            Version.requireSameScheme(this, o);
            List<Object> other = ((GenericVersion) o).runs;
            int n = Math.min(runs.size(), other.size());
            for (int k = 0; k < n; k++) {
                int c = compareRun(runs.get(k), other.get(k));
                if (c != 0) return c;
            }
            if (runs.size() == other.size()) return 0;
            if (runs.size() > n) return runs.get(n) instanceof String ? -1 : 1;
            return other.get(n) instanceof String ? 1 : -1;
        }

        private static int compareRun(Object a, Object b) {
            if (a instanceof BigInteger x && b instanceof BigInteger y) return x.compareTo(y);
            if (a instanceof String x && b instanceof String y) return x.compareTo(y);
            return a instanceof BigInteger ? 1 : -1;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof GenericVersion g && compareTo(g) == 0;
        }

        @Override
        public int hashCode() {
            return runs.hashCode();
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
