package org.patchgap.core.range;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.VersionScheme;
import org.patchgap.core.version.VersionSchemes;

/**
 * {@code vers:} URIs of package-url's version range specification ({@code vers:npm/>=1.0.0|<2.0.0},
 * {@code vers:pypi/*}, {@code vers:deb/1.2|!=1.5}): a versioning scheme and {@code |}-separated constraints, each
 * a comparator ({@code = != < <= > >=}, none meaning {@code =}) and a percent-encoded version, or {@code *} alone.
 *
 * <p>The spec's validation rules are enforced (a version occurs once; {@code *} stands alone; ignoring {@code !=},
 * an {@code =} is followed only by {@code =}, {@code >} or {@code >=}; ignoring {@code =} and {@code !=}, the
 * comparators alternate between greater and lesser). Its containment algorithm is then exactly a union of intervals:
 * a leading {@code <}/{@code <=} is an interval open below, each {@code >}/{@code >=} followed by a
 * {@code <}/{@code <=} is a closed interval, a trailing {@code >}/{@code >=} is open above, and each {@code =} is a
 * single version; {@code !=} versions are removed from every interval. As the spec's algorithm says, a range of only
 * {@code !=} constraints contains no version.
 */
final class VersRangeSyntax implements RangeSyntax {

    static final VersRangeSyntax INSTANCE = new VersRangeSyntax();

    /**
     * vers versioning schemes (package-url types) to the OSV ecosystem whose version order they use. vers'
     * {@code generic} scheme maps to a name no scheme is registered under, so it gets our generic order (the one
     * CPE products use).
     */
    private static final Map<String, String> ECOSYSTEMS = new TreeMap<>(Map.ofEntries(
            Map.entry("alpine", "Alpine"), Map.entry("apk", "Alpine"), Map.entry("cargo", "crates.io"),
            Map.entry("composer", "Packagist"), Map.entry("cran", "CRAN"), Map.entry("deb", "Debian"),
            Map.entry("gem", "RubyGems"), Map.entry("generic", "generic"), Map.entry("golang", "Go"), Map.entry("hackage", "Hackage"),
            Map.entry("hex", "Hex"), Map.entry("maven", "Maven"), Map.entry("npm", "npm"),
            Map.entry("nuget", "NuGet"), Map.entry("pub", "Pub"), Map.entry("pypi", "PyPI"),
            Map.entry("rpm", "Red Hat"), Map.entry("swift", "SwiftURL")));

    private VersRangeSyntax() {}

    @Override
    public String name() {
        return "vers";
    }

    /** The OSV ecosystem whose order a vers versioning scheme uses, if we know the scheme. */
    static Optional<String> ecosystemOf(String versScheme) {
        return Optional.ofNullable(ECOSYSTEMS.get(versScheme));
    }

    /** The versioning scheme named by a vers URI, or empty when {@code text} is not one. */
    static Optional<String> schemeOf(String text) {
        String s = text.replace(" ", "").replace("\t", "");
        int slash = s.indexOf('/');
        if (!s.startsWith("vers:") || slash < 0) return Optional.empty();
        return Optional.of(s.substring(5, slash));
    }

    private record Constraint(String comparator, Version version, int index) {}

    @Override
    public VersionRange parse(String text) throws InvalidRangeException {
        // The spec: "Remove all spaces and tabs". Positions below refer to this compacted text.
        String s = text.replace(" ", "").replace("\t", "");
        int colon = s.indexOf(':');
        if (colon < 0 || !s.substring(0, colon).equals("vers")) {
            throw invalid(text, 0, "expected the URI scheme 'vers:' (lowercase)");
        }
        int slash = s.indexOf('/', colon);
        if (slash < 0) throw invalid(text, colon + 1, "expected '<versioning-scheme>/' after 'vers:'");
        String versScheme = s.substring(colon + 1, slash);
        if (versScheme.isEmpty() || !versScheme.equals(versScheme.toLowerCase(java.util.Locale.ROOT))) {
            throw invalid(text, colon + 1, "expected a lowercase versioning scheme such as 'npm' or 'pypi'");
        }
        String ecosystem = ECOSYSTEMS.get(versScheme);
        if (ecosystem == null) {
            throw invalid(text, colon + 1, "expected a known versioning scheme " + ECOSYSTEMS.keySet() + ", found '"
                    + versScheme + "'");
        }
        VersionScheme scheme = VersionSchemes.forEcosystem(ecosystem);
        String body = s.substring(slash + 1);
        if (body.replace("|", "").isEmpty()) throw invalid(text, slash + 1, "expected at least one constraint");
        if (body.replace("|", "").equals("*")) return VersionRange.ALL;

        List<Constraint> constraints = new ArrayList<>();
        int at = slash + 1;
        for (String raw : body.split("\\|", -1)) {
            int index = at;
            at += raw.length() + 1;
            if (raw.isEmpty()) continue; // "Consecutive pipes must be treated as one"
            if (raw.equals("*")) throw invalid(text, index, "'*' must stand alone, without other constraints");
            String comparator = "=";
            for (String op : List.of(">=", "<=", "!=", "<", ">", "=")) {
                if (raw.startsWith(op)) {
                    comparator = op;
                    break;
                }
            }
            String encoded = raw.substring(comparator.equals("=") && !raw.startsWith("=") ? 0 : comparator.length());
            if (encoded.isEmpty()) throw invalid(text, index, "expected a version after '" + comparator + "'");
            String version = encoded.contains("%") ? URLDecoder.decode(encoded.replace("+", "%2B"),
                    StandardCharsets.UTF_8) : encoded;
            try {
                constraints.add(new Constraint(comparator, scheme.parse(version), index));
            } catch (InvalidVersionException e) {
                throw invalid(text, index + raw.length() - encoded.length(), "expected a " + scheme.name()
                        + " version: " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw invalid(text, index, "expected a percent-encoded version: " + e.getMessage());
            }
        }
        constraints.sort(Comparator.comparing(Constraint::version));
        validate(text, constraints);
        return toRange(constraints);
    }

    private void validate(String text, List<Constraint> sorted) throws InvalidRangeException {
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).version().compareTo(sorted.get(i - 1).version()) == 0) {
                throw invalid(text, sorted.get(i).index(), "expected each version once, found '"
                        + sorted.get(i).version().text() + "' again (as '" + sorted.get(i - 1).version().text() + "')");
            }
        }
        Constraint previous = null;
        for (Constraint c : sorted) {
            if (c.comparator().equals("!=")) continue;
            if (previous != null && previous.comparator().equals("=")
                    && !List.of("=", ">", ">=").contains(c.comparator())) {
                throw invalid(text, c.index(), "'" + c.comparator() + "' cannot follow '=' (in version order)"
                        + ": expected '=', '>' or '>='");
            }
            previous = c;
        }
        previous = null;
        for (Constraint c : sorted) {
            if (c.comparator().equals("!=") || c.comparator().equals("=")) continue;
            if (previous != null && isGreater(previous) == isGreater(c)) {
                throw invalid(text, c.index(), "'" + previous.comparator() + "' then '" + c.comparator()
                        + "' (in version order): comparators must alternate between greater and lesser");
            }
            previous = c;
        }
    }

    private static boolean isGreater(Constraint c) {
        return c.comparator().startsWith(">");
    }

    private static VersionRange toRange(List<Constraint> sorted) {
        List<Version> unequal = sorted.stream().filter(c -> c.comparator().equals("!=")).map(Constraint::version)
                .toList();
        List<Interval> intervals = new ArrayList<>();
        List<Constraint> ordered = sorted.stream()
                .filter(c -> !c.comparator().equals("=") && !c.comparator().equals("!=")).toList();
        for (int i = 0; i < ordered.size(); i++) {
            Constraint c = ordered.get(i);
            Bound bound = new Bound(c.version(), c.comparator().endsWith("="));
            if (isGreater(c)) {
                Constraint next = i + 1 < ordered.size() ? ordered.get(i + 1) : null;
                Bound upper = next == null ? null : new Bound(next.version(), next.comparator().endsWith("="));
                intervals.add(new Interval(bound, upper, unequal, List.of()));
                i++;
            } else {
                intervals.add(new Interval(null, bound, unequal, List.of()));
            }
        }
        for (Constraint c : sorted) {
            if (c.comparator().equals("=")) intervals.add(Interval.exactly(c.version()));
        }
        return new VersionRange(intervals);
    }

    private InvalidRangeException invalid(String text, int index, String expected) {
        return new InvalidRangeException(name(), text, index, expected);
    }
}
