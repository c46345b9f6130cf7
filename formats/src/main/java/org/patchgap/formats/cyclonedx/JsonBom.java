package org.patchgap.formats.cyclonedx;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Target;

/**
 * The JSON syntax: a walk over Jackson's tree of the document, reading only what the core model needs, so
 * that properties a later spec version adds (1.7's {@code patentAssertions}, {@code citations}) and enum
 * values we do not use cannot disturb the components (ADR 0002).
 */
final class JsonBom {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Pattern SPEC_1X = Pattern.compile("1\\.\\d+");

    private JsonBom() {}

    static ReadResult<Target> read(Path file, byte[] bytes) throws BadInputException {
        JsonNode root = parse(file, bytes);
        if (!root.isObject()) {
            throw new BadInputException(new Location(file.toString(), "/"),
                    "expected a JSON object (a CycloneDX BOM), found " + kind(root));
        }
        JsonNode format = root.get("bomFormat");
        if (format == null || !"CycloneDX".equals(format.asText(null))) {
            throw new BadInputException(new Location(file.toString(), "/bomFormat"),
                    "expected \"CycloneDX\", found " + (format == null ? "nothing" : format.toString()));
        }
        BomCollector collector = new BomCollector(file);
        JsonNode spec = root.get("specVersion");
        if (spec == null || !spec.isTextual() || !SPEC_1X.matcher(spec.asText()).matches()) {
            collector.problem("/specVersion", "expected a CycloneDX 1.x spec version, found "
                    + (spec == null ? "nothing" : spec.toString()) + "; read as 1.x");
        }
        JsonNode subject = root.path("metadata").get("component");
        if (subject != null) {
            if (subject.isObject()) {
                collector.subject(text(subject, "type"), text(subject, "name"), text(subject, "version"));
                component(collector, subject, "/metadata/component", true);
            } else {
                collector.problem("/metadata/component", "expected a component object, found " + kind(subject));
            }
        }
        JsonNode components = root.get("components");
        if (components != null && !components.isNull()) {
            if (!components.isArray()) {
                throw new BadInputException(new Location(file.toString(), "/components"),
                        "expected an array of components, found " + kind(components));
            }
            walk(collector, components, "/components");
        }
        return collector.result();
    }

    private static JsonNode parse(Path file, byte[] bytes) throws BadInputException {
        try {
            JsonNode root = JSON.readTree(bytes);
            if (root == null || root.isMissingNode()) {
                throw new BadInputException(Location.of(file.toString()), "empty file, expected a CycloneDX BOM");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            String place = where == null ? null : "line " + where.getLineNr() + ", column " + where.getColumnNr();
            throw new BadInputException(new Location(file.toString(), place),
                    "malformed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BadInputException(Location.of(file.toString()), "cannot read: " + e.getMessage(), e);
        }
    }

    private static void walk(BomCollector collector, JsonNode array, String pointer) {
        for (int i = 0; i < array.size(); i++) {
            JsonNode node = array.get(i);
            String place = pointer + "/" + i;
            if (!node.isObject()) {
                collector.problem(place, "expected a component object, found " + kind(node) + "; skipped");
                continue;
            }
            component(collector, node, place, false);
        }
    }

    /** {@code subject}: the BOM's own component, listed only when it has a purl or a CPE (see BomCollector#subject). */
    private static void component(BomCollector collector, JsonNode node, String place, boolean subject) {
        String purl = text(node, "purl");
        String cpe = text(node, "cpe");
        if (!subject || purl != null || cpe != null) {
            collector.component(place, text(node, "name"), text(node, "version"), purl, cpe);
        }
        JsonNode nested = node.get("components");
        if (nested == null || nested.isNull()) {
            return;
        }
        if (nested.isArray()) {
            walk(collector, nested, place + "/components");
        } else {
            collector.problem(place + "/components", "expected an array of components, found " + kind(nested));
        }
    }

    /** A scalar field as text (a version written as a number stays usable); objects and arrays are ignored. */
    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isValueNode() || value.isNull()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
