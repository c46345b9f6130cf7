package org.patchgap.core.range;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.pypi.PypiVersion;
import org.patchgap.core.version.pypi.PypiVersionScheme;

/**
 * PEP 440 version specifiers ({@code >=1.0,<2.0}, {@code ~=2.2}, {@code ==1.*}, {@code !=1.5}, {@code ===1.0}),
 * evaluated as packaging 26's {@code SpecifierSet(text).contains(version)}: a comma-separated conjunction.
 *
 * <p>With packaging's default {@code prereleases=None}, {@code contains} of one version admits a pre-release (the
 * "no final release matched" rule looks at that one version only), so there is no separate pre-release gate. The
 * rules of PEP 440 that are not plain order are kept as {@link Condition}s: {@code <V} excludes pre-releases of V
 * unless V is one, {@code >V} excludes post-releases and local versions of V, {@code <=}/{@code ==}/{@code !=}
 * ignore the candidate's local label unless the specifier has one, {@code ==V.*} is a prefix match, and
 * {@code ===} compares text, ignoring case.
 */
final class Pep440RangeSyntax implements RangeSyntax {

    static final Pep440RangeSyntax INSTANCE = new Pep440RangeSyntax();

    private static final String PRE = "(?:[-_.]?(?:alpha|beta|preview|pre|a|b|c|rc)[-_.]?[0-9]*)?";
    private static final String POST = "(?:(?:-[0-9]+)|(?:[-_.]?(?:post|rev|r)[-_.]?[0-9]*))?";
    private static final String DEV = "(?:[-_.]?dev[-_.]?[0-9]*)?";
    /** packaging's {@code Specifier._specifier_regex_str}, one alternative per operator family. */
    private static final Pattern SPECIFIER = Pattern.compile("\\s*(?:"
            + "(===)\\s*([^\\s;)]*)"
            + "|(==|!=)\\s*(v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)*(?:\\.\\*|" + PRE + POST + DEV
            + "(?:\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?)?)"
            + "|(~=)\\s*(v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)+" + PRE + POST + DEV + ")"
            + "|(<=|>=|<|>)\\s*(v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)*" + PRE + POST + DEV + ")"
            + ")\\s*", Pattern.CASE_INSENSITIVE);
    /** A normalized version: epoch, release, pre, post, dev, local. */
    private static final Pattern NORMALIZED = Pattern.compile(
            "(?:([0-9]+)!)?([0-9]+(?:\\.[0-9]+)*)((?:a|b|rc)[0-9]+)?(?:\\.post([0-9]+))?(?:\\.dev([0-9]+))?(?:\\+(.*))?");
    private static final Pattern PREFIX = Pattern.compile("([0-9]+)((?:a|b|c|rc)[0-9]+)");

    private Pep440RangeSyntax() {}

    @Override
    public String name() {
        return "PEP 440";
    }

    @Override
    public VersionRange parse(String text) throws InvalidRangeException {
        Interval interval = Interval.ALL;
        int at = 0;
        for (String part : text.split(",", -1)) {
            int index = at;
            at += part.length() + 1;
            if (part.strip().isEmpty()) continue; // packaging skips empty items: ">=1.0,,<2" is fine
            interval = specifier(text, part, index, interval);
        }
        return VersionRange.of(interval);
    }

    private Interval specifier(String text, String part, int index, Interval interval) throws InvalidRangeException {
        Matcher m = SPECIFIER.matcher(part);
        if (!m.matches()) {
            throw new InvalidRangeException(name(), text, index + leadingSpace(part), "expected a specifier such as "
                    + "'>=1.0', '~=2.2', '==1.*', '!=1.5' or '===1.0', found '" + part.strip() + "'");
        }
        if (m.group(1) != null) return interval.with(new Identity(m.group(2)));
        String op = m.group(3) != null ? m.group(3) : m.group(5) != null ? m.group(5) : m.group(7);
        String spec = m.group(3) != null ? m.group(4) : m.group(5) != null ? m.group(6) : m.group(8);
        if (spec.endsWith(".*")) {
            Wildcard w = new Wildcard(split(normalized(text, index, spec.substring(0, spec.length() - 2))));
            return interval.with(op.equals("==") ? w : new Not(w, "!=" + spec));
        }
        PypiVersion v = parseVersion(text, index, spec);
        return switch (op) {
            case ">=" -> interval.withLower(Bound.inclusive(v));
            case "<=" -> interval.with(new Op("<=" + spec, p -> publicOf(p).compareTo(v) <= 0));
            case "<" -> interval.withUpper(Bound.exclusive(v)).with(new Op("<" + spec, p -> lessThan(p, v)));
            case ">" -> interval.withLower(Bound.exclusive(v)).with(new Op(">" + spec, p -> greaterThan(p, v)));
            case "==" -> interval.with(new Op("==" + spec, p -> equal(p, v)));
            case "!=" -> interval.with(new Op("!=" + spec, p -> !equal(p, v)));
            case "~=" -> interval.withLower(Bound.inclusive(v)).with(compatiblePrefix(text, index, spec));
            default -> throw new IllegalStateException("operator " + op);
        };
    }

    private static int leadingSpace(String s) {
        return s.length() - s.stripLeading().length();
    }

    /** {@code ~=2.2.post3} is {@code >=2.2.post3, ==2.*}: the release without its last number, as a prefix. */
    private Condition compatiblePrefix(String text, int index, String spec) throws InvalidRangeException {
        List<String> kept = new ArrayList<>();
        for (String segment : split(spec)) {
            if (List.of("dev", "a", "b", "rc", "post").stream().anyMatch(segment::startsWith)) break;
            kept.add(segment);
        }
        kept.remove(kept.size() - 1);
        String prefix = kept.get(0) + "!" + String.join(".", kept.subList(1, kept.size()));
        return new Wildcard(split(canonical(prefix)));
    }

    // ---- packaging's operator semantics, on PypiVersion ----

    private record Op(String description, java.util.function.Predicate<PypiVersion> test) implements Condition {
        @Override
        public boolean admits(Version version) {
            return test.test((PypiVersion) version);
        }

        @Override
        public String toString() {
            return description;
        }
    }

    private record Not(Condition inner, String description) implements Condition {
        @Override
        public boolean admits(Version version) {
            return !inner.admits(version);
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /** {@code ===}: the candidate's text and the specifier's, compared ignoring case. */
    private record Identity(String spec) implements Condition {
        @Override
        public boolean admits(Version version) {
            return version.text().toLowerCase(Locale.ROOT).equals(spec.toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return "===" + spec;
        }
    }

    /** {@code ==1.2.*}: the candidate's public version, split and zero-padded, starts with the prefix. */
    private record Wildcard(List<String> prefix) implements Condition {
        @Override
        public boolean admits(Version version) {
            List<String> candidate = split(publicOf((PypiVersion) version).normalized());
            int numeric = numericPrefix(candidate);
            int want = numericPrefix(prefix);
            List<String> padded = new ArrayList<>(candidate.subList(0, numeric));
            while (padded.size() < want) padded.add("0");
            padded.addAll(candidate.subList(numeric, candidate.size()));
            return padded.size() >= prefix.size() && padded.subList(0, prefix.size()).equals(prefix);
        }

        @Override
        public String toString() {
            return "==" + prefix.get(0) + "!" + String.join(".", prefix.subList(1, prefix.size())) + ".*";
        }
    }

    private static int numericPrefix(List<String> split) {
        int n = 0;
        while (n < split.size() && !split.get(n).isEmpty() && split.get(n).chars().allMatch(Character::isDigit)) n++;
        return n;
    }

    private static boolean lessThan(PypiVersion p, PypiVersion spec) {
        if (p.compareTo(spec) >= 0) return false;
        return spec.isPrerelease() || !p.isPrerelease() || p.compareTo(earliestPrerelease(spec)) < 0;
    }

    private static boolean greaterThan(PypiVersion p, PypiVersion spec) {
        if (p.compareTo(spec) <= 0) return false;
        Matcher pm = parts(p);
        if (parts(spec).group(4) == null && pm.group(4) != null && postBase(pm).compareTo(spec) == 0) return false;
        return pm.group(6) == null || publicOf(p).compareTo(spec) != 0;
    }

    private static boolean equal(PypiVersion p, PypiVersion spec) {
        boolean specHasLocal = parts(spec).group(6) != null;
        return (specHasLocal ? p : publicOf(p)).compareTo(spec) == 0;
    }

    private static Matcher parts(PypiVersion v) {
        Matcher m = NORMALIZED.matcher(v.normalized());
        if (!m.matches()) throw new IllegalStateException("unexpected normalized PEP 440 version " + v.normalized());
        return m;
    }

    private static PypiVersion publicOf(PypiVersion v) {
        String n = v.normalized();
        int plus = n.indexOf('+');
        return plus < 0 ? v : reparse(n.substring(0, plus));
    }

    /** The version {@code v} is a post-release of: without post, dev and local. */
    private static PypiVersion postBase(Matcher m) {
        return reparse(epochPrefix(m) + m.group(2) + (m.group(3) == null ? "" : m.group(3)));
    }

    /** {@code 1.2} gives {@code 1.2.dev0}, {@code 1.2.post1} gives {@code 1.2.post1.dev0}. */
    private static PypiVersion earliestPrerelease(PypiVersion v) {
        Matcher m = parts(v);
        return reparse(epochPrefix(m) + m.group(2) + (m.group(3) == null ? "" : m.group(3))
                + (m.group(4) == null ? "" : ".post" + m.group(4)) + ".dev0");
    }

    private static String epochPrefix(Matcher m) {
        return m.group(1) == null ? "" : m.group(1) + "!";
    }

    private static PypiVersion reparse(String normalized) {
        try {
            return PypiVersionScheme.INSTANCE.parse(normalized);
        } catch (InvalidVersionException e) {
            throw new IllegalStateException("a normalized PEP 440 version did not parse: " + normalized, e);
        }
    }

    private PypiVersion parseVersion(String text, int index, String spec) throws InvalidRangeException {
        try {
            return PypiVersionScheme.INSTANCE.parse(spec);
        } catch (InvalidVersionException e) {
            throw new InvalidRangeException(name(), text, index, "expected a PEP 440 version: " + e.getMessage());
        }
    }

    private String normalized(String text, int index, String spec) throws InvalidRangeException {
        return parseVersion(text, index, spec).normalized();
    }

    /** packaging's {@code canonicalize_version(v, strip_trailing_zero=False)}: invalid text is kept as it is. */
    private static String canonical(String v) {
        try {
            return PypiVersionScheme.INSTANCE.parse(v).normalized();
        } catch (InvalidVersionException e) {
            return v;
        }
    }

    /** packaging's {@code _version_split}: epoch, then dot-separated items, {@code 0rc1} split in two. */
    static List<String> split(String version) {
        List<String> out = new ArrayList<>();
        int bang = version.lastIndexOf('!');
        out.add(bang < 0 || bang == 0 ? "0" : version.substring(0, bang));
        for (String item : version.substring(bang + 1).split("\\.", -1)) {
            Matcher m = PREFIX.matcher(item);
            if (m.matches()) {
                out.add(m.group(1));
                out.add(m.group(2));
            } else {
                out.add(item);
            }
        }
        return out;
    }
}
