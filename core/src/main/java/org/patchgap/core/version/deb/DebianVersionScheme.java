package org.patchgap.core.version.deb;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.VersionScheme;

/**
 * Debian and Ubuntu package versions, {@code [epoch:]upstream[-revision]}, in dpkg's order (docs/versions.md,
 * "Debian").
 *
 * <p>Parsing accepts exactly what {@code dpkg --compare-versions} accepts: the strings dpkg rejects with an
 * error (empty, embedded blanks, a bad epoch, an empty upstream or revision) are invalid; the strings dpkg only
 * warns about (an upstream that does not start with a digit, characters outside {@code [A-Za-z0-9.+~:-]}) are
 * accepted and ordered as dpkg orders them, because dpkg itself goes on to compare them. Deliberate difference:
 * dpkg's placeholders for "no version", the empty string and {@code <unknown>}, are invalid here.
 *
 * <pre>{@code
 * Version fixed = DebianVersionScheme.INSTANCE.parse("1.0-1+deb12u1");
 * Version installed = DebianVersionScheme.INSTANCE.parse("1.0-1");
 * assert installed.compareTo(fixed) < 0;
 * }</pre>
 */
public final class DebianVersionScheme implements VersionScheme {

    /** The one instance, registered for both {@code Debian} and {@code Ubuntu}. */
    public static final DebianVersionScheme INSTANCE = new DebianVersionScheme();

    /** dpkg stores the epoch as an int and rejects anything larger. */
    private static final long MAX_EPOCH = Integer.MAX_VALUE;

    private DebianVersionScheme() {}

    @Override
    public String name() {
        return "Debian";
    }

    @Override
    public Version parse(@Nullable String text) throws InvalidVersionException {
        if (text == null) {
            throw invalid("null", "version string is empty");
        }
        if ("<unknown>".equals(text)) {
            throw invalid(text, "'<unknown>' is dpkg's placeholder for no version, not a version");
        }
        if (text.indexOf('\0') >= 0) {
            // dpkg sees C strings: everything after a NUL would silently vanish.
            throw invalid(text, "version string contains a NUL character");
        }
        // dpkg works on bytes; so do we, so that non-ASCII text orders exactly as dpkg orders it.
        byte[] s = text.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        while (start < s.length && isBlank(s[start])) start++;
        if (start == s.length) {
            throw invalid(text, "version string is empty");
        }
        int end = start;
        while (end < s.length && !isBlank(s[end])) end++;
        for (int p = end; p < s.length; p++) {
            if (!isBlank(s[p])) {
                throw invalid(text, "version string has embedded spaces");
            }
        }

        int epoch = 0;
        int versionStart = start;
        int colon = indexOf(s, (byte) ':', start, end);
        if (colon >= 0) {
            epoch = parseEpoch(text, s, start, colon);
            if (colon + 1 == end) {
                throw invalid(text, "nothing after colon in version number");
            }
            versionStart = colon + 1;
        }
        // The revision starts after the last hyphen, so the upstream part may itself contain hyphens.
        int hyphen = lastIndexOf(s, (byte) '-', versionStart, end);
        int upstreamEnd = end;
        byte[] revision = new byte[0];
        if (hyphen >= 0) {
            if (hyphen + 1 == end) {
                throw invalid(text, "revision number is empty");
            }
            revision = Arrays.copyOfRange(s, hyphen + 1, end);
            upstreamEnd = hyphen;
        }
        if (upstreamEnd == versionStart) {
            throw invalid(text, "version number is empty");
        }
        return new DebianVersion(text, epoch, Arrays.copyOfRange(s, versionStart, upstreamEnd), revision);
    }

    /**
     * The epoch as dpkg reads it with {@code strtol}: C white space, an optional sign, then digits that must run
     * exactly up to the colon; the value must lie in {@code 0..INT_MAX} (so {@code -0} is accepted, as by dpkg).
     */
    private int parseEpoch(String text, byte[] s, int from, int colon) throws InvalidVersionException {
        int p = from;
        while (p < colon && isCSpace(s[p])) p++;
        boolean negative = false;
        if (p < colon && (s[p] == '+' || s[p] == '-')) {
            negative = s[p] == '-';
            p++;
        }
        int digitsStart = p;
        while (p < colon && isDigit(s[p])) p++;
        if (p == digitsStart) {
            throw invalid(text, "epoch in version is empty");
        }
        if (p != colon) {
            throw invalid(text, "epoch in version is not number");
        }
        int significant = digitsStart;
        while (significant < colon - 1 && s[significant] == '0') significant++;
        long value = colon - significant > 10 ? Long.MAX_VALUE
                : Long.parseLong(new String(s, significant, colon - significant, StandardCharsets.US_ASCII));
        if (negative && value != 0) {
            throw invalid(text, "epoch in version is negative");
        }
        if (value > MAX_EPOCH) {
            throw invalid(text, "epoch in version is too big");
        }
        return (int) value;
    }

    private InvalidVersionException invalid(String text, String reason) {
        return new InvalidVersionException(name(), text, reason);
    }

    /** C's {@code isblank}: only space and tab; dpkg trims these and rejects them inside a version. */
    private static boolean isBlank(byte c) {
        return c == ' ' || c == '\t';
    }

    /** C's {@code isspace} in the C locale, which {@code strtol} skips before the number. */
    private static boolean isCSpace(byte c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static int indexOf(byte[] s, byte c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s[i] == c) return i;
        }
        return -1;
    }

    private static int lastIndexOf(byte[] s, byte c, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (s[i] == c) return i;
        }
        return -1;
    }
}
