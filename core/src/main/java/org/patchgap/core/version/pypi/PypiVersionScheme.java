package org.patchgap.core.version.pypi;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.VersionScheme;

/**
 * Python package versions: PEP 440 as the {@code packaging} library (26.x) parses and orders them
 * (docs/versions.md, "PyPI").
 *
 * <p>Accepts the spellings {@code packaging} accepts and normalises: any case, surrounding white space, a leading
 * {@code v}, separators {@code . _ -} around pre, post and dev labels, the long labels {@code alpha beta c pre
 * preview rev r}, implicit numbers ({@code 1.0.post} is {@code 1.0.post0}) and the implicit post release
 * {@code 1.0-1}. {@link PypiVersion#normalized()} gives the canonical text.
 *
 * <pre>{@code
 * PypiVersion v = PypiVersionScheme.INSTANCE.parse("1.0-ALPHA.1");
 * assert v.normalized().equals("1.0a1");
 * }</pre>
 */
public final class PypiVersionScheme implements VersionScheme {

    /** The one instance, registered for {@code PyPI}. */
    public static final PypiVersionScheme INSTANCE = new PypiVersionScheme();

    /**
     * packaging's VERSION_PATTERN with the possessive quantifiers it uses on Python 3.11.5+, matched
     * case-insensitively in ASCII (its {@code (?a:)} group); Java group names cannot hold underscores.
     */
    private static final Pattern VERSION = Pattern.compile("""
            v?+
            (?:(?<epoch>[0-9]+)!)?+
            (?<release>[0-9]+(?:\\.[0-9]+)*+)
            (?<pre>[._-]?+(?<preL>alpha|a|beta|b|preview|pre|c|rc)[._-]?+(?<preN>[0-9]+)?)?+
            (?<post>(?:-(?<postN1>[0-9]+))|(?:[._-]?(?<postL>post|rev|r)[._-]?(?<postN2>[0-9]+)?))?+
            (?<dev>[._-]?+(?<devL>dev)[._-]?+(?<devN>[0-9]+)?)?+
            (?:\\+(?<local>[a-z0-9]+(?:[._-][a-z0-9]+)*+))?+
            """, Pattern.COMMENTS | Pattern.CASE_INSENSITIVE);

    private static final Pattern LOCAL_SEPARATOR = Pattern.compile("[._-]");

    private PypiVersionScheme() {}

    @Override
    public String name() {
        return "PyPI";
    }

    @Override
    public PypiVersion parse(@Nullable String text) throws InvalidVersionException {
        if (text == null) {
            throw invalid("null", "empty version");
        }
        String stripped = stripPythonWhiteSpace(text);
        if (stripped.isEmpty()) {
            throw invalid(text, "empty version");
        }
        Matcher m = VERSION.matcher(stripped);
        if (!m.matches()) {
            throw invalid(text, "not a PEP 440 version (expected [N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local])");
        }
        BigInteger epoch = m.group("epoch") == null ? BigInteger.ZERO : new BigInteger(m.group("epoch"));
        List<BigInteger> release = new ArrayList<>();
        for (String part : m.group("release").split("\\.")) {
            release.add(new BigInteger(part));
        }
        PypiVersion.Pre pre = null;
        if (m.group("preL") != null) {
            pre = new PypiVersion.Pre(preLabel(m.group("preL")), number(m.group("preN")));
        }
        BigInteger post = null;
        if (m.group("postN1") != null) {
            post = new BigInteger(m.group("postN1"));
        } else if (m.group("postL") != null) {
            post = number(m.group("postN2"));
        }
        BigInteger dev = m.group("devL") == null ? null : number(m.group("devN"));
        List<Object> local = null;
        if (m.group("local") != null) {
            List<Object> parts = new ArrayList<>();
            for (String part : LOCAL_SEPARATOR.split(m.group("local"), -1)) {
                parts.add(isAsciiDigits(part) ? new BigInteger(part) : part.toLowerCase(Locale.ROOT));
            }
            local = List.copyOf(parts);
        }
        return new PypiVersion(text, epoch, List.copyOf(release), pre, post, dev, local);
    }

    /** The canonical text of a version, such as {@code 1.0a1} for {@code 1.0-ALPHA.1}. */
    public String normalize(String text) throws InvalidVersionException {
        return parse(text).normalized();
    }

    private static PypiVersion.Label preLabel(String spelled) {
        return switch (spelled.toLowerCase(Locale.ROOT)) {
            case "a", "alpha" -> PypiVersion.Label.A;
            case "b", "beta" -> PypiVersion.Label.B;
            default -> PypiVersion.Label.RC; // rc, c, pre, preview
        };
    }

    /** A label without a number has an implicit 0 ({@code 1.0a} is {@code 1.0a0}). */
    private static BigInteger number(@Nullable String digits) {
        return digits == null ? BigInteger.ZERO : new BigInteger(digits);
    }

    private static boolean isAsciiDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        }
        return !s.isEmpty();
    }

    /** Strips what Python's {@code \s} matches in a str pattern ({@code str.isspace}), as packaging's regex does. */
    static String stripPythonWhiteSpace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isPythonSpace(s.charAt(start))) start++;
        while (end > start && isPythonSpace(s.charAt(end - 1))) end--;
        return s.substring(start, end);
    }

    static boolean isPythonSpace(char c) {
        return (c >= '\t' && c <= '\r') || (c >= '\u001C' && c <= ' ') || c == '\u0085' || c == '\u00A0'
                || c == '\u1680' || (c >= '\u2000' && c <= '\u200A') || c == '\u2028' || c == '\u2029'
                || c == '\u202F' || c == '\u205F' || c == '\u3000';
    }

    private InvalidVersionException invalid(String text, String reason) {
        return new InvalidVersionException(name(), text, reason);
    }
}
