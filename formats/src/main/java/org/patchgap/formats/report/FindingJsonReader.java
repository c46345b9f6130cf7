package org.patchgap.formats.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.Finding;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Remediation;
import org.patchgap.core.model.Severity;
import org.patchgap.core.model.SeverityLevel;
import org.patchgap.core.model.Vulnerability;

/**
 * Reads one element of a scan report's {@code findings} array ({@link JsonReportWriter#findingJson}) back into a
 * {@link Finding}: for stores that keep findings in that shape (the fleet server) and write them as another format
 * (its VEX export). What the JSON leaves out of a finding (the advisory's ranges) is not needed by the writers.
 */
public final class FindingJsonReader {

    private FindingJsonReader() {}

    /** The finding {@code json} describes; an {@link IllegalArgumentException} when it is not one. */
    public static Finding read(JsonNode json) {
        JsonNode pkg = json.path("package");
        JsonNode location = json.path("location");
        String name = text(pkg, "name");
        if (name == null || !json.path("vulnerability").has("id")) {
            throw new IllegalArgumentException("not a finding: no package name or vulnerability id");
        }
        Component component = new Component(text(pkg, "ecosystem"), name, text(pkg, "version"), text(pkg, "purl"),
                new Location(location.path("file").asText(""), text(location, "place")));
        JsonNode v = json.path("vulnerability");
        List<String> weaknesses = strings(v.path("cwes"));
        Vulnerability vulnerability = new Vulnerability(v.path("id").asText(), strings(v.path("aliases")), text(v, "summary"),
                instant(text(v, "published")), instant(text(v, "modified")), null, List.of(), List.of(),
                strings(v.path("references")), v.path("source").asText(""), List.of(), weaknesses);
        JsonNode s = json.path("severity");
        SeverityLevel level = SeverityLevel.UNKNOWN;
        try {
            level = SeverityLevel.valueOf(s.path("level").asText("unknown").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // a level this version does not know reads as unknown
        }
        Severity severity = new Severity(level, s.path("score").isNumber() ? s.path("score").asDouble() : null,
                text(s, "vector"), s.path("type").asText("none"));
        List<Remediation> remediations = new ArrayList<>();
        for (JsonNode r : json.path("remediations")) {
            try {
                remediations.add(new Remediation(Remediation.Category.valueOf(r.path("category").asText().toUpperCase(Locale.ROOT)),
                        r.path("details").asText(""), text(r, "url"), instant(text(r, "date"))));
            } catch (IllegalArgumentException e) {
                // an unknown category is left out, as the CSAF reader leaves it out
            }
        }
        return new Finding(json.path("target").asText(""), component, vulnerability, severity,
                json.path("evidence").asText(""), strings(json.path("fixedVersions")), json.path("exactOrder").asBoolean(true),
                remediations);
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static @Nullable Instant instant(@Nullable String text) {
        if (text == null) return null;
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
