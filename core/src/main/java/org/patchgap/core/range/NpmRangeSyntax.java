package org.patchgap.core.range;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.npm.NpmVersionScheme;

/**
 * npm ranges exactly as node-semver 7 reads them without options ({@code semver.satisfies(v, range)}): {@code ||}
 * alternatives of space-separated comparator sets; caret {@code ^1.2}, tilde {@code ~1.2.3} / {@code ~>1.2},
 * x-ranges {@code 1.x}, {@code 1.2.*}, {@code *}, partial versions, hyphen ranges {@code 1.2 - 2.3.4} and the
 * plain operators {@code < <= > >= =}.
 *
 * <p>node-semver desugars a range by rewriting its text with regular expressions, and the rewriting has quirks a
 * grammar would not (a space between an operator and its version is dropped, build metadata is deleted anywhere,
 * {@code >1.x} means {@code >=2.0.0}). To agree with it on every input we apply the same rewrites, in the same
 * order, with the same patterns; JavaScript's {@code \s} and {@code trim} are matched by {@link #WS}.
 *
 * <p>The pre-release rule: a version with a pre-release tag only satisfies a comparator set when some comparator of
 * the set names a pre-release of the same {@code [major, minor, patch]}, so {@code >=1.2.3-alpha.3} admits
 * {@code 1.2.3-alpha.7} but not {@code 3.4.5-alpha.9}. It is kept as a {@link Condition} on each interval.
 */
final class NpmRangeSyntax implements RangeSyntax {

    static final NpmRangeSyntax INSTANCE = new NpmRangeSyntax();

    /** JavaScript's {@code \s}: Java's plus the Unicode spaces and the byte-order mark. */
    private static final String WS = "[\\s\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]";

    // node-semver's internal/re.js in its "safe" form, which bounds each repetition (\s* becomes \s{0,1}).
    private static final String NUM = "0|[1-9]\\d{0,256}";
    private static final String NUM_LOOSE = "\\d{1,256}";
    private static final String NON_NUM = "\\d{0,256}[a-zA-Z-][a-zA-Z0-9-]{0,250}";
    private static final String PRE_ID = "(?:" + NON_NUM + "|" + NUM + ")";
    private static final String PRE_ID_LOOSE = "(?:" + NON_NUM + "|" + NUM_LOOSE + ")";
    private static final String PRERELEASE = "(?:-(" + PRE_ID + "(?:\\." + PRE_ID + ")*))";
    private static final String PRERELEASE_LOOSE = "(?:-?(" + PRE_ID_LOOSE + "(?:\\." + PRE_ID_LOOSE + ")*))";
    private static final String BUILD_ID = "[a-zA-Z0-9-]{1,250}";
    private static final String BUILD = "(?:\\+(" + BUILD_ID + "(?:\\." + BUILD_ID + ")*))";
    private static final String BUILD_UNSAFE = "(?:\\+([a-zA-Z0-9-]+(?:\\.[a-zA-Z0-9-]+)*))";
    private static final String FULLPLAIN = "v?(" + NUM + ")\\.(" + NUM + ")\\.(" + NUM + ")" + PRERELEASE + "?" + BUILD
            + "?";
    private static final String LOOSEPLAIN = "[v=" + WS + "]*(" + NUM_LOOSE + ")\\.(" + NUM_LOOSE + ")\\.(" + NUM_LOOSE
            + ")" + PRERELEASE_LOOSE + "?" + BUILD + "?";
    private static final String GTLT = "((?:<|>)?=?)";
    private static final String XID = NUM + "|x|X|\\*";
    private static final String XRANGEPLAIN = "[v=" + WS + "]*(" + XID + ")(?:\\.(" + XID + ")(?:\\.(" + XID + ")(?:"
            + PRERELEASE + ")?" + BUILD + "?)?)?";

    private static final Pattern BUILD_STRIP_ALL = Pattern.compile(BUILD_UNSAFE);
    private static final Pattern BUILD_STRIP = Pattern.compile(BUILD);
    private static final Pattern HYPHEN = Pattern.compile(
            "^" + WS + "?(" + XRANGEPLAIN + ")" + WS + "-" + WS + "(" + XRANGEPLAIN + ")" + WS + "?$");
    private static final Pattern COMPARATOR_TRIM = Pattern.compile(
            "(" + WS + "?)" + GTLT + WS + "?(" + LOOSEPLAIN + "|" + XRANGEPLAIN + ")");
    private static final Pattern TILDE_TRIM = Pattern.compile("(" + WS + "?)(?:~>?)" + WS);
    private static final Pattern CARET_TRIM = Pattern.compile("(" + WS + "?)(?:\\^)" + WS);
    private static final Pattern CARET = Pattern.compile("^(?:\\^)" + XRANGEPLAIN + "$");
    private static final Pattern TILDE = Pattern.compile("^(?:~>?)" + XRANGEPLAIN + "$");
    private static final Pattern XRANGE = Pattern.compile("^" + GTLT + WS + "?" + XRANGEPLAIN + "$");
    private static final Pattern STAR = Pattern.compile("(<|>)?=?" + WS + "?\\*");
    private static final Pattern GTE0 = Pattern.compile("^" + WS + "?>=" + WS + "?0\\.0\\.0" + WS + "?$");
    private static final Pattern COMPARATOR = Pattern.compile("^" + GTLT + WS + "?(" + FULLPLAIN + ")$|^$");
    private static final Pattern SPACES = Pattern.compile(WS + "+");
    private static final Pattern TRIPLE = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+)(-)?.*");

    private NpmRangeSyntax() {}

    @Override
    public String name() {
        return "npm";
    }

    /** One comparator after desugaring: {@code operator} is one of "", "<", "<=", ">", ">=". */
    private record Comparator(String operator, @Nullable Version version, String value) {}

    @Override
    public VersionRange parse(String text) throws InvalidRangeException {
        String raw = SPACES.matcher(jsTrim(text)).replaceAll(" ");
        List<List<Comparator>> sets = new ArrayList<>();
        int from = 0;
        for (String alternative : raw.split("\\|\\|", -1)) {
            List<Comparator> set = parseSet(text, jsTrim(alternative), from);
            if (!set.isEmpty()) sets.add(set);
            from += alternative.length() + 2;
        }
        if (sets.isEmpty()) {
            throw new InvalidRangeException(name(), text, 0, "expected at least one comparator set");
        }
        if (sets.size() > 1) {
            List<List<Comparator>> notNull = sets.stream().filter(s -> !isNullSet(s.get(0))).toList();
            sets = notNull.isEmpty() ? List.of(sets.get(0)) : notNull;
            for (List<Comparator> s : sets) {
                // node-semver: an alternative that is just '*' replaces the whole range (pre-release rule included).
                if (s.size() == 1 && s.get(0).version() == null) {
                    sets = List.of(s);
                    break;
                }
            }
        }
        List<Interval> intervals = new ArrayList<>();
        for (List<Comparator> set : sets) intervals.add(interval(set));
        return new VersionRange(intervals);
    }

    private static boolean isNullSet(Comparator c) {
        return c.value().equals("<0.0.0-0");
    }

    private List<Comparator> parseSet(String text, String range, int offset) throws InvalidRangeException {
        range = BUILD_STRIP_ALL.matcher(range).replaceAll("");
        range = replaceFirstWith(HYPHEN, range, NpmRangeSyntax::hyphen);
        range = COMPARATOR_TRIM.matcher(range).replaceAll("$1$2$3");
        range = TILDE_TRIM.matcher(range).replaceAll("$1~");
        range = CARET_TRIM.matcher(range).replaceAll("$1^");
        List<String> parts = new ArrayList<>();
        for (String comp : range.split(" ", -1)) parts.add(desugar(comp));
        List<Comparator> comparators = new ArrayList<>();
        for (String comp : SPACES.split(String.join(" ", parts), -1)) {
            comparators.add(comparator(text, GTE0.matcher(jsTrim(comp)).replaceFirst(""), offset));
        }
        // Every comparator is built (and may be rejected) before a null set short-cuts, as in node-semver.
        Map<String, Comparator> byValue = new LinkedHashMap<>();
        for (Comparator c : comparators) {
            if (isNullSet(c)) return List.of(c);
            byValue.put(c.value(), c);
        }
        if (byValue.size() > 1) byValue.remove("");
        return List.copyOf(byValue.values());
    }

    private Comparator comparator(String text, String comp, int offset) throws InvalidRangeException {
        comp = String.join(" ", SPACES.split(jsTrim(comp), -1));
        Matcher m = COMPARATOR.matcher(comp);
        int at = Math.max(offset, text.indexOf(comp, Math.min(offset, text.length())));
        if (!m.matches()) {
            throw new InvalidRangeException(name(), text, Math.min(at, Math.max(0, text.length() - 1)),
                    "expected a comparator such as '>=1.2.3', '^1.2', '~1.2.3', '1.x' or '1.2.3 - 2.3.4', found '"
                            + comp + "'");
        }
        String operator = m.group(1) == null || m.group(1).equals("=") ? "" : m.group(1);
        if (m.group(2) == null) return new Comparator("", null, "");
        try {
            Version v = NpmVersionScheme.INSTANCE.parse(m.group(2));
            return new Comparator(operator, v, operator + canonical(m));
        } catch (InvalidVersionException e) {
            throw new InvalidRangeException(name(), text, Math.min(at, Math.max(0, text.length() - 1)),
                    "expected a valid version in '" + comp + "': " + e.getMessage());
        }
    }

    /** node-semver's {@code SemVer.version}: the version without 'v' and build, used to de-duplicate comparators. */
    private static String canonical(Matcher m) {
        String core = m.group(3) + "." + m.group(4) + "." + m.group(5);
        return m.group(6) == null ? core : core + "-" + m.group(6);
    }

    private static Interval interval(List<Comparator> set) {
        Interval interval = Interval.ALL;
        List<long[]> prereleaseTriples = new ArrayList<>();
        for (Comparator c : set) {
            Version v = c.version();
            if (v == null) continue;
            long[] triple = triple(v);
            if (triple[3] == 1) prereleaseTriples.add(triple);
            interval = switch (c.operator()) {
                case "" -> interval.withLower(Bound.inclusive(v)).withUpper(Bound.inclusive(v));
                case ">" -> interval.withLower(Bound.exclusive(v));
                case ">=" -> interval.withLower(Bound.inclusive(v));
                case "<" -> interval.withUpper(Bound.exclusive(v));
                case "<=" -> interval.withUpper(Bound.inclusive(v));
                default -> throw new IllegalStateException("operator " + c.operator());
            };
        }
        return interval.with(new PrereleaseRule(List.copyOf(prereleaseTriples)));
    }

    /** {@code [major, minor, patch, 1 if it has a pre-release else 0]} of a version npm's scheme accepted. */
    static long[] triple(Version v) {
        Matcher m = TRIPLE.matcher(jsTrim(v.text()));
        if (!m.matches()) throw new IllegalArgumentException("not an npm version: " + v.text());
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                m.group(4) == null ? 0 : 1};
    }

    /** node-semver's {@code testSet} pre-release clause. */
    private record PrereleaseRule(List<long[]> allowed) implements Condition {

        @Override
        public boolean admits(Version version) {
            long[] t = triple(version);
            if (t[3] == 0) return true;
            for (long[] a : allowed) {
                if (a[0] == t[0] && a[1] == t[1] && a[2] == t[2]) return true;
            }
            return false;
        }

        @Override
        public String toString() {
            if (allowed.isEmpty()) return "not a pre-release";
            StringBuilder b = new StringBuilder("not a pre-release, or a pre-release of");
            for (long[] a : allowed) b.append(' ').append(a[0]).append('.').append(a[1]).append('.').append(a[2]);
            return b.toString();
        }
    }

    // ---- node-semver's rewrites (classes/range.js), one method each ----

    private static String desugar(String comp) {
        comp = BUILD_STRIP.matcher(comp).replaceFirst("");
        comp = eachWord(jsTrim(comp), c -> replaceFirstWith(CARET, c, NpmRangeSyntax::caret));
        comp = eachWord(jsTrim(comp), c -> replaceFirstWith(TILDE, c, NpmRangeSyntax::tilde));
        comp = eachWord(comp, c -> {
            String t = jsTrim(c);
            return replaceFirstWith(XRANGE, t, m -> xrange(t, m));
        });
        return STAR.matcher(jsTrim(comp)).replaceFirst("");
    }

    private static String eachWord(String comp, java.util.function.UnaryOperator<String> f) {
        List<String> out = new ArrayList<>();
        for (String c : SPACES.split(comp, -1)) out.add(f.apply(c));
        return String.join(" ", out);
    }

    private static String replaceFirstWith(Pattern p, String s, java.util.function.Function<Matcher, String> f) {
        Matcher m = p.matcher(s);
        if (!m.find()) return s;
        return s.substring(0, m.start()) + f.apply(m) + s.substring(m.end());
    }

    private static boolean isX(@Nullable String id) {
        return id == null || id.equalsIgnoreCase("x") || id.equals("*");
    }

    private static String caret(Matcher r) {
        String major = r.group(1), minor = r.group(2), patch = r.group(3), pr = r.group(4);
        if (isX(major)) return "";
        if (isX(minor)) return ">=" + major + ".0.0 <" + inc(major) + ".0.0-0";
        if (isX(patch)) {
            return major.equals("0") ? ">=" + major + "." + minor + ".0 <" + major + "." + inc(minor) + ".0-0"
                    : ">=" + major + "." + minor + ".0 <" + inc(major) + ".0.0-0";
        }
        String low = ">=" + major + "." + minor + "." + patch + (pr != null ? "-" + pr : "");
        if (major.equals("0")) {
            return minor.equals("0") ? low + " <" + major + "." + minor + "." + inc(patch) + "-0"
                    : low + " <" + major + "." + inc(minor) + ".0-0";
        }
        return low + " <" + inc(major) + ".0.0-0";
    }

    private static String tilde(Matcher r) {
        String major = r.group(1), minor = r.group(2), patch = r.group(3), pr = r.group(4);
        if (isX(major)) return "";
        if (isX(minor)) return ">=" + major + ".0.0 <" + inc(major) + ".0.0-0";
        if (isX(patch)) return ">=" + major + "." + minor + ".0 <" + major + "." + inc(minor) + ".0-0";
        return ">=" + major + "." + minor + "." + patch + (pr != null ? "-" + pr : "") + " <" + major + "."
                + inc(minor) + ".0-0";
    }

    private static String xrange(String comp, Matcher r) {
        String gtlt = r.group(1), major = r.group(2), minor = r.group(3), patch = r.group(4);
        if ((isX(major) && !isX(minor)) || (isX(minor) && patch != null && !isX(patch))) return comp;
        boolean xMajor = isX(major);
        boolean xMinor = xMajor || isX(minor);
        boolean anyX = xMinor || isX(patch);
        if (gtlt.equals("=") && anyX) gtlt = "";
        String pr = "";
        if (xMajor) return gtlt.equals(">") || gtlt.equals("<") ? "<0.0.0-0" : "*";
        if (!gtlt.isEmpty() && anyX) {
            if (xMinor) minor = "0";
            patch = "0";
            if (gtlt.equals(">")) {
                gtlt = ">=";
                if (xMinor) {
                    major = inc(major);
                    minor = "0";
                } else {
                    minor = inc(minor);
                }
                patch = "0";
            } else if (gtlt.equals("<=")) {
                gtlt = "<";
                if (xMinor) major = inc(major);
                else minor = inc(minor);
            }
            if (gtlt.equals("<")) pr = "-0";
            return gtlt + major + "." + minor + "." + patch + pr;
        }
        if (xMinor) return ">=" + major + ".0.0" + pr + " <" + inc(major) + ".0.0-0";
        if (anyX) return ">=" + major + "." + minor + ".0" + pr + " <" + major + "." + inc(minor) + ".0-0";
        return r.group();
    }

    private static String hyphen(Matcher r) {
        String from = r.group(1), fM = r.group(2), fm = r.group(3), fp = r.group(4);
        String to = r.group(7), tM = r.group(8), tm = r.group(9), tp = r.group(10), tpr = r.group(11);
        if (isX(fM)) from = "";
        else if (isX(fm)) from = ">=" + fM + ".0.0";
        else if (isX(fp)) from = ">=" + fM + "." + fm + ".0";
        else from = ">=" + from;
        if (isX(tM)) to = "";
        else if (isX(tm)) to = "<" + inc(tM) + ".0.0-0";
        else if (isX(tp)) to = "<" + tM + "." + inc(tm) + ".0-0";
        else if (tpr != null) to = "<=" + tM + "." + tm + "." + tp + "-" + tpr;
        else to = "<=" + to;
        return jsTrim(from + " " + to);
    }

    /** JavaScript's {@code +digits + 1}, printed as JavaScript prints a number. */
    private static String inc(String digits) {
        double d = Double.parseDouble(digits) + 1;
        if (d >= 1e21) {
            // JavaScript switches to exponent notation here; any such text is an invalid comparator later.
            return String.valueOf(d).replace("E", "e+");
        }
        return new BigDecimal(d).toBigInteger().toString();
    }

    static String jsTrim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isJsSpace(s.charAt(start))) start++;
        while (end > start && isJsSpace(s.charAt(end - 1))) end--;
        return s.substring(start, end);
    }

    /** ECMAScript WhiteSpace and LineTerminator, the set of JavaScript's {@code trim} and {@code \s}. */
    private static boolean isJsSpace(char c) {
        return switch (c) {
            case '\t', '\n', '\u000B', '\f', '\r', ' ', '\u00A0', '\u1680', '\u2028', '\u2029', '\u202F', '\u205F',
                    '\u3000', '\uFEFF' -> true;
            default -> c >= '\u2000' && c <= '\u200A';
        };
    }
}
