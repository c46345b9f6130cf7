package org.patchgap.core.version.go;

import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.VersionScheme;
import org.patchgap.core.version.semver.SemVer;
import org.patchgap.core.version.semver.SemVerVersion;

/**
 * Go module versions, ordered as {@code golang.org/x/mod/semver.Compare} orders them (docs/ecosystems/go.md).
 *
 * <p>Go writes {@code v1.2.3}; OSV's Go advisories write {@code 1.2.3}. Both spellings are accepted and are equal.
 * Pseudo-versions ({@code v0.0.0-20200101000000-abcdef123456}, {@code v1.2.4-0.20200101000000-abcdef123456},
 * {@code v1.2.3-pre.0.20200101000000-abcdef123456}) are ordinary pre-releases and sort by the semver rules, which
 * is what makes them fall between the tags around their commit. Build metadata, including
 * {@code +incompatible}, does not count: {@code v2.0.0+incompatible} equals {@code v2.0.0}, as in x/mod.
 * The shorthands {@code v1} and {@code v1.2} that x/mod accepts mean {@code v1.0.0} and {@code v1.2.0}; like
 * x/mod, a shorthand cannot carry a pre-release or build suffix.
 */
public final class GoVersionScheme implements VersionScheme {

    public static final GoVersionScheme INSTANCE = new GoVersionScheme();

    private GoVersionScheme() {}

    @Override
    public String name() {
        return "Go";
    }

    @Override
    public Version parse(String text) throws InvalidVersionException {
        if (text == null || text.isEmpty()) {
            throw new InvalidVersionException(name(), String.valueOf(text), "empty version");
        }
        String core = text.startsWith("v") ? text.substring(1) : text;
        return new SemVerVersion(text, SemVer.parse(name(), text, expandShorthand(text, core)), this);
    }

    /** x/mod accepts vMAJOR and vMAJOR.MINOR only without a suffix; they mean .0 for what is missing. */
    private String expandShorthand(String text, String core) throws InvalidVersionException {
        int suffix = indexOfAny(core, '-', '+');
        String numbers = suffix < 0 ? core : core.substring(0, suffix);
        long dots = numbers.chars().filter(c -> c == '.').count();
        if (dots >= 2) {
            return core;
        }
        if (suffix >= 0) {
            throw new InvalidVersionException(name(), text,
                    "a shorthand version (MAJOR or MAJOR.MINOR) cannot have a pre-release or build suffix");
        }
        return dots == 1 ? core + ".0" : core + ".0.0";
    }

    private static int indexOfAny(String s, char a, char b) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == a || s.charAt(i) == b) return i;
        }
        return -1;
    }

    private static final java.util.regex.Pattern PSEUDO =
            java.util.regex.Pattern.compile("(?:.*\\.)?(?:0\\.)?\\d{14}-[0-9a-f]{12}");

    /** Whether {@code version} is a Go pseudo-version (a pre-release naming a commit time and hash). */
    public static boolean isPseudoVersion(Version version) {
        if (!(version instanceof SemVerVersion g) || g.scheme() != INSTANCE) {
            throw new IllegalArgumentException("not a Go version: " + version.text());
        }
        // x/mod/module.IsPseudoVersion: the last pre-release identifiers are a 14-digit time and a 12-hex hash.
        return !g.semver().prerelease().isEmpty()
                && PSEUDO.matcher(String.join(".", g.semver().prerelease())).matches();
    }
}
