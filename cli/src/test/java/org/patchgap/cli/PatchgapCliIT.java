package org.patchgap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patchgap.cli.CliProcess.Run;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: the packaged jar ({@code cli/target/patchgap.jar}) in a child JVM, run from the repository root on
 * the bundled demo data, exactly as a user or a CI job runs it.
 */
class PatchgapCliIT {

    private static final Path REPO = CliProcess.REPO;

    /** The package-ecosystem part of the demo: OSV advisories and the three application SBOMs. */
    private static final String OSV = "examples/advisories/osv";
    private static final String[] APPS = {"examples/inventories/billing-api.cdx.json",
            "examples/inventories/shop-backend.cdx.json", "examples/inventories/storefront-web.cdx.xml"};

    private static String[] scan(String... options) {
        List<String> args = new ArrayList<>(List.of("scan", "--advisories", OSV));
        args.addAll(List.of(options));
        args.addAll(List.of(APPS));
        return args.toArray(String[]::new);
    }

    private static Run patchgap(String stdin, String... args) throws IOException, InterruptedException {
        return CliProcess.run(REPO, Map.of(), stdin, args);
    }

    @Test
    void theReadmeCommandRunsOnTheWholeDemo() throws Exception {
        Run run = patchgap("", "scan", "--advisories", "examples/advisories", "examples/inventories");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains(
                "upgrade org.apache.logging.log4j:log4j-core 2.14.1 -> 2.17.1 (fixes 4) in shop-backend@1.4.0");
        assertThat(run.err()).doesNotContain("Exception", "\tat ");
        // Issue 13: the default table fits a 120-column terminal.
        assertThat(run.out().lines()).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(120));
    }

    /** Issue 6's WannaCry fleet: which hosts MS17-010 still reaches, what each needs, and the KEV facts. */
    @Test
    void theWannaCryFleetShowsWhichHostsAreExposedAndTheUpdateEachNeeds() throws Exception {
        Run run = patchgap("", "scan", "--advisories", "examples/advisories", "examples/inventories/windows");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains(
                "install KB4012212 or KB4012215 on WIN7-FIN01 (fixes 6)",
                "install KB4012598 on XP-POS04 (fixes 6)",
                "install build 10.0.14393.953 (KB4013429) on WIN10-KIOSK06",
                "install KB4012213 or KB4012216 on SRV2012R2-FS07",
                "CVE-2017-0144: Microsoft SMBv1, listed 2022-02-10, due 2022-08-10, known ransomware use",
                "SRV2012R2-FS07: SMBv1 server disabled");
        // Patched by the security-only update, by a later rollup (transitively), at the fixed build, and the
        // 8.1 host with security-only KB4012213 that other scanners report vulnerable: none is exposed to MS17-010.
        Run wide = patchgap("", "scan", "--wide", "--advisories", "examples/advisories", "examples/inventories/windows");
        assertThat(wide.out()).contains("install KB4012212 or KB4012215 on WIN7-FIN01 (Windows 7 for x64-based "
                + "Systems Service Pack 1 6.1.7601; fixes 6)");
        for (String patched : List.of("WIN7-HR02", "WIN7-LAB03", "WIN10-DEV05", "WIN81-SALES08")) {
            assertThat(wide.out().lines().filter(l -> l.contains(patched) && l.matches(".*CVE-2017-014[3-8].*")))
                    .as(patched).isEmpty();
        }
        assertThat(run.out().lines().filter(l -> l.contains("CVE-2017-0144 [KEV]"))).hasSize(4);
    }

    @Test
    void theApplicationDemoShowsWhichAppsAreExposedAndTheUpgrades() throws Exception {
        Run run = patchgap("", scan());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains(
                "upgrade org.apache.logging.log4j:log4j-core 2.14.1 -> 2.17.1 (fixes 4) in shop-backend@1.4.0",
                "upgrade org.apache.logging.log4j:log4j-core 2.12.2 -> 2.12.4 (fixes 2) in shop-backend@1.4.0",
                "upgrade lodash 4.17.11 -> 4.17.12 (fixes 1) in storefront-web@3.2.0",
                "upgrade minimist 1.2.5 -> 1.2.6 (fixes 1) in storefront-web@3.2.0",
                "request 2.88.2: no fix available (GHSA-p8p7-x288-28g6) in storefront-web@3.2.0",
                "upgrade urllib3 1.26.5 -> 1.26.17 (fixes 1) in billing-api@2.0.1",
                "upgrade requests 2.28.1 -> 2.31.0 (fixes 1) in billing-api@2.0.1",
                "upgrade jinja2 2.11.2 -> 2.11.3 (fixes 1) in billing-api@2.0.1",
                "12 findings (4 critical, 1 high, 7 medium) in 3 of 3 targets");
        // This scan reads OSV records only (no KEV, no EPSS): every priority is Track, so severity orders the rows.
        assertThat(run.out().lines().skip(2).findFirst().orElseThrow()).matches("  Track +critical .*");
        assertThat(run.err()).isEqualTo("patchgap: warning: 1 withdrawn advisory ignored; 1 GIT range not matched (commits, not versions)\n");
    }

    @Test
    void jsonHasExactlyTheExpectedFindings() throws Exception {
        Run run = patchgap("", scan("--format", "json"));
        assertThat(run.exit()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(run.out());
        List<String> rows = new ArrayList<>();
        for (JsonNode f : report.get("findings")) {
            rows.add(String.join(" ", f.get("target").asText(), f.at("/package/ecosystem").asText(), f.at("/package/name").asText(),
                    f.at("/package/version").asText(), f.at("/vulnerability/id").asText(), f.at("/severity/level").asText(),
                    f.get("fixedVersions").toString()));
        }
        assertThat(rows).containsExactlyInAnyOrder(
                "shop-backend@1.4.0 Maven org.apache.logging.log4j:log4j-core 2.14.1 GHSA-jfh8-c2jp-5v3q critical [\"2.15.0\"]",
                "shop-backend@1.4.0 Maven org.apache.logging.log4j:log4j-core 2.14.1 GHSA-7rjr-3q55-vv33 critical [\"2.16.0\"]",
                "shop-backend@1.4.0 Maven org.apache.logging.log4j:log4j-core 2.14.1 GHSA-p6xc-xr62-6r2g medium [\"2.17.0\"]",
                "shop-backend@1.4.0 Maven org.apache.logging.log4j:log4j-core 2.14.1 GHSA-8489-44mv-ggj8 medium [\"2.17.1\"]",
                "shop-backend@1.4.0 Maven org.apache.logging.log4j:log4j-core 2.12.2 GHSA-p6xc-xr62-6r2g medium [\"2.12.3\",\"2.17.0\"]",
                "shop-backend@1.4.0 Maven org.apache.logging.log4j:log4j-core 2.12.2 GHSA-8489-44mv-ggj8 medium [\"2.12.4\",\"2.17.1\"]",
                "storefront-web@3.2.0 npm lodash 4.17.11 GHSA-jf85-cpcp-j695 critical [\"4.17.12\"]",
                "storefront-web@3.2.0 npm minimist 1.2.5 GHSA-xvch-5gv4-984h critical [\"1.2.6\"]",
                "storefront-web@3.2.0 npm request 2.88.2 GHSA-p8p7-x288-28g6 medium []",
                "billing-api@2.0.1 PyPI urllib3 1.26.5 PYSEC-2023-192 high [\"1.26.17\",\"2.0.6\"]",
                "billing-api@2.0.1 PyPI requests 2.28.1 PYSEC-2023-74 medium [\"2.31.0\"]",
                "billing-api@2.0.1 PyPI jinja2 2.11.2 PYSEC-2021-66 medium [\"2.11.3\"]");
        assertThat(report.at("/findings/0/severity/level").asText()).isEqualTo("critical");
        assertThat(report.at("/summary/targets").asInt()).isEqualTo(3);
        assertThat(report.at("/summary/findings/total").asInt()).isEqualTo(12);
        assertThat(report.at("/summary/advisories").asInt()).isEqualTo(11);
        assertThat(report.at("/summary/withdrawn").asInt()).isEqualTo(1);
        assertThat(report.at("/summary/gitRanges").asInt()).isEqualTo(1);
        assertThat(report.get("upgrades")).hasSize(8);
        assertThat(report.get("problems")).isEmpty();
        assertThat(run.err()).doesNotContain("{"); // warnings never mix with the JSON
    }

    /** Issue 4: a vendor's CSAF VEX statement about its own build outranks the generic OSV range. */
    @Test
    void aVexNotAffectedStatementKeepsTheMatchOutOfTheFindingsAndTheExitCodeZero() throws Exception {
        String[] advisories = {"--advisories", OSV + "/GHSA-jfh8-c2jp-5v3q.json",
                "--advisories", "examples/vex/advisories/example-vex-2021-0001.json"};
        String sbom = "examples/vex/reports-service.cdx.json";

        Run table = patchgap("", concat(new String[] {"scan"}, advisories, new String[] {sbom}));
        assertThat(table.exit()).as(table.err()).isZero();
        assertThat(table.out()).isEqualTo("""
                1 finding not reported: vendor states not affected (VEX); --show-not-affected lists it

                No known vulnerabilities found (1 target, 2 components, 2 advisory records).
                """);

        Run json = patchgap("", concat(new String[] {"scan", "--format", "json"}, advisories, new String[] {sbom}));
        assertThat(json.exit()).isZero();
        JsonNode report = new ObjectMapper().readTree(json.out());
        assertThat(report.get("findings")).isEmpty();
        assertThat(report.at("/summary/notAffected").asInt()).isEqualTo(1);
        JsonNode na = report.at("/notAffected/0");
        assertThat(na.at("/package/version").asText()).isEqualTo("2.14.1-example1");
        assertThat(na.at("/vulnerability/id").asText()).isEqualTo("GHSA-jfh8-c2jp-5v3q");
        assertThat(na.at("/vulnerability/aliases").toString()).contains("CVE-2021-44228", "EXAMPLE-VEX-2021-0001");
        assertThat(na.at("/statement/id").asText()).isEqualTo("CVE-2021-44228");
        assertThat(na.get("justification").asText()).isEqualTo("vulnerable_code_not_present");
        assertThat(na.get("impactStatement").asText()).startsWith("JndiLookup.class is removed");
        assertThat(na.at("/statement/source").asText()).isEqualTo("examples/vex/advisories/example-vex-2021-0001.json");

        // Without the VEX document the same SBOM fails on Log4Shell.
        assertThat(patchgap("", "scan", "--advisories", OSV + "/GHSA-jfh8-c2jp-5v3q.json", sbom).exit()).isEqualTo(1);
    }

    @Test
    void epssScoresFromAnAdvisoryFileAreShownBesideTheFindings() throws Exception {
        Run run = patchgap("", "scan", "--advisories", OSV, "--advisories", "examples/vex/advisories/epss_scores-2025-08-25.csv",
                "examples/inventories/shop-backend.cdx.json");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out().lines().skip(1).findFirst().orElseThrow()).startsWith("  PRIORITY  SEVERITY       EPSS  PACKAGE");
        assertThat(run.out()).contains(
                "critical 10.0  94%   org.apache.logging.log4j:log4j-core  2.14.1   CVE-2021-44228",
                "medium 6.6     -     org.apache.logging.log4j:log4j-core  2.14.1   CVE-2021-44832");
    }

    private static String[] concat(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }

    @Test
    void failOnCriticalPassesWhereFailOnHighFails() throws Exception {
        String app = "examples/inventories/billing-api.cdx.json";
        assertThat(patchgap("", "scan", "--advisories", OSV, "--fail-on", "critical", app).exit()).isZero();
        assertThat(patchgap("", "scan", "--advisories", OSV, "--fail-on", "high", app).exit()).isEqualTo(1);
        assertThat(patchgap("", "scan", "--advisories", OSV, app).exit()).isEqualTo(1);
    }

    @Test
    void outputWritesTheReportFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("report.json");
        Run run = patchgap("", "scan", "--advisories", OSV, "--format", "json", "--output", file.toString(),
                "examples/inventories/storefront-web.cdx.xml");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(new ObjectMapper().readTree(file.toFile()).get("findings")).hasSize(3);
    }

    @Test
    void aMalformedSbomIsOneLineNamingLineAndColumn(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.cdx.json");
        Files.writeString(broken, "{\n  \"bomFormat\": \"CycloneDX\",\n  \"specVersion\": \"1.5\",\n  \"components\": [\n    {\"name\": }\n  ]\n}\n");
        Run run = patchgap("", "scan", "--advisories", OSV, broken.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).matches("patchgap: " + java.util.regex.Pattern.quote(broken.toString())
                + ": line 5, column \\d+: [^\\n]+\\n");
    }

    @Test
    void aMissingFileIsOneLineAndExitTwo() throws Exception {
        Run run = patchgap("", "scan", "--advisories", OSV, "examples/inventories/nope.json");
        assertThat(run).isEqualTo(new Run(2, "", "patchgap: examples/inventories/nope.json: no such file or directory\n"));
    }

    @Test
    void versionCompareBatchMarksTheBadPairAndExitsTwo() throws Exception {
        Run run = patchgap("2.14.1\t2.15.0\n2.17.1\t2.17.1\n2.17.1\n2.12.4\t2.3.2\n", "version", "compare", "Maven");
        assertThat(run.out()).isEqualTo("<\n=\n!\n>\n");
        assertThat(run.err()).startsWith("patchgap: <stdin>: line 3: ");
        assertThat(run.exit()).isEqualTo(2);
    }

    @Test
    void versionCompareAndSort() throws Exception {
        assertThat(patchgap("", "version", "compare", "Debian", "1:1.0", "2.0")).isEqualTo(new Run(0, ">\n", ""));
        assertThat(patchgap("1.2.10\n1.2.9\n1.2.9-rc.1\n", "version", "sort", "npm"))
                .isEqualTo(new Run(0, "1.2.9-rc.1\n1.2.9\n1.2.10\n", ""));
        Run invalid = patchgap("1.0\nnot a version!\n", "version", "sort", "npm");
        assertThat(invalid.exit()).isEqualTo(2);
        assertThat(invalid.err()).startsWith("patchgap: <stdin>: line 1: "); // npm wants three numbers
    }

    @Test
    void inventoryListsTheDemoApplications() throws Exception {
        Run run = patchgap("", "inventory", "--format", "json", "examples/inventories");
        assertThat(run.exit()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        List<String> names = new ArrayList<>();
        json.get("targets").forEach(t -> names.add(t.get("name").asText()));
        // the walk is in name order: the three application SBOMs come before the windows/ host inventories
        assertThat(names.subList(0, 3)).containsExactly("billing-api.cdx.json (billing-api@2.0.1)",
                "shop-backend.cdx.json (shop-backend@1.4.0)", "storefront-web.cdx.xml (storefront-web@3.2.0)");
        for (JsonNode target : json.get("targets")) {
            assertThat(target.get("host").isNull()).as(target.get("name").asText())
                    .isEqualTo(!target.get("kind").asText().equals("host"));
        }
    }

    @Test
    void versionAndHelp() throws Exception {
        assertThat(patchgap("", "--version").out()).startsWith("patchgap ");
        assertThat(patchgap("", "scan", "--help").out()).contains("--advisories", "--fail-on", "--format", "--output");
    }
}
