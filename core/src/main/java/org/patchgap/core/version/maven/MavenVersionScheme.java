package org.patchgap.core.version.maven;

import org.apache.maven.artifact.versioning.ComparableVersion;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.VersionScheme;

/**
 * Maven artifact versions, ordered by Maven's own {@code ComparableVersion} (maven-artifact), the order Maven uses
 * to compare versions (docs/versions.md, "Maven").
 *
 * <p>{@code ComparableVersion} accepts any string. We reject what cannot be a version in a Maven coordinate: an
 * empty or blank string, any white space or control character, the characters Maven's model validator bans from
 * versions ({@code \ / : " < > | ? *}) and the brackets and comma of version range syntax ({@code [1.0,2.0)} is a
 * range, not a version).
 */
public final class MavenVersionScheme implements VersionScheme {

    /** The one instance, registered for {@code Maven}. */
    public static final MavenVersionScheme INSTANCE = new MavenVersionScheme();

    private static final String BANNED = "\\/:\"<>|?*";
    private static final String RANGE_SYNTAX = "[](),";

    private MavenVersionScheme() {}

    @Override
    public String name() {
        return "Maven";
    }

    @Override
    public Version parse(@Nullable String text) throws InvalidVersionException {
        if (text == null || text.isEmpty()) {
            throw invalid(String.valueOf(text), "empty version");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                throw invalid(text, "contains white space at index " + i);
            }
            if (Character.isISOControl(c)) {
                throw invalid(text, "contains a control character at index " + i);
            }
            if (BANNED.indexOf(c) >= 0) {
                throw invalid(text, "contains '" + c + "', which Maven does not allow in a version");
            }
            if (RANGE_SYNTAX.indexOf(c) >= 0) {
                throw invalid(text, "contains '" + c + "': version range syntax, not a version");
            }
        }
        return new MavenVersion(text, new ComparableVersion(text));
    }

    private InvalidVersionException invalid(String text, String reason) {
        return new InvalidVersionException(name(), text, reason);
    }
}
