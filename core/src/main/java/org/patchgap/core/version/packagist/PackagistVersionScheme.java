package org.patchgap.core.version.packagist;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.VersionScheme;

/**
 * Packagist (Composer) versions: normalised as composer/semver's {@code VersionParser::normalize} does, then
 * ordered as Composer compares normalised versions, with PHP's {@code version_compare}
 * (docs/ecosystems/packagist.md).
 *
 * <p>{@code v1.0}, {@code 1.0.0} and {@code 1.0.0.0} all normalise to {@code 1.0.0.0}; stability suffixes become
 * {@code -dev}, {@code -alpha}, {@code -beta}, {@code -RC} or {@code -patch} with their number
 * ({@code 1.0-b2} is {@code 1.0.0.0-beta2}); build metadata is dropped; date versions such as {@code 2010-01-02}
 * become {@code 2010.01.02}; {@code 1.x-dev} becomes {@code 1.9999999.9999999.9999999-dev}. Text Composer cannot
 * normalise is rejected with its reason.
 *
 * <p>Order: {@code dev < alpha < beta < RC < release < patch}, numbers by value. Branch versions
 * ({@code dev-main}, and {@code master}, {@code trunk}, {@code default}) sort below every numbered version, as
 * Composer's {@code Comparator} says. Composer does not order two different branches at all (neither is less,
 * greater or equal); to keep a total order this scheme orders them by name, and only the same branch is equal.
 */
public final class PackagistVersionScheme implements VersionScheme {

    public static final PackagistVersionScheme INSTANCE = new PackagistVersionScheme();

    // VersionParser's modifier: stability keyword with an optional number, then an optional -dev.
    private static final String MODIFIER =
            "[._-]?(?:(stable|beta|b|RC|alpha|a|patch|pl|p)((?:[.-]?\\d+)*+)?)?([.-]?dev)?";
    private static final Pattern ALIAS = Pattern.compile("^([^,\\s]++) ++as ++([^,\\s]++)$");
    private static final Pattern STABILITY_FLAG =
            Pattern.compile("@(?:stable|RC|beta|alpha|dev)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern BUILD = Pattern.compile("^([^,\\s+]++)\\+[^\\s]++$");
    private static final Pattern CLASSIC = Pattern.compile(
            "^v?(\\d{1,5})(\\.\\d++)?(\\.\\d++)?(\\.\\d++)?" + MODIFIER + "$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE = Pattern.compile(
            "^v?(\\d{4}(?:[.:-]?\\d{2}){1,6}(?:[.:-]?\\d{1,3})?)" + MODIFIER + "$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DEV_SUFFIX = Pattern.compile("(.*?)[.-]?dev$", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMERIC_BRANCH = Pattern.compile(
            "^v?(\\d++)(\\.(?:\\d++|[xX*]))?(\\.(?:\\d++|[xX*]))?(\\.(?:\\d++|[xX*]))?$", Pattern.CASE_INSENSITIVE);

    private PackagistVersionScheme() {}

    @Override
    public String name() {
        return "Packagist";
    }

    @Override
    public Version parse(String text) throws InvalidVersionException {
        if (text == null) {
            throw new InvalidVersionException(name(), "null", "empty version");
        }
        String normalized = normalize(text);
        return new PackagistVersion(text, normalized, PhpVersionCompare.key(normalized));
    }

    /**
     * A version already in Composer's normalized form, as a constraint holds it, compared as Composer compares a
     * constraint's version: PHP's {@code version_compare} on the string as it is. Composer builds such strings that
     * it would not normalize again ({@code <1.0.0dev} is the constraint {@code < 1.0.0.0-dev-dev}).
     */
    public Version ofNormalized(String normalized) {
        return new PackagistVersion(normalized, normalized, PhpVersionCompare.key(normalized));
    }

    /** The version Composer would store for {@code text}. */
    public String normalize(String text) throws InvalidVersionException {
        String version = phpTrim(text);
        Matcher m = ALIAS.matcher(version);
        if (m.matches()) {
            version = m.group(1);
        }
        m = STABILITY_FLAG.matcher(version);
        if (m.find()) {
            version = version.substring(0, m.start());
        }
        if (version.equals("master") || version.equals("trunk") || version.equals("default")) {
            version = "dev-" + version;
        }
        if (version.regionMatches(true, 0, "dev-", 0, 4)) {
            return "dev-" + version.substring(4);
        }
        m = BUILD.matcher(version);
        if (m.matches()) {
            version = m.group(1);
        }
        m = CLASSIC.matcher(version);
        int index;
        if (m.matches()) {
            version = m.group(1) + orZero(m.group(2)) + orZero(m.group(3)) + orZero(m.group(4));
            index = 5;
        } else {
            m = DATE.matcher(version);
            if (m.matches()) {
                version = m.group(1).replaceAll("\\D", ".");
                index = 2;
            } else {
                index = -1;
            }
        }
        if (index > 0) {
            String stability = m.group(index);
            if (stability != null && !stability.isEmpty()) {
                if (stability.equals("stable")) {
                    return version;
                }
                String number = m.group(index + 1);
                version += "-" + expandStability(stability) + (number == null ? "" : ltrimDotDash(number));
            }
            String dev = m.group(index + 2);
            if (dev != null && !dev.isEmpty()) {
                version += "-dev";
            }
            return version;
        }
        m = DEV_SUFFIX.matcher(version);
        if (m.matches()) {
            String branch = normalizeNumericBranch(m.group(1));
            if (branch != null) {
                return branch;
            }
        }
        throw new InvalidVersionException(name(), text, "Composer cannot normalise it (expected a version such as "
                + "1.2.3, v1.2, 1.0.0-beta2, 2010-01-02, 1.x-dev or a branch dev-NAME)");
    }

    private static String orZero(String group) {
        return group == null || group.isEmpty() ? ".0" : group;
    }

    private static String ltrimDotDash(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == '.' || s.charAt(i) == '-')) i++;
        return s.substring(i);
    }

    private static String expandStability(String stability) {
        String s = stability.toLowerCase(Locale.ROOT);
        return switch (s) {
            case "a" -> "alpha";
            case "b" -> "beta";
            case "p", "pl" -> "patch";
            case "rc" -> "RC";
            default -> s;
        };
    }

    /** VersionParser::normalizeBranch for names like 1.x or 2.1.*; other names do not make a -dev version. */
    private static String normalizeNumericBranch(String name) {
        Matcher m = NUMERIC_BRANCH.matcher(phpTrim(name));
        if (!m.matches()) {
            return null;
        }
        StringBuilder version = new StringBuilder();
        for (int i = 1; i < 5; i++) {
            String g = m.group(i);
            version.append(g == null ? ".x" : g.replace('*', 'x').replace('X', 'x'));
        }
        return version.toString().replace("x", "9999999") + "-dev";
    }

    /** PHP's trim(): space, tab, newline, carriage return, NUL and vertical tab. */
    private static String phpTrim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isPhpSpace(s.charAt(start))) start++;
        while (end > start && isPhpSpace(s.charAt(end - 1))) end--;
        return s.substring(start, end);
    }

    private static boolean isPhpSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0 || c == 0x0B;
    }

    private record PackagistVersion(String text, String normalized, PhpVersionCompare.Key key) implements Version {

        @Override
        public VersionScheme scheme() {
            return INSTANCE;
        }

        boolean isBranch() {
            return normalized.startsWith("dev-");
        }

        @Override
        public int compareTo(Version o) {
            Version.requireSameScheme(this, o);
            PackagistVersion other = (PackagistVersion) o;
            if (isBranch() && other.isBranch()) {
                return Integer.signum(normalized.compareTo(other.normalized));
            }
            if (isBranch() != other.isBranch()) {
                return isBranch() ? -1 : 1;
            }
            return key.compareTo(other.key);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PackagistVersion v && compareTo(v) == 0;
        }

        @Override
        public int hashCode() {
            return isBranch() ? normalized.hashCode() : key.hashCode();
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
