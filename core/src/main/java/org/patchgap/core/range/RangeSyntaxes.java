package org.patchgap.core.range;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.patchgap.core.version.VersionScheme;
import org.patchgap.core.version.VersionSchemes;

/**
 * The one explicit registry from an OSV ecosystem to its native range syntax ({@code npm} to node-semver ranges,
 * {@code PyPI} to PEP 440 specifiers, ...). A text starting with {@code vers:} is always a vers URI, whatever the
 * ecosystem, and its versioning scheme must order versions as the ecosystem does.
 */
public final class RangeSyntaxes {

    private static final Map<String, RangeSyntax> BY_ECOSYSTEM = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    static {
        // One line per ecosystem. Keep alphabetical.
        BY_ECOSYSTEM.put("crates.io", CargoRangeSyntax.INSTANCE);
        BY_ECOSYSTEM.put("Maven", MavenRangeSyntax.INSTANCE);
        BY_ECOSYSTEM.put("npm", NpmRangeSyntax.INSTANCE);
        BY_ECOSYSTEM.put("NuGet", NuGetRangeSyntax.INSTANCE);
        BY_ECOSYSTEM.put("Packagist", ComposerRangeSyntax.INSTANCE);
        BY_ECOSYSTEM.put("PyPI", Pep440RangeSyntax.INSTANCE);
        BY_ECOSYSTEM.put("RubyGems", RubyGemsRangeSyntax.INSTANCE);
    }

    private RangeSyntaxes() {}

    /** The native range syntax of {@code ecosystem} ({@code "npm"}, {@code "PyPI"}, ...), if we read one. */
    public static Optional<RangeSyntax> find(String ecosystem) {
        return Optional.ofNullable(BY_ECOSYSTEM.get(VersionSchemes.baseOf(ecosystem)));
    }

    /** The vers URI syntax ({@code vers:npm/>=1.0.0|<2.0.0}). */
    public static RangeSyntax vers() {
        return VersRangeSyntax.INSTANCE;
    }

    /**
     * Parses a range of {@code ecosystem}: a {@code vers:} URI, or the ecosystem's native syntax.
     *
     * @throws InvalidRangeException when the text is not a valid range, when the ecosystem has no native syntax we
     *     read, or when a vers URI's versioning scheme orders versions differently from the ecosystem
     */
    public static VersionRange parse(String ecosystem, String text) throws InvalidRangeException {
        if (text.stripLeading().startsWith("vers:")) {
            String versScheme = VersRangeSyntax.schemeOf(text).orElse("");
            Optional<String> versEcosystem = VersRangeSyntax.ecosystemOf(versScheme);
            VersionScheme ours = VersionSchemes.forEcosystem(ecosystem);
            if (versEcosystem.isPresent() && VersionSchemes.forEcosystem(versEcosystem.get()) != ours) {
                throw new InvalidRangeException("vers", text, text.indexOf(':') + 1, "expected a versioning scheme "
                        + "that orders versions as " + ecosystem + " does, found '" + versScheme + "'");
            }
            return VersRangeSyntax.INSTANCE.parse(text.strip());
        }
        RangeSyntax syntax = find(ecosystem).orElse(null);
        if (syntax == null) {
            throw new InvalidRangeException(ecosystem, text, 0, "expected a vers: URI (no native range syntax is read"
                    + " for " + ecosystem + "; native syntaxes: " + BY_ECOSYSTEM.keySet() + ")");
        }
        return syntax.parse(text);
    }
}
