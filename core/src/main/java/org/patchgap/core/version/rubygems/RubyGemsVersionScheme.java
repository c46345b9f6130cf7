package org.patchgap.core.version.rubygems;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.VersionScheme;

/**
 * RubyGems versions, parsed and ordered as {@code Gem::Version} (RubyGems 3.x) does (docs/ecosystems/rubygems.md).
 *
 * <p>Valid text is what {@code Gem::Version.correct?} accepts: digits, then {@code .} followed by letters or
 * digits any number of times, then optionally {@code -} and dot-separated {@code [0-9A-Za-z-]} runs; white space
 * around it is ignored. A {@code -} reads as {@code .pre.} ({@code 1.0-1} is {@code 1.0.pre.1}).
 *
 * <p>Order: the text is cut into segments, each a run of digits (a number) or of letters (a word). Trailing
 * zeros are dropped both from the numbers before the first word and from the segments after it (Gem's
 * "canonical segments"), so {@code 1.0.0 = 1} and {@code 1.0.a = 1.a}. Segments then compare in turn, a missing
 * one counting as 0: a word is below a number ({@code 1.0.a < 1.0}), words compare by bytes, numbers by value.
 */
public final class RubyGemsVersionScheme implements VersionScheme {

    public static final RubyGemsVersionScheme INSTANCE = new RubyGemsVersionScheme();

    private static final Pattern VALID =
            Pattern.compile("[0-9]+(?>\\.[0-9a-zA-Z]+)*(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?");
    private static final Pattern SEGMENT = Pattern.compile("[0-9]+|[a-zA-Z]+");

    private RubyGemsVersionScheme() {}

    @Override
    public String name() {
        return "RubyGems";
    }

    @Override
    public Version parse(String text) throws InvalidVersionException {
        if (text == null || rubyStrip(text).isEmpty()) {
            // Gem::Version.new("") means "0"; an empty version in an advisory or inventory is a data error.
            throw new InvalidVersionException(name(), String.valueOf(text), "empty version");
        }
        String version = rubyStrip(text);
        if (!VALID.matcher(version).matches()) {
            throw new InvalidVersionException(name(), text, "malformed version number string (expected digits, "
                    + "then '.' and letters or digits, then an optional '-' pre-release part)");
        }
        List<Object> segments = new ArrayList<>();
        Matcher m = SEGMENT.matcher(version.replace("-", ".pre."));
        while (m.find()) {
            String s = m.group();
            segments.add(Character.isDigit(s.charAt(0)) ? (Object) new BigInteger(s) : s);
        }
        return new GemVersion(text, canonical(segments));
    }

    /** Gem's \s in {@code \A\s*...\s*\z}: space, tab, newline, vertical tab, form feed, carriage return. */
    private static String rubyStrip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isRubySpace(s.charAt(start))) start++;
        while (end > start && isRubySpace(s.charAt(end - 1))) end--;
        return s.substring(start, end);
    }

    private static boolean isRubySpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** Drops trailing zeros from the numeric part before the first word and from the part from it on. */
    private static List<Object> canonical(List<Object> segments) {
        int firstWord = 0;
        while (firstWord < segments.size() && !(segments.get(firstWord) instanceof String)) firstWord++;
        List<Object> out = new ArrayList<>(dropTrailingZeros(segments.subList(0, firstWord)));
        out.addAll(dropTrailingZeros(segments.subList(firstWord, segments.size())));
        return List.copyOf(out);
    }

    private static List<Object> dropTrailingZeros(List<Object> part) {
        int end = part.size();
        while (end > 0 && BigInteger.ZERO.equals(part.get(end - 1))) end--;
        return part.subList(0, end);
    }

    private record GemVersion(String text, List<Object> segments) implements Version {

        @Override
        public VersionScheme scheme() {
            return INSTANCE;
        }

        @Override
        public int compareTo(Version o) {
            Version.requireSameScheme(this, o);
            List<Object> other = ((GemVersion) o).segments;
            for (int i = 0; i < Math.max(segments.size(), other.size()); i++) {
                Object a = i < segments.size() ? segments.get(i) : BigInteger.ZERO;
                Object b = i < other.size() ? other.get(i) : BigInteger.ZERO;
                if (a.equals(b)) continue;
                if (a instanceof String && b instanceof BigInteger) return -1;
                if (a instanceof BigInteger && b instanceof String) return 1;
                if (a instanceof BigInteger x) return x.compareTo((BigInteger) b);
                return Integer.signum(((String) a).compareTo((String) b));
            }
            return 0;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof GemVersion v && compareTo(v) == 0;
        }

        @Override
        public int hashCode() {
            // Equal versions have equal canonical segments (trailing zeros are already gone).
            return segments.hashCode();
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
