package org.patchgap.core.purl;

import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The purl type to OSV ecosystem table. OSV spellings are those of ossf/osv-schema {@code ecosystems.json};
 * the table and its reasons are documented in {@code docs/formats/purl.md}.
 */
final class EcosystemMapping {

    private EcosystemMapping() {}

    static PurlResolution resolve(String purl) throws MalformedPurlException {
        Purl parsed = Purl.parse(purl, Purl.Mode.LENIENT);
        String canonical = parsed.canonical();
        String type = parsed.type();
        String namespace = parsed.namespace();
        String name = parsed.name();
        String version = parsed.version();
        String listedName = parsed.qualifiedName();
        Map<String, String> qualifiers = parsed.qualifiers();
        // The type rules (PurlTypes) already refused maven, composer, swift, github, deb, rpm and apk purls
        // without a namespace, so for those types it is never empty here.
        String owner = namespace == null ? "" : namespace;
        Mapped mapped = switch (type) {
            case "maven" -> Mapped.to("Maven", owner + ":" + name);
            case "npm" -> Mapped.to("npm", listedName);
            // OSV wants the PEP 503 form; the purl name is already lower-cased with '_' turned into '-', dots
            // are folded too so that names meet OSV's normalised records.
            case "pypi" -> Mapped.to("PyPI", name.replaceAll("[-_.]+", "-"));
            case "golang" -> golang(listedName);
            case "cargo" -> Mapped.to("crates.io", name);
            case "nuget" -> Mapped.to("NuGet", name);
            case "gem" -> Mapped.to("RubyGems", name);
            // Composer names are case-insensitive and published in lower case; the purl rules lower-case them.
            case "composer" -> Mapped.to("Packagist", listedName);
            // A hex namespace is a private organisation's repository: its packages are not those of hex.pm.
            case "hex" -> namespace == null
                    ? Mapped.to("Hex", name)
                    : Mapped.no("hex package of the private organisation '" + namespace + "' is not on hex.pm");
            case "pub" -> Mapped.to("Pub", name);
            // OSV names Swift packages by their source URL without scheme: github.com/apple/swift-nio.
            case "swift" -> Mapped.to("SwiftURL", listedName);
            case "cran" -> Mapped.to("CRAN", name);
            case "hackage" -> Mapped.to("Hackage", name);
            // GitHub Actions advisories name the action's repository, {owner}/{repo}.
            case "github" -> Mapped.to("GitHub Actions", listedName);
            case "deb" -> deb(owner, name, qualifiers);
            case "rpm" -> rpm(owner, name, qualifiers);
            case "apk" -> apk(owner, name, qualifiers);
            default -> Mapped.no("purl type '" + type + "' has no OSV ecosystem");
        };
        if (mapped.ecosystem() == null) {
            return new PurlResolution(canonical, type, listedName, version, null, mapped.reason());
        }
        String osvVersion = version;
        if (version != null && "rpm".equals(type) && qualifiers.get("epoch") != null) {
            // purl keeps the RPM epoch in a qualifier; OSV and rpm write it as a prefix, epoch:version-release.
            osvVersion = qualifiers.get("epoch") + ":" + version;
        }
        return new PurlResolution(canonical, type, listedName, version,
                new PurlIdentity(mapped.ecosystem(), mapped.name(), osvVersion, canonical), null);
    }

    /**
     * Debian and Ubuntu name packages by their source package; syft writes it in the {@code upstream}
     * qualifier ({@code upstream=openssl} or {@code upstream=openssl@3.0.11-1}), which we prefer to the binary
     * package name when present.
     */
    /**
     * A golang purl names a module or a package inside one, split into namespace and name anywhere (issue 14);
     * either way the joined path is what Go advisories name. A path Go would refuse is said, not silently missed.
     */
    private static Mapped golang(String path) {
        if (org.patchgap.core.version.go.GoModulePath.PSEUDO_MODULES.contains(path)) {
            return Mapped.to("Go", path);
        }
        String invalid = org.patchgap.core.version.go.GoModulePath.importProblem(path);
        return invalid == null ? Mapped.to("Go", path)
                : Mapped.no("'" + path + "' is not a Go module or package path (" + invalid + ")");
    }

    private static Mapped deb(String namespace, String name, Map<String, String> qualifiers) {
        String distro = qualifier(qualifiers, "distro");
        String source = sourceName(qualifiers).orElse(name);
        if ("debian".equals(namespace)) {
            return Mapped.to(DistroReleases.debian(distro).map(r -> "Debian:" + r).orElse("Debian"), source);
        }
        if ("ubuntu".equals(namespace)) {
            return Mapped.to(DistroReleases.ubuntu(distro).map(r -> "Ubuntu:" + r).orElse("Ubuntu"), source);
        }
        return Mapped.no("deb namespace '" + namespace + "' has no OSV ecosystem (known: debian, ubuntu)");
    }

    private static Mapped rpm(String namespace, String name, Map<String, String> qualifiers) {
        String distro = qualifier(qualifiers, "distro");
        return switch (namespace) {
            // Red Hat's ecosystem is scoped by a product-stream CPE that a purl does not carry.
            case "redhat" -> Mapped.to("Red Hat", name);
            case "rocky" -> Mapped.to(DistroReleases.major(distro, "rocky").map(r -> "Rocky Linux:" + r)
                    .orElse("Rocky Linux"), name);
            case "almalinux" -> Mapped.to(DistroReleases.major(distro, "almalinux").map(r -> "AlmaLinux:" + r)
                    .orElse("AlmaLinux"), name);
            // SUSE releases are marketing names (PRETTY_NAME), which a purl's distro qualifier does not spell.
            case "suse" -> Mapped.to("SUSE", name);
            case "opensuse" -> Mapped.to("openSUSE", name);
            default -> Mapped.no("rpm namespace '" + namespace
                    + "' has no OSV ecosystem (known: redhat, rocky, almalinux, suse, opensuse)");
        };
    }

    private static Mapped apk(String namespace, String name, Map<String, String> qualifiers) {
        String source = sourceName(qualifiers).orElse(name);
        if ("alpine".equals(namespace)) {
            return Mapped.to(DistroReleases.alpine(qualifier(qualifiers, "distro")).map(r -> "Alpine:" + r)
                    .orElse("Alpine"), source);
        }
        if ("wolfi".equals(namespace)) {
            return Mapped.to("Wolfi", source);
        }
        return Mapped.no("apk namespace '" + namespace + "' has no OSV ecosystem (known: alpine, wolfi)");
    }

    private static Optional<String> sourceName(Map<String, String> qualifiers) {
        String upstream = qualifier(qualifiers, "upstream");
        if (upstream == null || upstream.isBlank()) {
            return Optional.empty();
        }
        int at = upstream.indexOf('@');
        String source = (at < 0 ? upstream : upstream.substring(0, at)).strip();
        return source.isEmpty() ? Optional.empty() : Optional.of(source);
    }

    private static @Nullable String qualifier(Map<String, String> qualifiers, String key) {
        return qualifiers.get(key);
    }

    private record Mapped(@Nullable String ecosystem, String name, @Nullable String reason) {

        static Mapped to(String ecosystem, String name) {
            return new Mapped(ecosystem, name, null);
        }

        static Mapped no(String reason) {
            return new Mapped(null, "", reason);
        }
    }
}
