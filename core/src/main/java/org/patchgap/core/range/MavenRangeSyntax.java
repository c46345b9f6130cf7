package org.patchgap.core.range;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.maven.MavenVersionScheme;

/**
 * Maven version ranges as maven-artifact's {@code VersionRange.createFromVersionSpec} reads them:
 * {@code [1.0,2.0)}, {@code [1.0,)}, {@code (,1.0],[1.2,)}, {@code [1.5]}, restrictions separated by commas, each
 * starting no lower than the previous one ends.
 *
 * <p>A bare version ({@code 1.0}) is, for Maven, a soft requirement: a preferred version that any version satisfies
 * ({@code containsVersion} is true for everything). In a vulnerability range a bare version names the affected
 * version, so we read it as exactly that version, {@code [1.0]}: a deliberate difference (docs/ranges.md).
 */
final class MavenRangeSyntax implements RangeSyntax {

    static final MavenRangeSyntax INSTANCE = new MavenRangeSyntax();

    private MavenRangeSyntax() {}

    @Override
    public String name() {
        return "Maven";
    }

    @Override
    public VersionRange parse(String text) throws InvalidRangeException {
        List<Interval> intervals = new ArrayList<>();
        String rest = text;
        int at = 0;
        @Nullable Bound previousUpper = null;
        boolean first = true;
        while (rest.startsWith("[") || rest.startsWith("(")) {
            int close = closing(rest);
            if (close < 0) throw invalid(text, at, "expected ']' or ')' to close '" + rest.charAt(0) + "'");
            Interval interval = restriction(text, at, rest.substring(0, close + 1));
            if (!first && previousUpper != null
                    && (interval.lower() == null || interval.lower().version().compareTo(previousUpper.version()) < 0)) {
                throw invalid(text, at, "ranges overlap: expected each range to start at or above where the previous"
                        + " one ends");
            }
            first = false;
            intervals.add(interval);
            previousUpper = interval.upper();
            String after = rest.substring(close + 1);
            String trimmed = after.trim();
            at += close + 1 + (after.length() - after.stripLeading().length());
            if (trimmed.startsWith(",")) {
                String next = trimmed.substring(1);
                at += 1 + (next.length() - next.stripLeading().length());
                trimmed = next.trim();
            }
            rest = trimmed;
        }
        if (!rest.isEmpty()) {
            if (!intervals.isEmpty()) {
                throw invalid(text, at, "expected another '[' or '(' range, found '" + rest + "'");
            }
            intervals.add(Interval.exactly(version(text, 0, rest)));
        }
        if (intervals.isEmpty()) throw invalid(text, 0, "expected a version or a range such as '[1.0,2.0)'");
        return new VersionRange(intervals);
    }

    /** maven-artifact's choice of the closing bracket: the first ')' if it comes before the first ']'. */
    private static int closing(String s) {
        int paren = s.indexOf(')');
        int bracket = s.indexOf(']');
        if (bracket < 0 || paren < bracket) return paren >= 0 ? paren : bracket;
        return bracket;
    }

    private Interval restriction(String text, int at, String spec) throws InvalidRangeException {
        boolean lowerInclusive = spec.startsWith("[");
        boolean upperInclusive = spec.endsWith("]");
        String inner = spec.substring(1, spec.length() - 1);
        int comma = inner.indexOf(',');
        if (comma < 0) {
            if (!lowerInclusive || !upperInclusive) {
                throw invalid(text, at, "expected '[' and ']' around a single version, found '" + spec + "'");
            }
            return Interval.exactly(version(text, at + 1, inner.trim()));
        }
        String low = inner.substring(0, comma).trim();
        String high = inner.substring(comma + 1).trim();
        Version lower = low.isEmpty() ? null : version(text, at + 1, low);
        Version upper = high.isEmpty() ? null : version(text, at + comma + 2, high);
        if (lower != null && upper != null) {
            int c = upper.compareTo(lower);
            if (c < 0 || (c == 0 && (!lowerInclusive || !upperInclusive))) {
                throw invalid(text, at, "range defines empty space: expected the lower bound below the upper, found '"
                        + spec + "'");
            }
        }
        return Interval.of(lower == null ? null : new Bound(lower, lowerInclusive),
                upper == null ? null : new Bound(upper, upperInclusive));
    }

    private Version version(String text, int at, String version) throws InvalidRangeException {
        try {
            return MavenVersionScheme.INSTANCE.parse(version);
        } catch (InvalidVersionException e) {
            throw invalid(text, at, "expected a Maven version: " + e.getMessage());
        }
    }

    private InvalidRangeException invalid(String text, int index, String expected) {
        return new InvalidRangeException(name(), text, index, expected);
    }
}
