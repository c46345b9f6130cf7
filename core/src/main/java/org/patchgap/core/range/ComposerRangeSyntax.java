package org.patchgap.core.range;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.packagist.PackagistVersionScheme;

/**
 * Composer version constraints as composer/semver's {@code Semver::satisfies} answers: {@code ||} (or {@code |})
 * alternatives of comma- or space-separated constraints; {@code ^1.2}, {@code ~1.2}, {@code 1.2.*}, hyphen ranges
 * {@code 1.0 - 2.0}, {@code *}, the operators {@code = == != <> < <= > >=}, stability flags ({@code @dev}) and
 * aliases ({@code 1.0 as 2.0}). Each constraint is desugared exactly as {@code VersionParser::parseConstraint}
 * does (partial versions and the {@code -dev} suffixes included) into an operator and a normalized version.
 *
 * <p>Composer never lets a dev branch ({@code dev-main}) match a range: only {@code ==} the same branch or
 * {@code !=} another. Our Packagist order puts branches below every version instead, so a constraint is a
 * {@link Condition} with Composer's matching rule rather than an order bound.
 */
final class ComposerRangeSyntax implements RangeSyntax {

    static final ComposerRangeSyntax INSTANCE = new ComposerRangeSyntax();

    private static final String MODIFIER =
            "[._-]?(?:(stable|beta|b|RC|alpha|a|patch|pl|p)((?:[.-]?\\d+)*+)?)?([.-]?dev)?";
    private static final String VERSION = "v?(\\d++)(?:\\.(\\d++))?(?:\\.(\\d++))?(?:\\.(\\d++))?(?:" + MODIFIER
            + "|\\.([xX*][.-]?dev))(?:\\+[^\\s]+)?";
    private static final int CI = Pattern.CASE_INSENSITIVE;
    private static final Pattern OR = Pattern.compile("\\s*\\|\\|?\\s*");
    private static final Pattern AND = Pattern.compile("(?<!^|as|[=>< ,]) *(?<!-)[, ](?!-) *(?!,|as|$)");
    private static final Pattern ALIAS = Pattern.compile("^([^,\\s]++) ++as ++([^,\\s]++)$");
    private static final Pattern STABILITY_FLAG = Pattern.compile("^([^,\\s]*?)@(stable|RC|beta|alpha|dev)$", CI);
    private static final Pattern REF = Pattern.compile("^(dev-[^,\\s@]+?|[^,\\s@]+?\\.x-dev)#.+$", CI);
    private static final Pattern WILDCARD = Pattern.compile("^(v)?[xX*](\\.[xX*])*$", CI);
    private static final Pattern TILDE = Pattern.compile("^~>?" + VERSION + "$", CI);
    private static final Pattern CARET = Pattern.compile("^\\^" + VERSION + "($)", CI);
    private static final Pattern XRANGE = Pattern.compile("^v?(\\d++)(?:\\.(\\d++))?(?:\\.(\\d++))?(?:\\.[xX*])++$");
    private static final Pattern HYPHEN = Pattern.compile("^(" + VERSION + ") +- +(" + VERSION + ")($)", CI);
    private static final Pattern BASIC = Pattern.compile("^(<>|!=|>=?|<=?|==?)?\\s*(.*)", Pattern.DOTALL);
    private static final Pattern DEV_LIKE = Pattern.compile("^[0-9a-zA-Z-./]+$");
    private static final Pattern ENDS_WITH_MODIFIER = Pattern.compile("-" + MODIFIER + "$");
    private static final Pattern STABILITY = Pattern.compile(MODIFIER + "(?:\\+.*)?$", CI);

    private ComposerRangeSyntax() {}

    @Override
    public String name() {
        return "Composer";
    }

    /** One desugared constraint: an operator and a normalized version. */
    private record Constraint(String op, String version) {}

    @Override
    public VersionRange parse(String text) throws InvalidRangeException {
        List<Interval> intervals = new ArrayList<>();
        int at = 0;
        String trimmed = phpTrim(text);
        for (String alternative : OR.split(trimmed, -1)) {
            Interval interval = Interval.ALL;
            for (String piece : AND.split(alternative, -1)) {
                int index = Math.max(0, text.indexOf(piece, at));
                for (Constraint c : constraint(text, index, piece)) {
                    interval = interval.with(new Match(c, parsed(c.version())));
                }
                at = index;
            }
            intervals.add(interval);
        }
        return new VersionRange(intervals);
    }

    private List<Constraint> constraint(String text, int index, String constraint) throws InvalidRangeException {
        Matcher m = ALIAS.matcher(constraint);
        if (m.find()) constraint = m.group(1);
        String stabilityModifier = null;
        m = STABILITY_FLAG.matcher(constraint);
        if (m.find()) {
            constraint = m.group(1).isEmpty() ? "*" : m.group(1);
            if (!m.group(2).equals("stable")) stabilityModifier = m.group(2);
        }
        m = REF.matcher(constraint);
        if (m.find()) constraint = m.group(1);

        m = WILDCARD.matcher(constraint);
        if (m.find()) {
            if (m.group(1) != null || m.group(2) != null) return List.of(new Constraint(">=", "0.0.0.0-dev"));
            return List.of();
        }
        m = TILDE.matcher(constraint);
        if (m.find()) {
            if (constraint.startsWith("~>")) {
                throw invalid(text, index, "expected '~', not '~>' (Composer's tilde has no '>')");
            }
            int position = phpSet(m, 4) ? 4 : phpSet(m, 3) ? 3 : phpSet(m, 2) ? 2 : 1;
            if (set(m, 8)) position++;
            String suffix = !set(m, 5) && !set(m, 7) && !set(m, 8) ? "-dev" : "";
            String low = normalize(text, index, (constraint + suffix).substring(1));
            String high = manipulate(groups(m, 0), Math.max(1, position - 1), 1) + "-dev";
            return List.of(new Constraint(">=", low), new Constraint("<", high));
        }
        m = CARET.matcher(constraint);
        if (m.find()) {
            int position;
            if (!"0".equals(m.group(1)) || !phpSet(m, 2)) position = 1;
            else if (!"0".equals(m.group(2)) || !phpSet(m, 3)) position = 2;
            else position = 3;
            String suffix = !set(m, 5) && !set(m, 7) && !set(m, 8) ? "-dev" : "";
            String low = normalize(text, index, (constraint + suffix).substring(1));
            String high = manipulate(groups(m, 0), position, 1) + "-dev";
            return List.of(new Constraint(">=", low), new Constraint("<", high));
        }
        m = XRANGE.matcher(constraint);
        if (m.find()) {
            int position = phpSet(m, 3) ? 3 : phpSet(m, 2) ? 2 : 1;
            String low = manipulate(groups(m, 0), position, 0) + "-dev";
            String high = manipulate(groups(m, 0), position, 1) + "-dev";
            if (low.equals("0.0.0.0-dev")) return List.of(new Constraint("<", high));
            return List.of(new Constraint(">=", low), new Constraint("<", high));
        }
        m = HYPHEN.matcher(constraint);
        if (m.find()) {
            String lowSuffix = !set(m, 6) && !set(m, 8) && !set(m, 9) ? "-dev" : "";
            Constraint lower = new Constraint(">=", normalize(text, index, m.group(1)) + lowSuffix);
            Constraint upper;
            if ((phpSet(m, 12) && phpSet(m, 13)) || set(m, 15) || set(m, 17) || set(m, 18)) {
                upper = new Constraint("<=", normalize(text, index, m.group(10)));
            } else {
                normalize(text, index, m.group(10));
                String[] high = {"", m.group(11), m.group(12), m.group(13), m.group(14)};
                upper = new Constraint("<", manipulate(high, phpSet(m, 12) ? 2 : 1, 1) + "-dev");
            }
            return List.of(lower, upper);
        }
        m = BASIC.matcher(constraint);
        m.find();
        String spelled = m.group(2);
        String version;
        try {
            version = PackagistVersionScheme.INSTANCE.normalize(spelled);
        } catch (InvalidVersionException e) {
            if (spelled.endsWith("-dev") && DEV_LIKE.matcher(spelled).matches()) {
                version = normalize(text, index, "dev-" + spelled.substring(0, spelled.length() - 4));
            } else {
                throw invalid(text, index, "expected a constraint such as '^1.2', '~1.2', '1.2.*', '>=1.0 <2.0' or "
                        + "'1.0 - 2.0', found '" + constraint + "' (" + e.getMessage() + ")");
            }
        }
        String op = m.group(1) == null || m.group(1).isEmpty() ? "=" : m.group(1);
        if (!op.equals("==") && !op.equals("=") && stabilityModifier != null && stability(version).equals("stable")) {
            version += "-" + stabilityModifier;
        } else if (op.equals("<") || op.equals(">=")) {
            if (!ENDS_WITH_MODIFIER.matcher(spelled.toLowerCase(Locale.ROOT)).find() && !spelled.startsWith("dev-")) {
                version += "-dev";
            }
        }
        return List.of(new Constraint(op, version));
    }

    /** PHP's {@code !empty($m[i])}: the group took part and is neither "" nor "0". */
    private static boolean set(Matcher m, int group) {
        String g = group <= m.groupCount() ? m.group(group) : null;
        return g != null && !g.isEmpty() && !g.equals("0");
    }

    /** PHP's {@code '' !== $m[i]} (and composer's {@code !$empty}): the group took part and is not "". */
    private static boolean phpSet(Matcher m, int group) {
        String g = m.group(group);
        return g != null && !g.isEmpty();
    }

    private static String[] groups(Matcher m, int offset) {
        return new String[] {"", m.group(offset + 1), m.group(offset + 2), m.group(offset + 3),
                offset + 4 <= m.groupCount() ? m.group(offset + 4) : null};
    }

    /** {@code VersionParser::manipulateVersionString}: pad after {@code position}, add {@code increment} at it. */
    private static String manipulate(String[] parts, int position, int increment) {
        String[] p = parts.clone();
        for (int i = 4; i > 0; i--) {
            if (i > position) {
                p[i] = "0";
            } else if (i == position && increment != 0) {
                String digits = p[i] == null || p[i].isEmpty() ? "0" : p[i];
                p[i] = new java.math.BigInteger(digits).add(java.math.BigInteger.valueOf(increment)).toString();
            }
        }
        return nullToEmpty(p[1]) + "." + nullToEmpty(p[2]) + "." + nullToEmpty(p[3]) + "." + nullToEmpty(p[4]);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** {@code VersionParser::parseStability}. */
    private static String stability(String version) {
        version = version.replaceAll("#.+$", "");
        if (version.startsWith("dev-") || version.endsWith("-dev")) return "dev";
        Matcher m = STABILITY.matcher(version.toLowerCase(Locale.ROOT));
        if (m.find()) {
            if (m.group(3) != null && !m.group(3).isEmpty()) return "dev";
            String word = m.group(1);
            if (word != null && !word.isEmpty()) {
                if (word.equals("beta") || word.equals("b")) return "beta";
                if (word.equals("alpha") || word.equals("a")) return "alpha";
                if (word.equals("rc")) return "RC";
            }
        }
        return "stable";
    }

    private String normalize(String text, int index, String version) throws InvalidRangeException {
        try {
            return PackagistVersionScheme.INSTANCE.normalize(version);
        } catch (InvalidVersionException e) {
            throw invalid(text, index, "expected a Composer version: " + e.getMessage());
        }
    }

    /** The constraint's version as Composer compares it: the normalized string, never normalized again. */
    private static Version parsed(String normalized) {
        return PackagistVersionScheme.INSTANCE.ofNormalized(normalized);
    }

    /** {@code Constraint::matchSpecific} against the provider {@code == version}: dev branches never match ranges. */
    private record Match(Constraint c, Version version) implements Condition {
        @Override
        public boolean admits(Version candidate) {
            String p = normalizedOf(candidate);
            String v = c.version();
            boolean branches = p.startsWith("dev-") || v.startsWith("dev-");
            if (c.op().equals("!=") || c.op().equals("<>")) {
                return branches ? !p.equals(v) : candidate.compareTo(version) != 0;
            }
            if (p.startsWith("dev-") && v.startsWith("dev-")) return c.op().startsWith("=") && p.equals(v);
            if (branches) return false;
            int cmp = candidate.compareTo(version);
            return switch (c.op()) {
                case "=", "==" -> cmp == 0;
                case "<" -> cmp < 0;
                case "<=" -> cmp <= 0;
                case ">" -> cmp > 0;
                case ">=" -> cmp >= 0;
                default -> throw new IllegalStateException("operator " + c.op());
            };
        }

        @Override
        public String toString() {
            return c.op() + " " + c.version();
        }
    }

    private static String normalizedOf(Version v) {
        try {
            return PackagistVersionScheme.INSTANCE.normalize(v.text());
        } catch (InvalidVersionException e) {
            throw new IllegalArgumentException("not a Packagist version: " + v.text(), e);
        }
    }

    private static String phpTrim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && " \t\n\r\0\u000B".indexOf(s.charAt(start)) >= 0) start++;
        while (end > start && " \t\n\r\0\u000B".indexOf(s.charAt(end - 1)) >= 0) end--;
        return s.substring(start, end);
    }

    private InvalidRangeException invalid(String text, int index, String expected) {
        return new InvalidRangeException(name(), text, index, expected);
    }
}
