package org.patchgap.core.range;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.rubygems.RubyGemsVersionScheme;

/**
 * RubyGems requirements ({@code ~> 2.3}, {@code >= 1, < 3}, {@code != 1.2.0}) as {@code Gem::Requirement}'s
 * {@code satisfied_by?} answers, a comma separating the requirements that {@code Gem::Requirement.new(a, b)} takes
 * as separate arguments (the form GitHub advisories and Gemfiles print). Each requirement is
 * {@code Gem::Requirement::PATTERN}: an optional operator ({@code = != > < >= <= ~>}, none meaning {@code =}) and a
 * version. {@code ~> 2.3.1} is {@code >= 2.3.1} and, for the candidate's release (pre-release segments dropped),
 * {@code < 2.4}. Like {@code satisfied_by?}, pre-releases get no special treatment.
 */
final class RubyGemsRangeSyntax implements RangeSyntax {

    static final RubyGemsRangeSyntax INSTANCE = new RubyGemsRangeSyntax();

    /** Ruby's {@code \s}: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static final String S = "[ \\t\\n\\u000B\\f\\r]";
    private static final Pattern REQUIREMENT = Pattern.compile("\\A" + S + "*(=|!=|>|<|>=|<=|~>)?" + S
            + "*([0-9]+(?>\\.[0-9a-zA-Z]+)*(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?)" + S + "*\\z");
    private static final Pattern SEGMENT = Pattern.compile("[0-9]+|[a-zA-Z]+");

    private RubyGemsRangeSyntax() {}

    @Override
    public String name() {
        return "RubyGems";
    }

    @Override
    public VersionRange parse(String text) throws InvalidRangeException {
        Interval interval = Interval.ALL;
        int at = 0;
        for (String part : text.split(",", -1)) {
            int index = at;
            at += part.length() + 1;
            Matcher m = REQUIREMENT.matcher(part);
            if (!m.matches()) {
                throw new InvalidRangeException(name(), text, index + (part.length() - part.stripLeading().length()),
                        "expected a requirement such as '~> 2.3', '>= 1.0' or '1.2.3', found '" + part.strip() + "'");
            }
            String op = m.group(1) == null ? "=" : m.group(1);
            Version v = version(text, index, m.group(2));
            interval = switch (op) {
                case "=" -> interval.withLower(Bound.inclusive(v)).withUpper(Bound.inclusive(v));
                case "!=" -> interval.without(v);
                case ">" -> interval.withLower(Bound.exclusive(v));
                case "<" -> interval.withUpper(Bound.exclusive(v));
                case ">=" -> interval.withLower(Bound.inclusive(v));
                case "<=" -> interval.withUpper(Bound.inclusive(v));
                case "~>" -> interval.withLower(Bound.inclusive(v)).with(new Pessimistic(m.group(2), bump(m.group(2))));
                default -> throw new IllegalStateException("operator " + op);
            };
        }
        return VersionRange.of(interval);
    }

    /** The part of {@code ~>} that is not a bound: the candidate's release is below the requirement's bump. */
    private record Pessimistic(String requirement, Version bump) implements Condition {
        @Override
        public boolean admits(Version version) {
            return release(version).compareTo(bump) < 0;
        }

        @Override
        public String toString() {
            return "release < " + bump.text() + " (~> " + requirement + ")";
        }
    }

    /** {@code Gem::Version#segments}: numbers and letter runs, "-" read as ".pre.". */
    private static List<String> segments(String version) {
        List<String> out = new ArrayList<>();
        Matcher m = SEGMENT.matcher(version.strip().replace("-", ".pre."));
        while (m.find()) out.add(m.group());
        return out;
    }

    private static boolean isNumber(String segment) {
        return Character.isDigit(segment.charAt(0));
    }

    /** {@code Gem::Version#release}: the version without its pre-release segments (all from the first letters on). */
    private static Version release(Version v) {
        List<String> s = segments(v.text());
        while (s.stream().anyMatch(x -> !isNumber(x))) s.remove(s.size() - 1);
        return parsed(String.join(".", s));
    }

    /** {@code Gem::Version#bump}: {@code 5.3.1} gives {@code 5.4}; pre-release segments are ignored. */
    private static Version bump(String version) {
        List<String> s = segments(version);
        while (s.stream().anyMatch(x -> !isNumber(x))) s.remove(s.size() - 1);
        if (s.size() > 1) s.remove(s.size() - 1);
        s.set(s.size() - 1, new BigInteger(s.get(s.size() - 1)).add(BigInteger.ONE).toString());
        return parsed(String.join(".", s));
    }

    private static Version parsed(String version) {
        try {
            return RubyGemsVersionScheme.INSTANCE.parse(version.isEmpty() ? "0" : version);
        } catch (InvalidVersionException e) {
            throw new IllegalStateException("a derived RubyGems version did not parse: " + version, e);
        }
    }

    private Version version(String text, int index, String version) throws InvalidRangeException {
        try {
            return RubyGemsVersionScheme.INSTANCE.parse(version);
        } catch (InvalidVersionException e) {
            throw new InvalidRangeException(name(), text, index, "expected a RubyGems version: " + e.getMessage());
        }
    }
}
