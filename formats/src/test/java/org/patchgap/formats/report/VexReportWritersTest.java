package org.patchgap.formats.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.Finding;
import org.patchgap.core.model.NotAffectedStatement;
import org.patchgap.core.model.SuppressedFinding;
import org.patchgap.core.model.Vulnerability;
import org.patchgap.formats.csaf.CsafAdvisoryReader;
import org.patchgap.formats.csaf.CsafMandatoryTests;
import org.patchgap.formats.openvex.OpenVexReader;

/**
 * The OpenVEX and CSAF VEX reports: golden files, their JSON schemas (OpenVEX 0.2.0; CSAF 2.0 with FIRST's CVSS
 * schemas), CSAF's mandatory tests, and our own readers reading the not-affected statements back.
 */
class VexReportWritersTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final VexAuthor AUTHOR = new VexAuthor("Example PSIRT", "https://psirt.example.com");

    @TempDir
    Path dir;

    /** The VEX fixture with a purl on the vendor's build, so that readers can match the statement. */
    static ScanReport report() {
        ScanReport vex = ReportFixtures.vexReport();
        SuppressedFinding s = ReportFixtures.LOG4SHELL_NOT_AFFECTED;
        Finding f = s.finding();
        Component built = new Component("Maven", f.component().name(), "2.14.1-vendor1",
                "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1-vendor1", f.component().location());
        SuppressedFinding match = new SuppressedFinding(new Finding(f.target(), built, f.vulnerability(), f.severity(),
                f.evidence(), f.fixedVersions(), true), s.statement(), s.recordId(), s.source());
        return new ScanReport(vex.findings(), vex.upgrades(), vex.problems(), vex.summary(), vex.knownExploited(),
                vex.epss(), List.of(match));
    }

    private static byte[] openVex(ScanReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new OpenVexReportWriter(AUTHOR, "1.2.3", NOW).write(report, out);
        return out.toByteArray();
    }

    private static byte[] csafVex(ScanReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CsafVexReportWriter(AUTHOR, "1.2.3", NOW).write(report, out);
        return out.toByteArray();
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = VexReportWritersTest.class.getResourceAsStream("/reports/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void openVexMatchesTheGoldenFile() throws IOException {
        assertThat(new String(openVex(report()), StandardCharsets.UTF_8)).isEqualTo(golden("scan.openvex.json"));
    }

    @Test
    void csafVexMatchesTheGoldenFile() throws IOException {
        assertThat(new String(csafVex(report()), StandardCharsets.UTF_8)).isEqualTo(golden("scan.csaf-vex.json"));
    }

    @Test
    void openVexIsValidAgainstItsSchema() throws Exception {
        for (ScanReport r : List.of(report(), ReportFixtures.report())) {
            Path doc = JsonSchemaCheck.write(dir, "doc.openvex.json", openVex(r));
            assertThat(JsonSchemaCheck.errors(JsonSchemaCheck.resource("/schemas/openvex/openvex_json_schema.json"),
                    Map.of(), doc)).isEmpty();
        }
    }

    @Test
    void csafVexIsValidAgainstTheSchemaAndPassesTheMandatoryTests() throws Exception {
        Map<String, Path> first = Map.of(
                "https://www.first.org/cvss/cvss-v2.0.json", JsonSchemaCheck.resource("/schemas/csaf-2.0/first/cvss-v2.0.json"),
                "https://www.first.org/cvss/cvss-v3.0.json", JsonSchemaCheck.resource("/schemas/csaf-2.0/first/cvss-v3.0.json"),
                "https://www.first.org/cvss/cvss-v3.1.json", JsonSchemaCheck.resource("/schemas/csaf-2.0/first/cvss-v3.1.json"));
        for (ScanReport r : List.of(report(), ReportFixtures.report())) {
            byte[] bytes = csafVex(r);
            Path doc = JsonSchemaCheck.write(dir, "doc.csaf.json", bytes);
            assertThat(JsonSchemaCheck.errors(JsonSchemaCheck.resource("/schemas/csaf-2.0/csaf_json_schema.json"),
                    first, doc)).isEmpty();
            assertThat(CsafMandatoryTests.check(new ObjectMapper().readTree(bytes))).isEmpty();
        }
    }

    @Test
    void theSchemaCheckCanFail() throws Exception {
        Path doc = JsonSchemaCheck.write(dir, "bad.openvex.json", "{\"@context\": \"https://openvex.dev/ns/v0.2.0\"}"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(JsonSchemaCheck.errors(JsonSchemaCheck.resource("/schemas/openvex/openvex_json_schema.json"),
                Map.of(), doc)).isNotEmpty();
    }

    @Test
    void ourReadersReadTheNotAffectedStatementBack() throws Exception {
        for (Path doc : List.of(JsonSchemaCheck.write(dir, "scan.openvex.json", openVex(report())),
                JsonSchemaCheck.write(dir, "scan.csaf.json", csafVex(report())))) {
            List<Vulnerability> read = doc.toString().endsWith("openvex.json")
                    ? new OpenVexReader().read(doc).items() : new CsafAdvisoryReader().read(doc).items();
            List<NotAffectedStatement> statements = read.stream().flatMap(v -> v.notAffected().stream()).toList();
            assertThat(statements).as(doc.toString()).singleElement().satisfies(s -> {
                assertThat(s.name()).isEqualTo("org.apache.logging.log4j:log4j-core");
                assertThat(s.versions()).containsExactly("2.14.1-vendor1");
                assertThat(s.justification()).isEqualTo(NotAffectedStatement.Justification.VULNERABLE_CODE_NOT_PRESENT);
            });
        }
    }

    @Test
    void everyAffectedProductHasAnActionAndTheKevListingIsAThreat() throws IOException {
        JsonNode csaf = new ObjectMapper().readTree(csafVex(ReportFixtures.vexReport()));
        assertThat(csaf.at("/document/category").asText()).isEqualTo("csaf_vex");
        assertThat(csaf.at("/document/publisher/name").asText()).isEqualTo("Example PSIRT");
        JsonNode openVex = new ObjectMapper().readTree(openVex(ReportFixtures.report()));
        for (JsonNode statement : openVex.get("statements")) {
            assertThat(statement.get("status").asText()).isEqualTo("affected");
            assertThat(statement.get("action_statement").asText()).isNotBlank();
        }
        assertThat(openVex.at("/statements/0/vulnerability/name").asText()).startsWith("CVE-");
    }

    @Test
    void aCleanScanHasNothingToState() {
        ScanReport clean = new ScanReport(List.of(), List.of(), List.of(), ReportFixtures.SUMMARY);
        assertThat(OpenVexReportWriter.hasStatements(clean)).isFalse();
        assertThatThrownBy(() -> openVex(clean)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> csafVex(clean)).isInstanceOf(IllegalArgumentException.class);
    }
}
