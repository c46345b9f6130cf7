package org.patchgap.formats.spdx;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.purl.MalformedPurlException;
import org.patchgap.core.purl.PurlIdentity;
import org.patchgap.core.purl.PurlResolution;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;

/** One SPDX package as read from either serialisation, and the component it becomes. */
final class SpdxPackage {

    final Location location;
    @Nullable String name;
    @Nullable String version;
    @Nullable String purl;
    @Nullable String cpe;

    SpdxPackage(Location location) {
        this.location = location;
    }

    /** An external reference; the first purl and the first CPE count. */
    void reference(@Nullable String category, @Nullable String type, @Nullable String locator) {
        if (type == null || locator == null || locator.isBlank()) {
            return;
        }
        String normalCategory = category == null ? "" : category.toUpperCase(Locale.ROOT).replace('_', '-');
        if (type.equals("purl") && purl == null && (normalCategory.isEmpty() || normalCategory.equals("PACKAGE-MANAGER"))) {
            purl = locator.strip();
        } else if ((type.equals("cpe23Type") || type.equals("cpe22Type")) && cpe == null) {
            cpe = locator.strip();
        }
    }

    /** OSV writes Go versions without the leading {@code v} that Go and purls use. */
    private static @Nullable String goVersion(String ecosystem, @Nullable String version) {
        return ecosystem.equals("Go") && version != null && version.matches("v\\d.*") ? version.substring(1) : version;
    }

    void emit(List<Component> out, List<Problem> problems) {
        String v = version == null || version.equals("NOASSERTION") || version.isBlank() ? null : version;
        if (purl != null) {
            try {
                PurlResolution resolution = PurlIdentity.resolve(purl);
                PurlIdentity identity = resolution.identity();
                if (identity != null) {
                    String version = identity.version() != null ? identity.version() : v;
                    out.add(new Component(identity.ecosystem(), identity.name(), goVersion(identity.ecosystem(), version),
                            identity.purl(), location));
                } else {
                    // A valid purl outside OSV's ecosystems: listed under its own name, not matched.
                    out.add(new Component(null, resolution.name(), resolution.version() != null ? resolution.version() : v,
                            resolution.purl(), location));
                }
                return;
            } catch (MalformedPurlException e) {
                problems.add(new Problem(location, "invalid purl " + purl + "; identified by name instead"));
            }
        }
        String n = name;
        if (cpe != null) {
            // cpe:2.3:a:vendor:product:version:... or cpe:/a:vendor:product:version
            String[] parts = cpe.startsWith("cpe:2.3:") ? cpe.split(":") : cpe.replace("cpe:/", "cpe::").split(":");
            if (n == null && parts.length > 4) {
                n = parts[4];
            }
            if (v == null && parts.length > 5 && !parts[5].equals("*") && !parts[5].equals("-")) {
                v = parts[5];
            }
        }
        if (n == null || n.isBlank()) {
            problems.add(new Problem(location, "package without a name, purl or CPE; skipped"));
            return;
        }
        out.add(new Component(null, n, v, null, location));
    }
}
