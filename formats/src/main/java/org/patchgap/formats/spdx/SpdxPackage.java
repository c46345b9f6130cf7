package org.patchgap.formats.spdx;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.cpe.CpeName;
import org.patchgap.core.cpe.CpeValue;
import org.patchgap.core.cpe.MalformedCpeException;
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
        CpeName cpeName = cpeName(problems);
        String cpeText = cpeName == null ? null : cpe;
        if (purl != null) {
            try {
                PurlResolution resolution = PurlIdentity.resolve(purl);
                PurlIdentity identity = resolution.identity();
                if (identity != null) {
                    String version = identity.version() != null ? identity.version() : v;
                    out.add(new Component(identity.ecosystem(), identity.name(), goVersion(identity.ecosystem(), version),
                            identity.purl(), location, cpeText));
                } else {
                    // A valid purl outside OSV's ecosystems: listed under its own name, matched by its CPE if any.
                    out.add(new Component(null, resolution.name(), resolution.version() != null ? resolution.version() : v,
                            resolution.purl(), location, cpeText));
                }
                return;
            } catch (MalformedPurlException e) {
                problems.add(new Problem(location, "invalid purl " + purl + "; identified by name instead"));
            }
        }
        String n = name;
        if (cpeName != null) {
            if (n == null && cpeName.product().kind() == CpeValue.Kind.STRING) n = cpeName.product().text();
            if (v == null && cpeName.version().kind() == CpeValue.Kind.STRING) v = cpeName.version().text();
        }
        if (n == null || n.isBlank()) {
            problems.add(new Problem(location, "package without a name, purl or CPE; skipped"));
            return;
        }
        out.add(new Component(null, n, v, null, location, cpeText));
    }

    /** The package's CPE reference parsed; a malformed one is a problem and is dropped (the package is kept). */
    private @Nullable CpeName cpeName(List<Problem> problems) {
        if (cpe == null) return null;
        try {
            return CpeName.parse(cpe);
        } catch (MalformedCpeException e) {
            problems.add(new Problem(location, e.getMessage() + "; CPE ignored"));
            return null;
        }
    }
}
