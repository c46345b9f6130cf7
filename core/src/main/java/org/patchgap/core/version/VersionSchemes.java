package org.patchgap.core.version;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.patchgap.core.version.alpine.AlpineVersionScheme;
import org.patchgap.core.version.cran.CranVersionScheme;
import org.patchgap.core.version.cratesio.CratesIoVersionScheme;
import org.patchgap.core.version.deb.DebianVersionScheme;
import org.patchgap.core.version.generic.GenericVersionScheme;
import org.patchgap.core.version.go.GoVersionScheme;
import org.patchgap.core.version.hackage.HackageVersionScheme;
import org.patchgap.core.version.hex.HexVersionScheme;
import org.patchgap.core.version.maven.MavenVersionScheme;
import org.patchgap.core.version.npm.NpmVersionScheme;
import org.patchgap.core.version.nuget.NuGetVersionScheme;
import org.patchgap.core.version.packagist.PackagistVersionScheme;
import org.patchgap.core.version.pub.PubVersionScheme;
import org.patchgap.core.version.pypi.PypiVersionScheme;
import org.patchgap.core.version.rpm.RpmVersionScheme;
import org.patchgap.core.version.rubygems.RubyGemsVersionScheme;
import org.patchgap.core.version.swifturl.SwiftUrlVersionScheme;
import org.patchgap.core.version.windows.WindowsVersionScheme;

/**
 * The one explicit registry from an OSV ecosystem name to its {@link VersionScheme}. Registration is this
 * list, not classpath scanning: adding an ecosystem is one line here plus its own package.
 *
 * <p>Ecosystem names are OSV's ({@code npm}, {@code PyPI}, {@code Maven}, {@code Debian:12}, ...). The part
 * after the first {@code ':'} names a release and does not change the order. Lookup ignores case so that a
 * user can type {@code pypi}; the registry keeps OSV's spelling as the canonical one.
 */
public final class VersionSchemes {

    private static final Map<String, VersionScheme> BY_ECOSYSTEM = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private static final Map<String, String> CANONICAL = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    static {
        // One line per ecosystem. Keep alphabetical.
        register("AlmaLinux", RpmVersionScheme.INSTANCE);
        register("Alpine", AlpineVersionScheme.INSTANCE);
        register("Azure Linux", RpmVersionScheme.INSTANCE);
        register("Bioconductor", CranVersionScheme.INSTANCE);
        register("Chainguard", AlpineVersionScheme.INSTANCE);
        register("CRAN", CranVersionScheme.INSTANCE);
        register("crates.io", CratesIoVersionScheme.INSTANCE);
        register("Debian", DebianVersionScheme.INSTANCE);
        register("Go", GoVersionScheme.INSTANCE);
        register("Hackage", HackageVersionScheme.INSTANCE);
        register("Hex", HexVersionScheme.INSTANCE);
        register("Mageia", RpmVersionScheme.INSTANCE);
        register("Maven", MavenVersionScheme.INSTANCE);
        register("npm", NpmVersionScheme.INSTANCE);
        register("NuGet", NuGetVersionScheme.INSTANCE);
        register("openEuler", RpmVersionScheme.INSTANCE);
        register("openSUSE", RpmVersionScheme.INSTANCE);
        register("Packagist", PackagistVersionScheme.INSTANCE);
        register("Photon OS", RpmVersionScheme.INSTANCE);
        register("Pub", PubVersionScheme.INSTANCE);
        register("PyPI", PypiVersionScheme.INSTANCE);
        register("Red Hat", RpmVersionScheme.INSTANCE);
        register("Rocky Linux", RpmVersionScheme.INSTANCE);
        register("RubyGems", RubyGemsVersionScheme.INSTANCE);
        register("SUSE", RpmVersionScheme.INSTANCE);
        register("SwiftURL", SwiftUrlVersionScheme.INSTANCE);
        register("Ubuntu", DebianVersionScheme.INSTANCE);
        register("Windows", WindowsVersionScheme.INSTANCE);
        register("Wolfi", AlpineVersionScheme.INSTANCE);
    }

    private VersionSchemes() {}

    private static void register(String ecosystem, VersionScheme scheme) {
        BY_ECOSYSTEM.put(ecosystem, scheme);
        CANONICAL.put(ecosystem, ecosystem);
    }

    /** The scheme of an ecosystem we know, or empty. {@code "Debian:12"} finds Debian's scheme. */
    public static Optional<VersionScheme> find(String ecosystem) {
        return Optional.ofNullable(BY_ECOSYSTEM.get(baseOf(ecosystem)));
    }

    /** The scheme of {@code ecosystem}, or the documented generic order for one we do not know. */
    public static VersionScheme forEcosystem(String ecosystem) {
        return find(ecosystem).orElse(GenericVersionScheme.INSTANCE);
    }

    /** OSV's spelling of a known ecosystem ({@code pypi:x} becomes {@code PyPI:x}); unknown names unchanged. */
    public static String canonicalName(String ecosystem) {
        String base = baseOf(ecosystem);
        String canonical = CANONICAL.get(base);
        return canonical == null ? ecosystem : canonical + ecosystem.substring(base.length());
    }

    /** The ecosystems with an exact scheme, in OSV spelling. */
    public static java.util.Set<String> known() {
        return java.util.Collections.unmodifiableSet(CANONICAL.keySet());
    }

    /** {@code "Debian:12"} to {@code "Debian"}. */
    public static String baseOf(String ecosystem) {
        int colon = ecosystem.indexOf(':');
        return colon < 0 ? ecosystem : ecosystem.substring(0, colon);
    }

}
