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
 * ecosystem. SPDX 3.0 JSON-LD documents are read from their {@code @graph} of {@code software_Package} elements. See
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
        return readDocument(file);
    }

    private ReadResult<Target> readDocument(Path file) throws BadInputException {
        JsonNode root = Inputs.json(file);
        String source = file.toString();
        if (!root.isObject()) {
            throw Inputs.expected(file, "", "an SPDX document object");
        }
        String version = Inputs.field(root, "spdxVersion");
        if (version == null) {
            if (root.has("@context") || root.has("@graph")) {
                return readV3(file, root);
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

    /**
     * SPDX 3.0 in its JSON-LD serialisation: the elements are the {@code @graph} array; a package is an element
     * of type {@code software_Package} with {@code name}, {@code software_packageVersion}, and its purl in
     * {@code software_packageUrl} or an {@code externalIdentifier} of type {@code packageUrl} (CPEs as types
     * {@code cpe23}/{@code cpe22}). The document's name is that of the {@code SpdxDocument} element.
     */
    private static ReadResult<Target> readV3(Path file, JsonNode root) throws BadInputException {
        String source = file.toString();
        String context = root.path("@context").toString();
        if (!context.contains("spdx.org/rdf/3.")) {
            throw Inputs.expected(file, "/@context", "an SPDX 3 JSON-LD context (https://spdx.org/rdf/3.x/...)");
        }
        JsonNode graph = root.path("@graph");
        if (!graph.isArray()) {
            throw Inputs.expected(file, "/@graph", "an array of SPDX 3 elements");
        }
        List<Component> components = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        String documentName = null;
        for (int i = 0; i < graph.size(); i++) {
            JsonNode element = graph.get(i);
            String type = Inputs.field(element, "type");
            if ("SpdxDocument".equals(type) && documentName == null) {
                documentName = Inputs.field(element, "name");
            }
            if (!"software_Package".equals(type)) {
                continue;
            }
            SpdxPackage pkg = new SpdxPackage(new Location(source, "/@graph/" + i));
            pkg.name = Inputs.field(element, "name");
            pkg.version = Inputs.field(element, "software_packageVersion");
            String purl = Inputs.field(element, "software_packageUrl");
            if (purl != null) {
                pkg.reference("PACKAGE-MANAGER", "purl", purl);
            }
            for (JsonNode id : element.path("externalIdentifier")) {
                String idType = Inputs.field(id, "externalIdentifierType");
                String value = Inputs.field(id, "identifier");
                if ("packageUrl".equals(idType)) {
                    pkg.reference("PACKAGE-MANAGER", "purl", value);
                } else if ("cpe23".equals(idType)) {
                    pkg.reference("SECURITY", "cpe23Type", value);
                } else if ("cpe22".equals(idType)) {
                    pkg.reference("SECURITY", "cpe22Type", value);
                }
            }
            pkg.emit(components, problems);
        }
        return new ReadResult<>(List.of(new Target(documentName == null || documentName.isBlank() ? source
                : documentName, Target.Kind.APPLICATION, source, components)), problems);
    }
}
