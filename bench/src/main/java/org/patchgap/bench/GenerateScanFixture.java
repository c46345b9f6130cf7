package org.patchgap.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.patchgap.core.model.AffectedPackage;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.RangeEvent;
import org.patchgap.core.model.Target;
import org.patchgap.core.model.Vulnerability;

/**
 * Writes the inputs of the CLI wall-time benchmark (docs/benchmarks.md): a CycloneDX 1.5 JSON SBOM of
 * {@code components} Maven components and an OSV {@code all.zip} of {@code advisories} synthetic records for the
 * same packages, shaped as {@link SyntheticData} makes them.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.patchgap.bench.GenerateScanFixture OUT_DIR [components] [advisories]</pre>
 */
public final class GenerateScanFixture {

    private GenerateScanFixture() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/scan-fixture");
        int components = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int advisories = args.length > 2 ? Integer.parseInt(args[2]) : 50_000;
        int packages = advisories / 2;
        Files.createDirectories(out);
        SyntheticData data = new SyntheticData(7, "Maven");
        List<Vulnerability> records = data.advisories(advisories, packages);
        Target app = data.application(components, packages, 0.3);
        writeSbom(out.resolve("bom-" + components + ".cdx.json"), app);
        writeOsvZip(out.resolve("osv-" + advisories + ".zip"), records);
        System.out.println("wrote " + out.toAbsolutePath());
    }

    private static void writeSbom(Path file, Target app) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"version\":1,\n\"metadata\":{\"component\":"
                    + "{\"type\":\"application\",\"name\":\"synthetic-app\",\"version\":\"1.0\"}},\n\"components\":[\n");
            for (int i = 0; i < app.components().size(); i++) {
                Component c = app.components().get(i);
                String[] ga = c.name().split(":");
                w.write((i == 0 ? "" : ",\n") + "{\"type\":\"library\",\"group\":\"" + ga[0] + "\",\"name\":\"" + ga[1]
                        + "\",\"version\":\"" + c.version() + "\",\"purl\":\"pkg:maven/" + ga[0] + "/" + ga[1] + "@"
                        + c.version() + "\"}");
            }
            w.write("\n]}\n");
        }
    }

    private static void writeOsvZip(Path file, List<Vulnerability> records) throws IOException {
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            for (Vulnerability v : records) {
                zip.putNextEntry(new ZipEntry(v.id() + ".json"));
                zip.write(osvJson(v).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    private static String osvJson(Vulnerability v) {
        StringBuilder json = new StringBuilder();
        json.append("{\"schema_version\":\"1.6.0\",\"id\":\"").append(v.id()).append("\",\"modified\":\"2024-01-01T00:00:00Z\",")
                .append("\"aliases\":[\"").append(v.aliases().get(0)).append("\"],\"summary\":\"").append(v.summary())
                .append("\",\"database_specific\":{\"severity\":\"").append(v.highestSeverity().level().name())
                .append("\"},\"affected\":[");
        AffectedPackage p = v.affected().get(0);
        json.append("{\"package\":{\"ecosystem\":\"Maven\",\"name\":\"").append(p.name()).append("\"},\"ranges\":[{\"type\":\"ECOSYSTEM\",\"events\":[");
        List<RangeEvent> events = p.ranges().get(0).events();
        for (int i = 0; i < events.size(); i++) {
            RangeEvent e = events.get(i);
            json.append(i == 0 ? "" : ",").append("{\"").append(e.kind() == RangeEvent.Kind.INTRODUCED ? "introduced" : "fixed")
                    .append("\":\"").append(e.version()).append("\"}");
        }
        json.append("]}]}]}");
        return json.toString();
    }
}
