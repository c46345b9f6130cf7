package org.patchgap.core.version.swifturl;

import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.VersionScheme;
import org.patchgap.core.version.semver.SemVer;
import org.patchgap.core.version.semver.SemVerVersion;

/**
 * Swift Package Manager versions (git tags), ordered by Semantic Versioning 2.0.0 precedence (docs/ecosystems/swifturl.md).
 *
 * <p>Strict {@code MAJOR.MINOR.PATCH[-PRE][+BUILD]}. A leading {@code v}, which SwiftPM strips from tags, is accepted. Build metadata does not count in the
 * order, so two versions that differ only in it are equal.
 */
public final class SwiftUrlVersionScheme implements VersionScheme {

    public static final SwiftUrlVersionScheme INSTANCE = new SwiftUrlVersionScheme();

    private SwiftUrlVersionScheme() {}

    @Override
    public String name() {
        return "SwiftURL";
    }

    @Override
    public Version parse(String text) throws InvalidVersionException {
        if (text == null || text.isEmpty()) {
            throw new InvalidVersionException(name(), String.valueOf(text), "empty version");
        }
        // SwiftPM reads a tag "v1.2.3" as version 1.2.3.
        String core = text.startsWith("v") ? text.substring(1) : text;
        return new SemVerVersion(text, SemVer.parse(name(), text, core), this);
    }
}
