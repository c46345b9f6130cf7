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
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgap.core.model.NotAffectedStatement;
import org.patchgap.core.model.Target;
import org.patchgap.core.model.Vulnerability;
import org.patchgap.core.priority.CisaTree;
import org.patchgap.formats.cyclonedx.CycloneDxVexReader;

/**
 * The CycloneDX report: a golden file, the CycloneDX 1.6 JSON schema (cyclonedx-core-java's own validation), the
 * BOM's references resolving, and our CycloneDX VEX reader reading the not-affected analyses back.
 */
class CycloneDxReportWriterTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @TempDir
    Path dir;

    /** The VEX report with its targets: the two fixture targets and the VEX match's build. */
    static ScanReport report() {
        ScanReport vex = ReportFixtures.vexReport();
        return vex.withTargets(List.of(
                new Target("shop", Target.Kind.APPLICATION, "app.cdx.json",
                        List.of(ReportFixtures.LOG4J, ReportFixtures.LOG4SHELL_NOT_AFFECTED.finding().component())),
                new Target("host", Target.Kind.HOST, "host.rpmqa", List.of(ReportFixtures.TELNET))));
    }

    private static byte[] bom(ScanReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CycloneDxReportWriter("1.2.3", CisaTree.MissionImpact.MEDIUM, NOW).write(report, out);
        return out.toByteArray();
    }

    @Test
    void matchesTheGoldenFile() throws IOException {
        String golden;
        try (InputStream in = getClass().getResourceAsStream("/reports/scan.cdx.json")) {
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(new String(bom(report()), StandardCharsets.UTF_8)).isEqualTo(golden);
    }

    @Test
    void validAgainstTheCycloneDx16Schema() throws IOException {
        for (ScanReport report : List.of(report(), ReportFixtures.report(), ReportFixtures.vexReport())) {
            assertThat(new JsonParser().validate(bom(report), Version.VERSION_16)).isEmpty();
        }
    }

    @Test
    void everyAffectsRefNamesAComponentAndEveryBomRefIsUnique() throws IOException {
        JsonNode bom = new ObjectMapper().readTree(bom(report()));
        Set<String> refs = new HashSet<>();
        collectRefs(bom.get("components"), refs);
        assertThat(refs).hasSize(5); // two targets, three components
        Set<String> vulnerabilityRefs = new HashSet<>();
        for (JsonNode v : bom.get("vulnerabilities")) {
            assertThat(vulnerabilityRefs.add(v.get("bom-ref").asText())).isTrue();
            assertThat(refs).contains(v.at("/affects/0/ref").asText());
        }
        assertThat(bom.get("vulnerabilities")).hasSize(3); // two findings, one not-affected match
        JsonNode notAffected = bom.get("vulnerabilities").get(2);
        assertThat(notAffected.at("/analysis/state").asText()).isEqualTo("not_affected");
        assertThat(notAffected.at("/analysis/justification").asText()).isEqualTo("code_not_present");
        assertThat(notAffected.at("/affects/0/versions/0/status").asText()).isEqualTo("unaffected");
        assertThat(bom.at("/vulnerabilities/0/ratings/1/method").asText()).isEqualTo("SSVC");
    }

    private static void collectRefs(JsonNode components, Set<String> refs) {
        if (components == null) return;
        for (JsonNode c : components) {
            assertThat(refs.add(c.get("bom-ref").asText())).as("unique bom-ref").isTrue();
            collectRefs(c.get("components"), refs);
        }
    }

    @Test
    void ourVexReaderReadsTheNotAffectedAnalysisBack() throws Exception {
        // A component the BOM names by purl (a VEX reader matches by purl or CPE; the fixture's build has neither).
        var suppressed = ReportFixtures.LOG4SHELL_NOT_AFFECTED;
        var f = suppressed.finding();
        var built = new org.patchgap.core.model.Component("Maven", f.component().name(), "2.14.1-vendor1",
                "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1-vendor1", f.component().location());
        var match = new org.patchgap.core.model.SuppressedFinding(new org.patchgap.core.model.Finding(f.target(),
                built, f.vulnerability(), f.severity(), f.evidence(), f.fixedVersions(), true), suppressed.statement(),
                suppressed.recordId(), suppressed.source());
        ScanReport report = new ScanReport(List.of(), List.of(), List.of(), ReportFixtures.SUMMARY, java.util.Map.of(),
                java.util.Map.of(), List.of(match));
        Path file = Files.write(dir.resolve("scan.cdx.json"), bom(report));
        List<Vulnerability> read = new CycloneDxVexReader().read(file).items();
        List<NotAffectedStatement> statements = read.stream().flatMap(v -> v.notAffected().stream()).toList();
        assertThat(statements).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("org.apache.logging.log4j:log4j-core");
            assertThat(s.versions()).containsExactly("2.14.1-vendor1");
            assertThat(s.justification()).isEqualTo(NotAffectedStatement.Justification.VULNERABLE_CODE_NOT_PRESENT);
        });
    }
}
