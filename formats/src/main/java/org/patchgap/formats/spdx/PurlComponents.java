package org.patchgap.formats.spdx;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.Location;

/**
 * A component from a package URL found in an SBOM: the OSV ecosystem and the package name in that ecosystem's
 * spelling. Operating-system packages are placed only when the purl names the distribution release
 * ({@code distro} qualifier), and named by their source package ({@code upstream} qualifier) as the
 * distributions' advisories are; otherwise they are listed without an ecosystem.
 */
final class PurlComponents {

    private PurlComponents() {}

    /** The component of {@code purl}, or null when it is not a valid purl. */
    static @Nullable Component of(String purl, @Nullable String fallbackVersion, Location location) {
        PackageURL parsed;
        try {
            parsed = new PackageURL(purl.strip());
        } catch (MalformedPackageURLException e) {
            return null;
        }
        String namespace = parsed.getNamespace();
        String name = parsed.getName();
        String version = parsed.getVersion() != null ? parsed.getVersion() : fallbackVersion;
        Map<String, String> qualifiers = parsed.getQualifiers() == null ? Map.of() : parsed.getQualifiers();
        String canonical = parsed.canonicalize();
        String joined = namespace == null ? name : namespace + "/" + name;
        return switch (parsed.getType()) {
            case "maven" -> new Component("Maven", namespace == null ? name : namespace + ":" + name, version,
                    canonical, location);
            case "npm" -> new Component("npm", joined, version, canonical, location);
            case "pypi" -> new Component("PyPI", name, version, canonical, location);
            case "golang" -> new Component("Go", joined, version != null && version.startsWith("v")
                    ? version.substring(1) : version, canonical, location);
            case "cargo" -> new Component("crates.io", name, version, canonical, location);
            case "gem" -> new Component("RubyGems", name, version, canonical, location);
            case "composer" -> new Component("Packagist", joined, version, canonical, location);
            case "nuget" -> new Component("NuGet", name, version, canonical, location);
            case "hex" -> new Component("Hex", name, version, canonical, location);
            case "pub" -> new Component("Pub", name, version, canonical, location);
            case "hackage" -> new Component("Hackage", name, version, canonical, location);
            case "cran" -> new Component("CRAN", name, version, canonical, location);
            case "deb", "apk" -> osComponent(parsed.getType(), namespace, name, version, qualifiers, canonical,
                    location);
            default -> new Component(null, joined, version, canonical, location);
        };
    }

    private static Component osComponent(String type, @Nullable String namespace, String name,
            @Nullable String version, Map<String, String> qualifiers, String canonical, Location location) {
        String upstream = qualifiers.get("upstream");
        String source = name;
        String sourceVersion = version;
        if (upstream != null && !upstream.isBlank()) {
            int at = upstream.indexOf('@');
            source = at < 0 ? upstream : upstream.substring(0, at);
            if (at >= 0) {
                sourceVersion = upstream.substring(at + 1);
            }
        }
        return new Component(ecosystem(type, namespace, qualifiers.get("distro")), source, sourceVersion, canonical,
                location);
    }

    /** {@code debian-12} gives {@code Debian:12}; {@code ubuntu-22.04} {@code Ubuntu:22.04:LTS}; {@code alpine-3.20.3} {@code Alpine:v3.20}. */
    static @Nullable String ecosystem(String type, @Nullable String namespace, @Nullable String distro) {
        if (distro == null || namespace == null) {
            return null;
        }
        String release = distro.startsWith(namespace + "-") ? distro.substring(namespace.length() + 1) : null;
        if (release == null || release.isEmpty() || !Character.isDigit(release.charAt(0))) {
            return null;
        }
        String[] parts = release.split("\\.");
        return switch (type + "/" + namespace) {
            case "deb/debian" -> "Debian:" + parts[0];
            case "deb/ubuntu" -> {
                if (parts.length < 2) {
                    yield null;
                }
                // Ubuntu's LTS releases are the April releases of even years (YY.04 with YY even).
                boolean lts = parts[1].equals("04") && Integer.parseInt(parts[0].replaceAll("\\D", "0")) % 2 == 0;
                yield "Ubuntu:" + parts[0] + "." + parts[1] + (lts ? ":LTS" : "");
            }
            case "apk/alpine" -> parts.length < 2 ? null : "Alpine:v" + parts[0] + "." + parts[1];
            default -> null;
        };
    }
}
