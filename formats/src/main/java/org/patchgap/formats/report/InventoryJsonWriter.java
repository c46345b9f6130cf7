package org.patchgap.formats.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.TreeMap;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.HostFacts;
import org.patchgap.core.model.Target;

/**
 * Writes an {@link InventoryReport} as one JSON object: {@code targets} (each with its components and, for a
 * host, its {@code host} facts) and {@code problems}. A stable contract (docs/cli.md).
 */
public final class InventoryJsonWriter {

    /** Writes {@code report} to {@code out} (UTF-8, pretty-printed, ending with a newline); leaves it open. */
    public void write(InventoryReport report, OutputStream out) throws IOException {
        try (JsonGenerator json = JsonReportWriter.generator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("targets");
            for (Target target : report.targets()) writeTarget(json, target);
            json.writeEndArray();
            JsonReportWriter.writeProblems(json, report.problems());
            json.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    private static void writeTarget(JsonGenerator json, Target target) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", target.name());
        json.writeStringField("kind", target.kind().name().toLowerCase(java.util.Locale.ROOT));
        json.writeStringField("source", target.source());
        json.writeFieldName("host");
        if (target.host() == null) json.writeNull(); else writeHost(json, target.host());
        json.writeArrayFieldStart("components");
        for (Component component : target.components()) {
            json.writeStartObject();
            JsonReportWriter.writeNullableString(json, "ecosystem", component.ecosystem());
            json.writeStringField("name", component.name());
            JsonReportWriter.writeNullableString(json, "version", component.version());
            JsonReportWriter.writeNullableString(json, "purl", component.purl());
            JsonReportWriter.writeNullableString(json, "cpe", component.cpe());
            json.writeFieldName("location");
            JsonReportWriter.writeLocation(json, component.location());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeHost(JsonGenerator json, HostFacts host) throws IOException {
        json.writeStartObject();
        JsonReportWriter.writeNullableString(json, "osName", host.osName());
        JsonReportWriter.writeNullableString(json, "product", InventoryTableWriter.windowsProduct(host));
        JsonReportWriter.writeNullableString(json, "osVersion", host.osVersion());
        JsonReportWriter.writeNullableString(json, "build", host.build());
        JsonReportWriter.writeNullableString(json, "architecture", host.architecture());
        JsonReportWriter.writeNullableString(json, "servicePack", host.servicePack());
        JsonReportWriter.writeStrings(json, "installedUpdates", host.installedUpdates());
        json.writeObjectFieldStart("configuration");
        for (Map.Entry<String, String> setting : new TreeMap<>(host.configuration()).entrySet()) {
            json.writeStringField(setting.getKey(), setting.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
    }
}
