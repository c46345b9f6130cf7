package org.patchgap.core.version.pub;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.VersionScheme;

/**
 * Dart Pub versions, parsed and ordered as the {@code pub_semver} package's {@code Version} does
 * (docs/ecosystems/pub.md).
 *
 * <p>{@code MAJOR.MINOR.PATCH[-PRE][+BUILD]}; unlike strict semver, numbers may have leading zeros. Each
 * dot-separated pre-release or build part that Dart's {@code int.tryParse} reads as a 64-bit integer is a number
 * (so {@code 01} and {@code 1} are the same part), any other part is text.
 *
 * <p>Order: numbers, then a release above its pre-releases, then pre-release parts, and then, unlike semver, the
 * build: no build sorts below any build ({@code 1.0.0 < 1.0.0+1}) and build parts compare like pre-release
 * parts. Parts compare numbers below text, numbers by value, text by UTF-16 code units; fewer parts sort first.
 */
public final class PubVersionScheme implements VersionScheme {

    public static final PubVersionScheme INSTANCE = new PubVersionScheme();

    private static final Pattern VERSION = Pattern.compile(
            "(\\d+)\\.(\\d+)\\.(\\d+)(-([0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*))?(\\+([0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*))?");
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private PubVersionScheme() {}

    @Override
    public String name() {
        return "Pub";
    }

    @Override
    public Version parse(String text) throws InvalidVersionException {
        if (text == null || text.isEmpty()) {
            throw new InvalidVersionException(name(), String.valueOf(text), "empty version");
        }
        Matcher m = VERSION.matcher(text);
        if (!m.matches()) {
            throw new InvalidVersionException(name(), text,
                    "expected MAJOR.MINOR.PATCH with optional -pre-release and +build parts of [0-9A-Za-z-]");
        }
        long[] numbers = new long[3];
        for (int i = 0; i < 3; i++) {
            BigInteger n = new BigInteger(m.group(i + 1));
            if (n.compareTo(LONG_MAX) > 0) {
                // Dart's int.parse throws a FormatException for numbers past 64 bits.
                throw new InvalidVersionException(name(), text, "number " + n + " does not fit in 64 bits");
            }
            numbers[i] = n.longValue();
        }
        return new PubVersion(text, numbers, parts(m.group(5)), parts(m.group(8)));
    }

    private static List<Object> parts(String dotted) {
        if (dotted == null) return List.of();
        List<Object> out = new ArrayList<>();
        for (String part : dotted.split("\\.")) {
            Long n = tryParseInt(part);
            out.add(n != null ? (Object) n : part);
        }
        return List.copyOf(out);
    }

    /** Dart's int.tryParse without a radix: optional sign, then decimal digits or 0x and hex digits, in 64 bits. */
    static Long tryParseInt(String s) {
        int i = 0;
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        boolean hex = s.regionMatches(true, i, "0x", 0, 2);
        int radix = hex ? 16 : 10;
        if (hex) {
            i += 2;
        }
        String digits = s.substring(i);
        if (digits.isEmpty() || !digits.chars().allMatch(c -> Character.digit(c, radix) >= 0 && c < 128)) {
            return null;
        }
        BigInteger n = new BigInteger(digits, radix);
        if (negative) n = n.negate();
        if (radix == 16 && !negative && n.compareTo(LONG_MAX) > 0
                && n.bitLength() <= 64) {
            // Dart reads 0x8000000000000000..0xFFFFFFFFFFFFFFFF as negative 64-bit values.
            return n.longValue();
        }
        if (n.compareTo(LONG_MIN) < 0 || n.compareTo(LONG_MAX) > 0) return null;
        return n.longValue();
    }

    private record PubVersion(String text, long[] numbers, List<Object> pre, List<Object> build) implements Version {

        @Override
        public VersionScheme scheme() {
            return INSTANCE;
        }

        @Override
        public int compareTo(Version o) {
            Version.requireSameScheme(this, o);
            PubVersion other = (PubVersion) o;
            for (int i = 0; i < 3; i++) {
                int c = Long.compare(numbers[i], other.numbers[i]);
                if (c != 0) return c;
            }
            if (pre.isEmpty() != other.pre.isEmpty()) return pre.isEmpty() ? 1 : -1;
            int c = compareParts(pre, other.pre);
            if (c != 0) return c;
            if (build.isEmpty() != other.build.isEmpty()) return build.isEmpty() ? -1 : 1;
            return compareParts(build, other.build);
        }

        private static int compareParts(List<Object> a, List<Object> b) {
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                Object x = i < a.size() ? a.get(i) : null;
                Object y = i < b.size() ? b.get(i) : null;
                if (x != null && x.equals(y)) continue;
                if (x == null) return -1;
                if (y == null) return 1;
                if (x instanceof Long p) return y instanceof Long q ? Long.compare(p, q) : -1;
                if (y instanceof Long) return 1;
                return Integer.signum(((String) x).compareTo((String) y));
            }
            return 0;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PubVersion v && compareTo(v) == 0;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(numbers[0], numbers[1], numbers[2], pre, build);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
