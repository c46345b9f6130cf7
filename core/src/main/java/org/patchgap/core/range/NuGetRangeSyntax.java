package org.patchgap.core.range;

import org.jspecify.annotations.Nullable;
import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.nuget.NuGetVersionScheme;

/**
 * NuGet version ranges as documented for NuGet.Versioning's {@code VersionRange}
 * (learn.microsoft.com, "Package versioning", version ranges): {@code 1.0} is {@code >= 1.0}, {@code [1.0]} exactly
 * 1.0, {@code [1.0,2.0)}, {@code (1.0,)}, {@code (,1.0]} and the other interval forms, spaces around the bounds
 * allowed. Floating versions ({@code 1.*}) choose a version to install rather than describe a set, and are rejected;
 * so are {@code (1.0)}, an interval without any bound, and bounds in the wrong order or an empty interval.
 * No canonical tool runs here (no .NET): fixtures only.
 */
final class NuGetRangeSyntax implements RangeSyntax {

    static final NuGetRangeSyntax INSTANCE = new NuGetRangeSyntax();

    private NuGetRangeSyntax() {}

    @Override
    public String name() {
        return "NuGet";
    }

    @Override
    public VersionRange parse(String text) throws InvalidRangeException {
        String s = text.strip();
        int offset = text.indexOf(s.isEmpty() ? text : s);
        if (s.isEmpty()) throw invalid(text, 0, "expected a version or an interval such as '[1.0,2.0)'");
        if (s.contains("*")) {
            throw invalid(text, offset + s.indexOf('*'), "expected a version without '*': floating versions pick a "
                    + "version to install and are not read as a range");
        }
        char first = s.charAt(0);
        if (first != '[' && first != '(') {
            return VersionRange.of(Interval.of(Bound.inclusive(version(text, offset, s)), null));
        }
        char last = s.charAt(s.length() - 1);
        if (last != ']' && last != ')') {
            throw invalid(text, offset + s.length() - 1, "expected ']' or ')' to close the interval");
        }
        String inner = s.substring(1, s.length() - 1);
        int comma = inner.indexOf(',');
        if (comma < 0) {
            if (first != '[' || last != ']') {
                throw invalid(text, offset, "expected '[' and ']' around a single version, found '" + s + "'");
            }
            return VersionRange.of(Interval.exactly(version(text, offset + 1, inner.strip())));
        }
        if (inner.indexOf(',', comma + 1) >= 0) {
            throw invalid(text, offset + 1 + inner.indexOf(',', comma + 1), "expected one ',' between two bounds");
        }
        String low = inner.substring(0, comma).strip();
        String high = inner.substring(comma + 1).strip();
        if (low.isEmpty() && high.isEmpty()) {
            throw invalid(text, offset, "expected at least one bound in '" + s + "'");
        }
        @Nullable Version lower = low.isEmpty() ? null : version(text, offset + 1, low);
        @Nullable Version upper = high.isEmpty() ? null : version(text, offset + 2 + comma, high);
        if (lower != null && upper != null) {
            int c = lower.compareTo(upper);
            if (c > 0 || (c == 0 && (first != '[' || last != ']'))) {
                throw invalid(text, offset, "expected the lower bound below the upper bound in '" + s + "'");
            }
        }
        return VersionRange.of(Interval.of(lower == null ? null : new Bound(lower, first == '['),
                upper == null ? null : new Bound(upper, last == ']')));
    }

    private Version version(String text, int index, String version) throws InvalidRangeException {
        try {
            return NuGetVersionScheme.INSTANCE.parse(version);
        } catch (InvalidVersionException e) {
            throw invalid(text, index, "expected a NuGet version: " + e.getMessage());
        }
    }

    private InvalidRangeException invalid(String text, int index, String expected) {
        return new InvalidRangeException(name(), text, index, expected);
    }
}
