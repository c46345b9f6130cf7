package org.patchgap.formats.cyclonedx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.cpe.CpeName;
import org.patchgap.core.cpe.MalformedCpeException;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Target;
import org.patchgap.core.purl.MalformedPurlException;
import org.patchgap.core.purl.PurlIdentity;
import org.patchgap.core.purl.PurlResolution;

/**
 * Turns the components a JSON or XML walk finds into core components, once, the same way for both syntaxes,
 * and builds the target.
 */
final class BomCollector {

    private final Path file;
    private final List<Component> components = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private @Nullable String targetName;
    private Target.Kind kind = Target.Kind.APPLICATION;

    BomCollector(Path file) {
        this.file = file;
    }

    Location at(String place) {
        return new Location(file.toString(), place);
    }

    void problem(String place, String message) {
        problems.add(new Problem(at(place), message));
    }

    /**
     * The BOM's subject ({@code metadata.component}) names the target and says whether it is an image. The
     * walks also list it as a component when it has a purl or a CPE: a vendor's SBOM of a product (a device's
     * firmware, say) describes that product, and the product itself can be the vulnerable one. Without either it
     * is only the name.
     */
    void subject(@Nullable String type, @Nullable String name, @Nullable String version) {
        if (name != null && !name.isBlank()) {
            targetName = version == null || version.isBlank() ? name : name + "@" + version;
        }
        if ("container".equals(type)) {
            kind = Target.Kind.IMAGE;
        }
    }

    /**
     * One component as written in the BOM. With a purl it is placed in its OSV ecosystem; a purl that cannot
     * be placed is a problem and the component is listed without an ecosystem. Its {@code cpe}, when valid, is
     * kept: a component without an ecosystem is matched by it.
     */
    void component(String place, @Nullable String name, @Nullable String version, @Nullable String purl,
            @Nullable String cpe) {
        Location location = at(place);
        String validCpe = validCpe(location, cpe);
        if (purl == null || purl.isBlank()) {
            if ((name == null || name.isBlank()) && validCpe == null) {
                problems.add(new Problem(location, "component has neither a name nor a purl; skipped"));
                return;
            }
            components.add(new Component(null, name == null || name.isBlank() ? validCpe : name, version, null, location,
                    validCpe));
            return;
        }
        PurlResolution resolution;
        try {
            resolution = PurlIdentity.resolve(purl);
        } catch (MalformedPurlException e) {
            problems.add(new Problem(location, e.getMessage() + (validCpe == null ? "; listed, not matched" : "; matched by its CPE")));
            components.add(new Component(null, name == null || name.isBlank() ? purl : name, version, null, location,
                    validCpe));
            return;
        }
        PurlIdentity identity = resolution.identity();
        if (identity == null) {
            problems.add(new Problem(location, resolution.unmappedReason() + " (" + resolution.purl()
                    + (validCpe == null ? "); listed, not matched" : "); matched by its CPE")));
            components.add(new Component(null, name == null || name.isBlank() ? resolution.name() : name,
                    resolution.version() != null ? resolution.version() : version, resolution.purl(), location, validCpe));
            return;
        }
        // The purl's version is the one in the ecosystem's own spelling; the BOM's version field is only a
        // fallback for purls written without one.
        String osvVersion = identity.version() != null ? identity.version() : version;
        components.add(new Component(identity.ecosystem(), identity.name(), osvVersion, resolution.purl(), location,
                validCpe));
    }

    private @Nullable String validCpe(Location location, @Nullable String cpe) {
        if (cpe == null || cpe.isBlank()) return null;
        try {
            CpeName.parse(cpe.strip());
            return cpe.strip();
        } catch (MalformedCpeException e) {
            problems.add(new Problem(location, e.getMessage() + "; CPE ignored"));
            return null;
        }
    }

    ReadResult<Target> result() {
        Path fileName = file.getFileName();
        String name = targetName != null ? targetName : fileName == null ? file.toString() : fileName.toString();
        return new ReadResult<>(List.of(new Target(name, kind, file.toString(), components)), problems);
    }
}
