package org.patchgap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgap.cli.CliProcess.Run;

/**
 * End to end, with the packaged jar: an OpenVEX document or a CycloneDX VEX BOM among the advisories keeps the
 * finding an OSV record makes out of the report (exit 0), from {@code --advisories} and from a database filled by
 * {@code db import}; CPE statements do the same for a CPE-only component matched against an NVD page.
 */
class VexScanIT {

    @Test
    void withoutVexTheOsvRecordIsAFinding() throws Exception {
        Run run = patchgap("scan", "--wide", "--advisories", vex("GHSA-test-log4j.json"), vex("app.cdx.json"));
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains("GHSA-test-log4j");
    }

    @Test
    void anOpenVexNotAffectedStatementSuppressesTheFinding() throws Exception {
        Run run = patchgap("scan", "--format", "json", "--advisories", vex("GHSA-test-log4j.json"),
                "--advisories", vex("log4j.openvex.json"), vex("app.cdx.json"));

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.get("findings")).isEmpty();
        assertThat(report.get("problems")).isEmpty();
        JsonNode na = report.at("/notAffected/0");
        assertThat(na.at("/vulnerability/id").asText()).isEqualTo("GHSA-test-log4j");
        assertThat(na.at("/statement/id").asText()).isEqualTo("CVE-2021-44228");
        assertThat(na.at("/statement/source").asText()).endsWith("log4j.openvex.json");
        assertThat(na.get("justification").asText()).isEqualTo("vulnerable_code_not_present");
    }

    @Test
    void aCycloneDxVexAnalysisSuppressesTheFinding() throws Exception {
        Run run = patchgap("scan", "--format", "json", "--advisories", vex("GHSA-test-log4j.json"),
                "--advisories", vex("log4j.vex.cdx.json"), vex("app.cdx.json"));

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.get("findings")).isEmpty();
        assertThat(report.at("/notAffected/0/statement/source").asText()).endsWith("log4j.vex.cdx.json");
        assertThat(report.at("/notAffected/0/justification").asText()).isEqualTo("vulnerable_code_not_present");
        assertThat(report.at("/notAffected/0/impactStatement").asText()).startsWith("JndiLookup.class is removed");
    }

    @Test
    void vexImportedIntoTheDatabaseSuppressesTheFinding(@TempDir Path db) throws Exception {
        Run imported = patchgap("db", "import", "--db", db.toString(), vex("GHSA-test-log4j.json"),
                vex("log4j.openvex.json"));
        assertThat(imported.exit()).as(imported.out() + imported.err()).isZero();

        Run run = patchgap("scan", "--db", db.toString(), "--format", "json", vex("app.cdx.json"));

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(new ObjectMapper().readTree(run.out()).at("/summary/notAffected").asInt()).isEqualTo(1);
    }

    @Test
    void cpeStatementsSuppressTheCpeFindingsOfAnNvdPage() throws Exception {
        Run run = patchgap("scan", "--format", "json", "--advisories", cpe("nvd-page.json"),
                "--advisories", vex("httpd.openvex.json"), cpe("appliance.cdx.json"));

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.get("findings")).isEmpty();
        List<String> suppressed = new ArrayList<>();
        report.get("notAffected").forEach(n -> suppressed.add(n.at("/vulnerability/id").asText()));
        assertThat(suppressed).containsExactlyInAnyOrder("CVE-2021-41773", "CVE-2021-44790");
    }

    @Test
    void aPlainSbomGivenAsAdvisoriesIsAnErrorNamingTheFile() throws Exception {
        Run run = patchgap("scan", "--advisories", vex("app.cdx.json"), vex("app.cdx.json"));

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("app.cdx.json").contains("/vulnerabilities").contains("give it as a scan target");
    }

    @Test
    void aVexBomGivenAsTargetStaysAnInventory() throws Exception {
        Run run = patchgap("inventory", "--format", "json", vex("log4j.vex.cdx.json"));

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode components = new ObjectMapper().readTree(run.out()).at("/targets/0/components");
        assertThat(components).singleElement()
                .satisfies(c -> assertThat(c.get("name").asText()).isEqualTo("org.apache.logging.log4j:log4j-core"));
    }

    private static String vex(String name) throws URISyntaxException {
        return Path.of(VexScanIT.class.getResource("/vex/" + name).toURI()).toString();
    }

    private static String cpe(String name) throws URISyntaxException {
        return Path.of(VexScanIT.class.getResource("/cpe/" + name).toURI()).toString();
    }

    private static Run patchgap(String... args) throws IOException, InterruptedException {
        return CliProcess.run(CliProcess.REPO, Map.of(), "", args);
    }
}
