package org.patchgap.core.purl;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.util.Locale;
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
        PackageURL parsed = parse(purl);
        String canonical = canonical(parsed);
        String type = parsed.getType();
        String namespace = parsed.getNamespace();
        String name = parsed.getName();
        String version = parsed.getVersion();
        String listedName = namespace == null ? name : namespace + "/" + name;
        Map<String, String> qualifiers = parsed.getQualifiers();
        Mapped mapped = switch (type) {
            case "maven" -> namespace == null
                    ? Mapped.no("a maven purl needs a namespace (the groupId)")
                    : Mapped.to("Maven", namespace + ":" + name);
            case "npm" -> Mapped.to("npm", listedName);
            // OSV wants the PEP 503 form; purl already lower-cases and turns '_' into '-', dots are folded too
            // so that names meet OSV's normalised records.
            case "pypi" -> Mapped.to("PyPI", name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-"));
            case "golang" -> Mapped.to("Go", listedName);
            case "cargo" -> Mapped.to("crates.io", name);
            case "nuget" -> Mapped.to("NuGet", name);
            case "gem" -> Mapped.to("RubyGems", name);
            // Composer names are case-insensitive and published in lower case (purl-spec composer definition).
            case "composer" -> namespace == null
                    ? Mapped.no("a composer purl needs a namespace (the vendor)")
                    : Mapped.to("Packagist", listedName.toLowerCase(Locale.ROOT));
            // A hex namespace is a private organisation's repository: its packages are not those of hex.pm.
            case "hex" -> namespace == null
                    ? Mapped.to("Hex", name)
                    : Mapped.no("hex package of the private organisation '" + namespace + "' is not on hex.pm");
            case "pub" -> Mapped.to("Pub", name);
            // OSV names Swift packages by their source URL without scheme: github.com/apple/swift-nio.
            case "swift" -> namespace == null
                    ? Mapped.no("a swift purl needs a namespace (the source host and owner)")
                    : Mapped.to("SwiftURL", listedName);
            case "cran" -> Mapped.to("CRAN", name);
            case "hackage" -> Mapped.to("Hackage", name);
            // GitHub Actions advisories name the action's repository, {owner}/{repo}.
            case "github" -> namespace == null
                    ? Mapped.no("a github purl needs a namespace (the owner)")
                    : Mapped.to("GitHub Actions", listedName);
            case "deb" -> deb(namespace, name, qualifiers);
            case "rpm" -> rpm(namespace, name, qualifiers);
            case "apk" -> apk(namespace, name, qualifiers);
            default -> Mapped.no("purl type '" + type + "' has no OSV ecosystem");
        };
        if (mapped.ecosystem() == null) {
            return new PurlResolution(canonical, type, listedName, version, null, mapped.reason());
        }
        String osvVersion = version;
        if (version != null && "rpm".equals(type) && qualifiers != null && qualifiers.get("epoch") != null) {
            // purl keeps the RPM epoch in a qualifier; OSV and rpm write it as a prefix, epoch:version-release.
            osvVersion = qualifiers.get("epoch") + ":" + version;
        }
        return new PurlResolution(canonical, type, listedName, version,
                new PurlIdentity(mapped.ecosystem(), mapped.name(), osvVersion, canonical), null);
    }

    /**
     * packageurl-java's canonical form, except that it percent-encodes ':' in versions, qualifier values and
     * subpaths, which the purl specification leaves as is ({@code pkg:deb/debian/attr@1:2.4.47-2}). A literal
     * {@code %3A} in its output can only come from a ':' (a literal '%' is written {@code %25}), so the
     * replacement is exact.
     */
    static String canonical(PackageURL purl) {
        return purl.canonicalize().replace("%3A", ":");
    }

    private static PackageURL parse(String purl) throws MalformedPurlException {
        if (purl.isBlank()) {
            throw new MalformedPurlException(purl, "empty");
        }
        try {
            return new PackageURL(purl.strip());
        } catch (MalformedPackageURLException | RuntimeException e) {
            // packageurl-java reports some defects (bad percent-encoding) as unchecked exceptions.
            throw new MalformedPurlException(purl, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /**
     * Debian and Ubuntu name packages by their source package; syft writes it in the {@code upstream}
     * qualifier ({@code upstream=openssl} or {@code upstream=openssl@3.0.11-1}), which we prefer to the binary
     * package name when present.
     */
    private static Mapped deb(@Nullable String namespace, String name, @Nullable Map<String, String> qualifiers) {
        String distro = qualifier(qualifiers, "distro");
        String source = sourceName(qualifiers).orElse(name);
        if (namespace == null) {
            return Mapped.no("a deb purl needs a namespace (debian or ubuntu) to choose an ecosystem");
        }
        if ("debian".equals(namespace)) {
            return Mapped.to(DistroReleases.debian(distro).map(r -> "Debian:" + r).orElse("Debian"), source);
        }
        if ("ubuntu".equals(namespace)) {
            return Mapped.to(DistroReleases.ubuntu(distro).map(r -> "Ubuntu:" + r).orElse("Ubuntu"), source);
        }
        return Mapped.no("deb namespace '" + namespace + "' has no OSV ecosystem (known: debian, ubuntu)");
    }

    private static Mapped rpm(@Nullable String namespace, String name, @Nullable Map<String, String> qualifiers) {
        String distro = qualifier(qualifiers, "distro");
        if (namespace == null) {
            return Mapped.no("an rpm purl needs a namespace (the vendor) to choose an ecosystem");
        }
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

    private static Mapped apk(@Nullable String namespace, String name, @Nullable Map<String, String> qualifiers) {
        String source = sourceName(qualifiers).orElse(name);
        if (namespace == null) {
            return Mapped.no("an apk purl needs a namespace (alpine or wolfi) to choose an ecosystem");
        }
        if ("alpine".equals(namespace)) {
            return Mapped.to(DistroReleases.alpine(qualifier(qualifiers, "distro")).map(r -> "Alpine:" + r)
                    .orElse("Alpine"), source);
        }
        if ("wolfi".equals(namespace)) {
            return Mapped.to("Wolfi", source);
        }
        return Mapped.no("apk namespace '" + namespace + "' has no OSV ecosystem (known: alpine, wolfi)");
    }

    private static Optional<String> sourceName(@Nullable Map<String, String> qualifiers) {
        String upstream = qualifier(qualifiers, "upstream");
        if (upstream == null || upstream.isBlank()) {
            return Optional.empty();
        }
        int at = upstream.indexOf('@');
        String source = (at < 0 ? upstream : upstream.substring(0, at)).strip();
        return source.isEmpty() ? Optional.empty() : Optional.of(source);
    }

    private static @Nullable String qualifier(@Nullable Map<String, String> qualifiers, String key) {
        return qualifiers == null ? null : qualifiers.get(key);
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
