package org.patchgap.core.version.npm;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.VersionScheme;

/**
 * npm package versions: SemVer 2.0.0 as node-semver reads it in its default (strict, non-loose) mode, the mode of
 * {@code semver.valid} and {@code semver.compare} (docs/versions.md, "npm").
 *
 * <p>Accepted: at most 256 characters; surrounding white space (JavaScript's {@code trim}); an optional leading
 * {@code v} (but not {@code =}, which only the loose mode allows); {@code MAJOR.MINOR.PATCH} without leading
 * zeros and each at most 2<sup>53</sup>-1; an optional {@code -pre.release} of numeric (no leading zero) or
 * alphanumeric identifiers; an optional {@code +build} that does not take part in the order.
 */
public final class NpmVersionScheme implements VersionScheme {

    /** The one instance, registered for {@code npm}. */
    public static final NpmVersionScheme INSTANCE = new NpmVersionScheme();

    /** node-semver's MAX_LENGTH, checked on the untrimmed text. */
    static final int MAX_LENGTH = 256;

    /** JavaScript's Number.MAX_SAFE_INTEGER. */
    static final long MAX_SAFE_INTEGER = 9_007_199_254_740_991L;

    private static final String NUMERIC = "0|[1-9][0-9]*";
    private static final String NON_NUMERIC = "[0-9]*[a-zA-Z-][a-zA-Z0-9-]*";
    private static final String PRERELEASE_ID = "(?:" + NON_NUMERIC + "|" + NUMERIC + ")";
    private static final String BUILD_ID = "[a-zA-Z0-9-]+";
    private static final Pattern FULL = Pattern.compile("v?(" + NUMERIC + ")\\.(" + NUMERIC + ")\\.(" + NUMERIC + ")"
            + "(?:-(" + PRERELEASE_ID + "(?:\\." + PRERELEASE_ID + ")*))?"
            + "(?:\\+(" + BUILD_ID + "(?:\\." + BUILD_ID + ")*))?");

    private NpmVersionScheme() {}

    @Override
    public String name() {
        return "npm";
    }

    @Override
    public Version parse(@Nullable String text) throws InvalidVersionException {
        if (text == null) {
            throw invalid("null", "empty version");
        }
        if (text.length() > MAX_LENGTH) {
            throw invalid(text, "longer than " + MAX_LENGTH + " characters");
        }
        String trimmed = JavaScript.trim(text);
        if (trimmed.isEmpty()) {
            throw invalid(text, "empty version");
        }
        NpmVersion release = plainRelease(text, trimmed);
        if (release != null) {
            return release;
        }
        Matcher m = FULL.matcher(trimmed);
        if (!m.matches()) {
            throw invalid(text, "not a semantic version (expected MAJOR.MINOR.PATCH[-prerelease][+build], "
                    + "numbers without leading zeros)");
        }
        long major = core(text, "major", m.group(1));
        long minor = core(text, "minor", m.group(2));
        long patch = core(text, "patch", m.group(3));
        List<NpmVersion.Identifier> prerelease = new ArrayList<>();
        if (m.group(4) != null) {
            for (String id : m.group(4).split("\\.", -1)) {
                prerelease.add(identifier(id));
            }
        }
        return new NpmVersion(text, major, minor, patch, List.copyOf(prerelease));
    }

    /**
     * The common case, {@code [v]MAJOR.MINOR.PATCH} and nothing else, read without the regular expression (a
     * third of the cost of a version check). Returns null for anything else, including every invalid text, which
     * the full grammar then reads or rejects with its reason: this path accepts a subset of it, never more.
     */
    private static @Nullable NpmVersion plainRelease(String text, String trimmed) {
        int length = trimmed.length();
        int i = trimmed.charAt(0) == 'v' ? 1 : 0;
        long[] parts = new long[3];
        for (int p = 0; p < 3; p++) {
            int start = i;
            long value = 0;
            while (i < length && trimmed.charAt(i) >= '0' && trimmed.charAt(i) <= '9') {
                value = value * 10 + (trimmed.charAt(i) - '0');
                i++;
            }
            int digits = i - start;
            if (digits == 0 || digits > 15 || digits > 1 && trimmed.charAt(start) == '0') return null;
            parts[p] = value;
            if (p < 2) {
                if (i >= length || trimmed.charAt(i) != '.') return null;
                i++;
            }
        }
        return i == length ? new NpmVersion(text, parts[0], parts[1], parts[2], List.of()) : null;
    }

    private long core(String text, String which, String digits) throws InvalidVersionException {
        // node-semver converts with JavaScript's Number and rejects anything above MAX_SAFE_INTEGER.
        if (digits.length() > 16 || Long.parseLong(digits) > MAX_SAFE_INTEGER) {
            throw invalid(text, which + " version is larger than " + MAX_SAFE_INTEGER);
        }
        return Long.parseLong(digits);
    }

    /**
     * An all-digit identifier compares by its value as a JavaScript number (a double), as node-semver's
     * {@code compareIdentifiers} does, which matters only above 2<sup>53</sup>.
     */
    private static NpmVersion.Identifier identifier(String id) {
        if (allDigits(id)) {
            return new NpmVersion.Identifier(id, true, Double.parseDouble(id));
        }
        return new NpmVersion.Identifier(id, false, 0);
    }

    private static boolean allDigits(String id) {
        if (id.isEmpty()) return false;
        for (int i = 0; i < id.length(); i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') return false;
        }
        return true;
    }

    private InvalidVersionException invalid(String text, String reason) {
        return new InvalidVersionException(name(), text, reason);
    }
}
