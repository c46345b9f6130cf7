package org.patchgap.formats.spdx;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Target;
import org.patchgap.formats.InventoryReader;
import org.patchgap.formats.support.Heads;
import org.patchgap.formats.support.Inputs;

/**
 * SPDX 2.2 and 2.3 documents in JSON: each entry of {@code packages} is a component, identified by its
 * {@code purl} external reference (category {@code PACKAGE-MANAGER}, or {@code PACKAGE_MANAGER} as 2.2 spelled
 * it), else by its CPE reference, else by {@code name} and {@code versionInfo}; only a purl places a package in an
 * ecosystem. SPDX 3.0 (JSON-LD) is a different model and is refused with a clear message. See
 * docs/decisions/0003-spdx-reader.md for why this is not built on the org.spdx library.
 */
public final class SpdxJsonReader implements InventoryReader {

    @Override
    public String name() {
        return "spdx-json";
    }

    @Override
    public boolean accepts(Path file, byte[] head) {
        String name = Heads.lowerName(file);
        if (!name.endsWith(".json") || !Heads.startsWith(head, '{')) {
            return false;
        }
        String text = Heads.text(head);
        return text.contains("\"spdxVersion\"") || name.endsWith(".spdx.json")
                || text.contains("https://spdx.org/rdf/3.");
    }

    @Override
    public ReadResult<Target> read(Path file) throws BadInputException {
        JsonNode root = Inputs.json(file);
        String source = file.toString();
        if (!root.isObject()) {
            throw Inputs.expected(file, "", "an SPDX document object");
        }
        String version = Inputs.field(root, "spdxVersion");
        if (version == null) {
            if (root.has("@context") || root.has("@graph")) {
                throw new BadInputException(new Location(source, "/@context"),
                        "SPDX 3.0 JSON-LD is not supported; expected an SPDX 2.2 or 2.3 JSON document");
            }
            throw Inputs.expected(file, "/spdxVersion", "an SPDX 2.x document with spdxVersion");
        }
        if (!version.startsWith("SPDX-2.")) {
            throw new BadInputException(new Location(source, "/spdxVersion"),
                    "expected SPDX-2.2 or SPDX-2.3, found " + version);
        }
        JsonNode packages = root.path("packages");
        List<Component> components = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        if (!packages.isMissingNode()) {
            if (!packages.isArray()) {
                throw Inputs.expected(file, "/packages", "an array of packages");
            }
            for (int i = 0; i < packages.size(); i++) {
                JsonNode p = packages.get(i);
                Location location = new Location(source, "/packages/" + i);
                if (!p.isObject()) {
                    problems.add(new Problem(location, "expected a package object; skipped"));
                    continue;
                }
                SpdxPackage pkg = new SpdxPackage(location);
                pkg.name = Inputs.field(p, "name");
                pkg.version = Inputs.field(p, "versionInfo");
                JsonNode refs = p.path("externalRefs");
                for (JsonNode ref : refs) {
                    pkg.reference(Inputs.field(ref, "referenceCategory"), Inputs.field(ref, "referenceType"),
                            Inputs.field(ref, "referenceLocator"));
                }
                pkg.emit(components, problems);
            }
        }
        String name = Inputs.field(root, "name");
        return new ReadResult<>(List.of(new Target(name == null || name.isBlank() ? source : name,
                Target.Kind.APPLICATION, source, components)), problems);
    }
}
