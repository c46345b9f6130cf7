package org.patchgap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgap.formats.csaf.CsafAdvisoryReader;
import org.patchgap.formats.csaf.CsafMandatoryTests;
import org.patchgap.formats.cyclonedx.CycloneDxVexReader;
import org.patchgap.formats.openvex.OpenVexReader;

/**
 * Issue 13's report formats end to end on the demo data (the whole examples/ tree, advisories and inventories):
 * each is written, exits as the findings say, and reads back with the reader or checker of its format. The
 * format-level schema checks are the writers' own tests in formats.
 */
class ScanFormatsTest {

    private static final String ADVISORIES = Cli.example("advisories");
    private static final String INVENTORIES = Cli.example("inventories");

    @TempDir
    Path dir;

    private Path scan(String format, String... more) {
        Path out = dir.resolve("report." + format);
        List<String> args = new java.util.ArrayList<>(List.of("scan", "--format", format, "--output", out.toString(),
                "--advisories", ADVISORIES));
        args.addAll(List.of(more));
        args.add(INVENTORIES);
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(out).exists();
        return out;
    }

    @Test
    void cycloneDxDescribesEveryComponentAndEveryFinding() throws Exception {
        JsonNode bom = new ObjectMapper().readTree(scan("cyclonedx").toFile());
        assertThat(bom.get("bomFormat").asText()).isEqualTo("CycloneDX");
        assertThat(bom.get("specVersion").asText()).isEqualTo("1.6");
        assertThat(bom.get("vulnerabilities")).hasSize(40); // the table's 40 findings
        assertThat(bom.get("components")).hasSize(11); // one per target
        JsonNode eternalBlue = null;
        for (JsonNode v : bom.get("vulnerabilities")) {
            if (v.get("id").asText().equals("CVE-2017-0144") && v.toString().contains("SRV2012R2-FS07")) eternalBlue = v;
        }
        assertThat(eternalBlue).isNotNull();
        assertThat(eternalBlue.toString()).contains("\"method\":\"SSVC\"", "Attend");
        // the BOM is also a VEX document our reader takes: no not-affected analyses here, so no statements, no error
        assertThat(new CycloneDxVexReader().read(dir.resolve("report.cyclonedx")).items()).isEmpty();
    }

    @Test
    void csafVexPassesTheMandatoryTestsAndReadsBack() throws Exception {
        Path out = scan("csaf-vex", "--vex-author", "Example Corp PSIRT", "--vex-namespace", "https://example.com");
        JsonNode csaf = new ObjectMapper().readTree(out.toFile());
        assertThat(CsafMandatoryTests.check(csaf)).isEmpty();
        assertThat(csaf.at("/document/publisher/name").asText()).isEqualTo("Example Corp PSIRT");
        assertThat(csaf.at("/document/publisher/namespace").asText()).isEqualTo("https://example.com");
        Path copy = Files.copy(out, dir.resolve("vex.json"));
        // Windows products are named by Microsoft's product name (no purl, no CPE): the reader says so, nothing else.
        assertThat(new CsafAdvisoryReader().read(copy).problems()).allSatisfy(p ->
                assertThat(p.message()).contains("neither purl nor CPE", "Windows"));
    }

    @Test
    void openVexStatesEveryFindingAsAffectedWithAnAction() throws Exception {
        Path out = scan("openvex");
        JsonNode vex = new ObjectMapper().readTree(out.toFile());
        assertThat(vex.get("statements")).isNotEmpty().allSatisfy(s -> {
            assertThat(s.get("status").asText()).isEqualTo("affected");
            assertThat(s.get("action_statement").asText()).isNotBlank();
        });
        Path copy = Files.copy(out, dir.resolve("vex.openvex.json"));
        assertThat(new OpenVexReader().read(copy).problems()).isEmpty();
    }

    @Test
    void csvHasAHeaderAndARowPerFinding() throws Exception {
        List<String> lines = Files.readAllLines(scan("csv"));
        assertThat(lines.get(0)).startsWith("priority,severity,score,epss,kev,kev_due_date,target,");
        assertThat(lines).hasSize(41);
        assertThat(lines.get(1)).startsWith("Act,critical,10.0,,yes,2021-12-24,");
    }

    @Test
    void markdownIsAPullRequestComment() throws Exception {
        String md = Files.readString(scan("markdown"));
        assertThat(md).startsWith("### Patchgap: 40 findings in 8 of 11 targets\n")
                .contains("| Act | critical 10.0 | `org.apache.logging.log4j:log4j-core` | `2.14.1` | "
                        + "[`CVE-2021-44228`](https://nvd.nist.gov/vuln/detail/CVE-2021-44228) **KEV** | `2.15.0` | "
                        + "`shop-backend@1.4.0` |");
    }

    @Test
    void aCleanScanWritesNoVexDocumentAndSaysWhy() {
        Path out = dir.resolve("clean.openvex.json");
        Cli.Result r = Cli.run("scan", "--format", "openvex", "--output", out.toString(), "--advisories",
                Cli.example("advisories/osv"), Cli.example("inventories/windows"));
        assertThat(r.exit()).isZero();
        assertThat(out).doesNotExist();
        assertThat(r.err()).contains("nothing to state, no OpenVEX document written");
    }

    @Test
    void anUnknownFormatNamesTheKnownOnes() {
        Cli.Result r = Cli.run("scan", "--format", "spdx", INVENTORIES);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("expected table, json, sarif, cyclonedx, openvex, csaf-vex, csv or markdown, found 'spdx'");
    }
}
