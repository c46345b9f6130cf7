package org.patchgap.core.version.hex;

import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.VersionScheme;
import org.patchgap.core.version.semver.SemVer;
import org.patchgap.core.version.semver.SemVerVersion;

/**
 * Hex packages, ordered as Elixir's Version.compare/2 orders them (docs/ecosystems/hex.md).
 *
 * <p>Strict {@code MAJOR.MINOR.PATCH[-PRE][+BUILD]}. No prefix is accepted: Elixir's {@code Version.parse("v1.0.0")} fails. Build metadata does not count in the
 * order, so two versions that differ only in it are equal.
 */
public final class HexVersionScheme implements VersionScheme {

    public static final HexVersionScheme INSTANCE = new HexVersionScheme();

    private HexVersionScheme() {}

    @Override
    public String name() {
        return "Hex";
    }

    @Override
    public Version parse(String text) throws InvalidVersionException {
        if (text == null || text.isEmpty()) {
            throw new InvalidVersionException(name(), String.valueOf(text), "empty version");
        }
        String core = text;
        return new SemVerVersion(text, SemVer.parse(name(), text, core), this);
    }
}
