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
import org.junit.jupiter.api.io.TempDir;

/** {@code patchgap scan} in-process on the bundled demo data (examples/). */
class ScanCommandTest {

    private static final String ADVISORIES = Cli.example("advisories/osv");
    private static final String JAVA_APP = Cli.example("inventories/shop-backend.cdx.json");
    private static final String PYTHON_APP = Cli.example("inventories/billing-api.cdx.json");

    @Test
    void findsLog4ShellAndItsFollowUpsWithTheirNearestFixes() throws IOException {
        Cli.Result r = Cli.run("scan", "--advisories", ADVISORIES, "--format", "json", JAVA_APP);
        assertThat(r.exit()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(r.out());
        List<String> rows = new ArrayList<>();
        for (JsonNode f : report.get("findings")) {
            rows.add(f.at("/package/version").asText() + " " + f.at("/vulnerability/id").asText() + " " + f.get("fix").asText()
                    + " " + f.get("upgrade").asText());
        }
        assertThat(rows).containsExactlyInAnyOrder(
                "2.14.1 GHSA-jfh8-c2jp-5v3q 2.15.0 2.17.1",
                "2.14.1 GHSA-7rjr-3q55-vv33 2.16.0 2.17.1",
                "2.14.1 GHSA-p6xc-xr62-6r2g 2.17.0 2.17.1",
                "2.14.1 GHSA-8489-44mv-ggj8 2.17.1 2.17.1",
                // the nested back-port line: nearest fixes stay on 2.12.x
                "2.12.2 GHSA-p6xc-xr62-6r2g 2.12.3 2.12.4",
                "2.12.2 GHSA-8489-44mv-ggj8 2.12.4 2.12.4");
        assertThat(report.at("/findings/0/severity/level").asText()).isEqualTo("critical");
        assertThat(report.at("/findings/0/vulnerability/aliases").toString()).contains("CVE-2021-44228");
    }

    @Test
    void tableNamesTheUpgradeThatRemovesEveryFinding() {
        Cli.Result r = Cli.run("scan", "--advisories", ADVISORIES, JAVA_APP);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("upgrade org.apache.logging.log4j:log4j-core 2.14.1 -> 2.17.1 (fixes 4) in shop-backend@1.4.0");
        assertThat(r.out()).contains("upgrade org.apache.logging.log4j:log4j-core 2.12.2 -> 2.12.4 (fixes 2) in shop-backend@1.4.0");
        assertThat(r.out()).contains("CVE-2021-44228").doesNotContain("GHSA-jfh8-c2jp-5v3q");
        assertThat(r.out()).doesNotContain("\u001b[");
        assertThat(Cli.run("scan", "--wide", "--advisories", ADVISORIES, JAVA_APP).out())
                .contains("GHSA-jfh8-c2jp-5v3q (CVE-2021-44228)");
    }

    @Test
    void failOnThresholdDecidesTheExitCode() {
        // billing-api's most severe finding is high (urllib3)
        assertThat(Cli.run("scan", "--advisories", ADVISORIES, "--fail-on", "critical", PYTHON_APP).exit()).isEqualTo(0);
        assertThat(Cli.run("scan", "--advisories", ADVISORIES, "--fail-on", "high", PYTHON_APP).exit()).isEqualTo(1);
        assertThat(Cli.run("scan", "--advisories", ADVISORIES, "--fail-on", "none", PYTHON_APP).exit()).isEqualTo(0);
        assertThat(Cli.run("scan", "--advisories", ADVISORIES, "--fail-on", "HIGH", PYTHON_APP).exit()).isEqualTo(1);
    }

    @Test
    void withdrawnAdvisoriesAndGitRangesAreCountedOnStandardError() throws IOException {
        Cli.Result r = Cli.run("scan", "--advisories", ADVISORIES, "--format", "json", PYTHON_APP);
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertThat(report.at("/summary/withdrawn").asInt()).isEqualTo(1);
        assertThat(report.at("/summary/gitRanges").asInt()).isEqualTo(1);
        assertThat(r.err()).contains("1 withdrawn advisory ignored", "1 GIT range not matched");
        List<String> ids = new ArrayList<>();
        report.get("findings").forEach(f -> ids.add(f.at("/vulnerability/id").asText()));
        assertThat(ids).containsExactlyInAnyOrder("PYSEC-2023-192", "PYSEC-2023-74", "PYSEC-2021-66");
    }

    @Test
    void colourOnlyOnATerminalWithoutNoColor() {
        String[] args = {"scan", "--advisories", ADVISORIES, JAVA_APP};
        assertThat(Cli.run("", Map.of(), true, args).out()).contains("\u001b[");
        assertThat(Cli.run("", Map.of("NO_COLOR", "1"), true, args).out()).doesNotContain("\u001b[");
        assertThat(Cli.run("", Map.of(), false, args).out()).doesNotContain("\u001b[");
    }

    @Test
    void outputWritesTheReportToAFileAndNothingToStandardOutput(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("report.json");
        Files.writeString(file, "previous report");
        Cli.Result r = Cli.run("", Map.of(), true, "scan", "--advisories", ADVISORIES, "--format", "json", "--output",
                file.toString(), JAVA_APP);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(new ObjectMapper().readTree(file.toFile()).get("findings")).hasSize(6);
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(file); // no temporary file left behind
        }
    }

    @Test
    void outputGetsThePermissionsOfAPlainNewFile(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path report = dir.resolve("report.txt");
        Cli.Result r = Cli.run("scan", "--advisories", ADVISORIES, "--output", report.toString(), JAVA_APP);
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        assertThat(Files.getPosixFilePermissions(report)).isEqualTo(Files.getPosixFilePermissions(plain));
        try (var names = Files.list(dir)) {
            assertThat(names.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("report.txt", "plain.txt");
        }
    }

    /** Issue 14: a Go module path of one element, as SBOM generators write it, is matched, not refused. */
    @Test
    void aSingleElementGoModuleIsMatched(@TempDir Path dir) throws IOException {
        Path advisory = Files.writeString(dir.resolve("GO-2023-1.json"), """
                {"schema_version": "1.6.0", "id": "GO-2099-0001", "modified": "2023-01-01T00:00:00Z",
                 "aliases": ["CVE-2099-0001"], "summary": "a flaw in tailscale",
                 "affected": [{"package": {"ecosystem": "Go", "name": "tailscale.com"},
                   "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "1.38.3"}]}]}]}
                """);
        Path sbom = Files.writeString(dir.resolve("app.cdx.json"), """
                {"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1, "components": [
                  {"type": "library", "name": "tailscale.com", "version": "v1.34.0", "purl": "pkg:golang/tailscale.com@v1.34.0"}]}
                """);
        Cli.Result r = Cli.run("scan", "--advisories", advisory.toString(), "--format", "json", sbom.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        var findings = new ObjectMapper().readTree(r.out()).get("findings");
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).at("/package/name").asText()).isEqualTo("tailscale.com");
        assertThat(findings.get(0).at("/fix").asText()).isEqualTo("1.38.3");
    }

    /** Issue 14: Alpine versions with digits after the letter, as old releases wrote them, are matched. */
    @Test
    void anAlpineVersionWithDigitsAfterTheLetterIsMatched(@TempDir Path dir) throws IOException {
        Path advisory = Files.writeString(dir.resolve("ALPINE-1.json"), """
                {"schema_version": "1.6.0", "id": "ALPINE-CVE-2099-0002", "modified": "2023-01-01T00:00:00Z",
                 "affected": [{"package": {"ecosystem": "Alpine:v3.2", "name": "openssh"},
                   "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "5.1p2-r0"}]}]}]}
                """);
        Path sbom = Files.writeString(dir.resolve("host.cdx.json"), """
                {"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1, "components": [
                  {"type": "library", "name": "openssh", "version": "5.1p1-r3",
                   "purl": "pkg:apk/alpine/openssh@5.1p1-r3?distro=3.2.3"},
                  {"type": "library", "name": "openssh-client", "version": "5.1p2-r0",
                   "purl": "pkg:apk/alpine/openssh-client@5.1p2-r0?distro=3.2.3"}]}
                """);
        Cli.Result r = Cli.run("scan", "--advisories", advisory.toString(), "--format", "json", sbom.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        var report = new ObjectMapper().readTree(r.out());
        assertThat(report.get("findings")).hasSize(1);
        assertThat(report.get("findings").get(0).at("/package/version").asText()).isEqualTo("5.1p1-r3");
        assertThat(report.get("findings").get(0).at("/fix").asText()).isEqualTo("5.1p2-r0");
        assertThat(r.err()).doesNotContain("invalid Alpine version");
    }

    /** Issue 13: the SSVC priority on the WannaCry demo: exposed hosts Act, the one with SMBv1 disabled Attend. */
    @Test
    void ms17010IsActOnExposedHostsAndAttendWhereSmbV1IsDisabled() throws IOException {
        Path examples = Path.of("..", "examples");
        Cli.Result r = Cli.run("scan", "--advisories", examples.resolve("advisories").toString(), "--format", "json",
                examples.resolve("inventories/windows").toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        var findings = new ObjectMapper().readTree(r.out()).get("findings");
        java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> eternalBlue = new java.util.HashMap<>();
        for (var f : findings) {
            if (f.at("/vulnerability/id").asText().equals("CVE-2017-0144")) eternalBlue.put(f.get("target").asText(), f);
        }
        assertThat(eternalBlue.get("WIN7-FIN01").at("/priority/decision").asText()).isEqualTo("Act");
        assertThat(eternalBlue.get("WIN7-FIN01").at("/priority/ssvc").asText()).isEqualTo("E:A/A:Y/T:T/M:M");
        var mitigated = eternalBlue.get("SRV2012R2-FS07").get("priority");
        assertThat(mitigated.get("decision").asText()).isEqualTo("Attend");
        assertThat(mitigated.get("reasons").toString())
                .contains("automatable no: mitigation on the host, SMBv1 server disabled (smb1.server=disabled)");

        Cli.Result table = Cli.run("scan", "--advisories", examples.resolve("advisories").toString(),
                examples.resolve("inventories/windows").toString());
        // Grouped under each host, the most urgent host first, and every line fits 120 columns.
        assertThat(table.out().lines().skip(1).findFirst().orElseThrow()).startsWith("  PRIORITY  SEVERITY");
        assertThat(table.out().lines().skip(2).findFirst().orElseThrow()).startsWith("  Act ");
        assertThat(table.out().lines()).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(120));
        // --fail-on takes a priority: Act findings fail it; with a low mission impact nothing reaches Act.
        assertThat(Cli.run("scan", "--advisories", examples.resolve("advisories").toString(), "--fail-on", "act",
                examples.resolve("inventories/windows").toString()).exit()).isEqualTo(1);
        assertThat(Cli.run("scan", "--advisories", examples.resolve("advisories").toString(), "--fail-on", "act",
                "--mission-impact", "low", examples.resolve("inventories/windows").toString()).exit()).isZero();
        Cli.Result bad = Cli.run("scan", "--fail-on", "urgent", examples.resolve("inventories/windows").toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("expected any, low, medium, high, critical, none, track, track*, attend or act");
    }

    /** Issue 13: SARIF for code scanning, located at the lockfile line that declared the component. */
    @Test
    void sarifPointsAtTheLineThatDeclaredTheComponent(@TempDir Path dir) throws IOException {
        Path advisory = Files.writeString(dir.resolve("PYSEC-1.json"), """
                {"schema_version": "1.6.0", "id": "PYSEC-2099-1", "modified": "2023-01-01T00:00:00Z",
                 "aliases": ["CVE-2099-0003"], "summary": "a flaw in urllib3",
                 "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N"}],
                 "affected": [{"package": {"ecosystem": "PyPI", "name": "urllib3"},
                   "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "1.26.17"}]}]}]}
                """);
        Path requirements = Files.writeString(dir.resolve("requirements.txt"), "# app\nrequests==2.31.0\nurllib3==1.26.5\n");
        Path report = dir.resolve("scan.sarif");
        Cli.Result r = Cli.run("scan", "--advisories", advisory.toString(), "--format", "sarif", "--output",
                report.toString(), requirements.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        var sarif = new ObjectMapper().readTree(report.toFile());
        var result = sarif.at("/runs/0/results/0");
        assertThat(result.get("ruleId").asText()).isEqualTo("PYSEC-2099-1");
        assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(3);
        assertThat(result.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).endsWith("requirements.txt");
        assertThat(sarif.at("/runs/0/tool/driver/rules/0/properties/security-severity").asText()).isEqualTo("7.5");
    }

    /** Issue 13: ignore rules keep findings out, list them apart, and warn about expired and stale rules. */
    @Test
    void ignoreRulesListTheIgnoredApartAndWarnAboutStaleOnes(@TempDir Path dir) throws IOException {
        Path rules = Files.writeString(dir.resolve("ignore.yml"), """
                ignore:
                  - id: CVE-2021-44228
                    package: org.apache.logging.log4j:log4j-core
                    reason: JndiLookup.class removed from the jar
                    expires: 2999-12-31
                  - id: CVE-2099-0001
                    reason: no longer used
                  - id: CVE-2021-45046
                    reason: accepted until the 2.17 upgrade
                    expires: 2001-01-01
                """);
        Cli.Result json = Cli.run("scan", "--advisories", ADVISORIES, "--ignore", rules.toString(), "--format", "json",
                JAVA_APP);
        var report = new ObjectMapper().readTree(json.out());
        assertThat(report.get("ignored")).hasSize(1);
        assertThat(report.at("/ignored/0/vulnerability/aliases/0").asText()).isEqualTo("CVE-2021-44228");
        assertThat(report.at("/ignored/0/rule/line").asInt()).isEqualTo(2);
        for (var f : report.get("findings")) {
            assertThat(f.at("/vulnerability/aliases").toString()).doesNotContain("CVE-2021-44228");
        }
        assertThat(json.err()).contains("line 6: ignore rule for CVE-2099-0001 matches no finding (stale)")
                .contains("line 8: ignore rule for CVE-2021-45046 expired on 2001-01-01; not applied");

        Cli.Result table = Cli.run("scan", "--advisories", ADVISORIES, "--ignore", rules.toString(), JAVA_APP);
        assertThat(table.out()).contains("1 finding ignored by rule")
                .contains("JndiLookup.class removed from the jar, until 2999-12-31 [" + rules + " line 2]");

        Path broken = Files.writeString(dir.resolve("broken.yml"), "ignore:\n  - id: CVE-1\n    reasn: typo\n");
        Cli.Result bad = Cli.run("scan", "--advisories", ADVISORIES, "--ignore", broken.toString(), JAVA_APP);
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("patchgap: " + broken + ": line 2: unknown key 'reasn' in rule (expected id, "
                + "package, versions, reason, expires)\n");
    }

    @Test
    void outputToDevNullLeavesTheDeviceADevice() {
        Path devNull = Path.of("/dev/null");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(devNull), "no /dev/null on this system");
        Cli.Result r = Cli.run("scan", "--advisories", ADVISORIES, "--output", devNull.toString(), JAVA_APP);
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(Files.isRegularFile(devNull, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void outputToAFifoWritesTheReportToItsReader(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("report.pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");
        var reader = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Cli.Result r = Cli.run("scan", "--advisories", ADVISORIES, "--format", "json", "--output", fifo.toString(),
                JAVA_APP);
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        String report = reader.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(new ObjectMapper().readTree(report).get("findings")).hasSize(6);
        assertThat(Files.isRegularFile(fifo, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void outputThroughASymlinkReplacesTheFileAndKeepsTheLink(@TempDir Path dir) throws IOException {
        Path real = Files.writeString(Files.createDirectory(dir.resolve("reports")).resolve("latest.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("report.json"), real);
        Cli.Result r = Cli.run("scan", "--advisories", ADVISORIES, "--format", "json", "--output", link.toString(),
                JAVA_APP);
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(new ObjectMapper().readTree(real.toFile()).get("findings")).hasSize(6);
    }

    @Test
    void outputNamingADirectoryIsAnInputError(@TempDir Path dir) {
        Cli.Result r = Cli.run("scan", "--advisories", ADVISORIES, "--output", dir.toString(), JAVA_APP);
        assertThat(r).isEqualTo(new Cli.Result(2, "", "patchgap: " + dir
                + ": cannot write: is a directory; give --output a file name\n"));
    }

    @Test
    void outputIntoAMissingDirectoryIsAnInputError(@TempDir Path dir) {
        Cli.Result r = Cli.run("scan", "--advisories", ADVISORIES, "--output", dir.resolve("no/such/r.txt").toString(), JAVA_APP);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).endsWith("r.txt: cannot write: no such directory\n");
    }

    @Test
    void withoutAdvisoriesOrADatabaseItSaysWhatToDo(@TempDir Path dir) {
        Path empty = dir.resolve("no-db");
        Cli.Result r = Cli.run("scan", "--db", empty.toString(), JAVA_APP);
        assertThat(r).isEqualTo(new Cli.Result(2, "", "patchgap: no advisories: no advisory database at " + empty
                + "; run 'patchgap db update' (or 'patchgap db import PATH'), or pass --advisories PATH\n"));
    }

    @Test
    void anAdvisoryDirectoryWithoutAdvisoriesIsAWarningNotASilentCleanResult(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("README"), "no advisories in here");
        Cli.Result r = Cli.run("scan", "--advisories", dir.toString(), JAVA_APP);
        assertThat(r.exit()).isZero();
        assertThat(r.err()).contains("patchgap: warning: " + dir + ": no advisories found here");
    }

    @Test
    void aNamedJsonFileThatHoldsNoOsvRecordIsAnError(@TempDir Path dir) throws Exception {
        Path json = Files.writeString(dir.resolve("schema.json"), "{\"title\": \"some other JSON\"}");
        Cli.Result r = Cli.run("scan", "--advisories", json.toString(), JAVA_APP);
        assertThat(r).isEqualTo(new Cli.Result(2, "", "patchgap: " + json
                + ": not OSV advisories: its one record is not an OSV record (no \"id\")\n"));
    }

    @Test
    void aJsonFileThatHoldsNoOsvRecordInADirectoryIsAWarning(@TempDir Path dir) throws Exception {
        Path json = Files.writeString(dir.resolve("schema.json"), "{\"title\": \"some other JSON\"}");
        Cli.Result r = Cli.run("scan", "--advisories", dir.toString(), JAVA_APP);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("patchgap: warning: " + json + ": skipped: not an OSV record");
    }

    @Test
    void aNamedCsafDocumentWhoseProductsCannotBeMatchedIsAWarning(@TempDir Path dir) throws Exception {
        String csaf = Files.readString(Cli.REPO.resolve("formats/src/test/resources/csaf/npm-affected-and-fixed.json"));
        Path json = Files.writeString(dir.resolve("no-purls.json"),
                csaf.replace("\"purl\"", "\"x_purl\"").replace("\"cpe\"", "\"x_cpe\""));
        Cli.Result r = Cli.run("scan", "--advisories", json.toString(), JAVA_APP);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains(json + ": /vulnerabilities/0/product_status: 3 affected product(s) have neither "
                + "purl nor CPE");
    }

    @Test
    void ignoredQfeLinesAreCountedAsInventoryEntriesNotComponents() {
        Cli.Result r = Cli.run("scan", "--advisories", ADVISORIES, Cli.example("inventories/windows/xp-pos04"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("2 inventory entries skipped").doesNotContain("components skipped")
                .contains("qfe.csv: line 3: not a KB update id, ignored: 'File 1'");
    }

    @Test
    void aNamedOsvFileWithoutRecordsIsAWarning(@TempDir Path dir) throws Exception {
        Path json = Files.writeString(dir.resolve("empty.json"), "[]");
        Cli.Result r = Cli.run("scan", "--advisories", json.toString(), JAVA_APP);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("patchgap: warning: " + json + ": no usable advisory record in this file");
    }

    @Test
    void aWindowsHostWithoutMicrosoftAdvisoriesIsReportedAsNotChecked() {
        Cli.Result r = Cli.run("scan", "--advisories", ADVISORIES, Cli.example("inventories/windows/win7-fin01-systeminfo.txt"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("win7-fin01-systeminfo.txt: Windows host WIN7-FIN01 not checked: no Microsoft "
                + "security updates among the advisories");
    }

    @Test
    void aTargetDirectoryWithoutInventoriesIsAWarning(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("README"), "no inventories in here");
        Cli.Result r = Cli.run("scan", "--advisories", ADVISORIES, dir.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.err()).contains("patchgap: warning: " + dir + ": no inventory found here");
    }

    @Test
    void aDatabaseOptionNamingAFileSaysSo(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("db.txt"), "not a directory");
        Cli.Result r = Cli.run("scan", "--db", file.toString(), JAVA_APP);
        assertThat(r).isEqualTo(new Cli.Result(2, "", "patchgap: no advisories: " + file
                + " is a file, not a database directory; give --db the directory that holds advisories.pgdb\n"));
    }

    @Test
    void aDamagedDatabaseIsNamedOnce(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("advisories.pgdb"), "garbage that is no database at all");
        Cli.Result r = Cli.run("scan", "--db", dir.toString(), JAVA_APP);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("patchgap: " + file + ": not a Patchgap advisory database")
                .doesNotContain(dir + ": " + file);
    }

    @Test
    void anEcosystemTheDatabaseHasNoAdvisoriesForIsReportedAsNotChecked(@TempDir Path dir) {
        String db = dir.resolve("db").toString();
        assertThat(Cli.run("db", "import", "--db", db,
                Cli.example("advisories/kev/known_exploited_vulnerabilities-log4j.json")).exit()).isZero();
        Cli.Result r = Cli.run("scan", "--db", db, JAVA_APP);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("patchgap: warning: " + db + ": no Maven advisories in the database; its "
                + "components were not checked (patchgap db update --source osv:Maven, or db import)");
    }

    @Test
    void withoutAdvisoriesTheDatabaseIsUsedWithItsKevFacts(@TempDir Path dir) {
        String db = dir.resolve("db").toString();
        assertThat(Cli.run("db", "import", "--db", db, ADVISORIES,
                Cli.example("advisories/kev/known_exploited_vulnerabilities-log4j.json")).exit()).isZero();
        Cli.Result r = Cli.run("scan", "--db", db, JAVA_APP);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains(
                "upgrade org.apache.logging.log4j:log4j-core 2.14.1 -> 2.17.1 (fixes 4) in shop-backend@1.4.0",
                "CVE-2021-44228 [KEV]",
                "CVE-2021-44228: Apache Log4j2, listed 2021-12-10");
    }

    @Test
    void aMissingTargetIsOneLineAndExitTwo() {
        Cli.Result r = Cli.run("scan", "--advisories", ADVISORIES, "no-such-sbom.json");
        assertThat(r).isEqualTo(new Cli.Result(2, "", "patchgap: no-such-sbom.json: no such file or directory\n"));
    }

    @Test
    void aMissingAdvisoryPathIsOneLineAndExitTwo() {
        Cli.Result r = Cli.run("scan", "--advisories", "no-such-dir", JAVA_APP);
        assertThat(r).isEqualTo(new Cli.Result(2, "", "patchgap: no-such-dir: no such file or directory\n"));
    }

    @Test
    void aMalformedSbomNamesFileAndPlace(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("broken.cdx.json");
        Files.writeString(broken, "{\n  \"bomFormat\": \"CycloneDX\",\n  \"specVersion\": \"1.5\",\n  \"components\": [ {,\n");
        Cli.Result r = Cli.run("scan", "--advisories", ADVISORIES, broken.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("patchgap: " + broken + ": ");
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void missingTargetArgumentIsAUsageError() {
        Cli.Result r = Cli.run("scan", "--advisories", ADVISORIES);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("patchgap: Missing required parameter").contains("patchgap scan --help");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void unknownFailOnValueIsAUsageError() {
        Cli.Result r = Cli.run("scan", "--advisories", ADVISORIES, "--fail-on", "severe", JAVA_APP);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--fail-on").contains("severe");
    }

    /** An advisory directory is routed by content: a CSAF VEX document to the CSAF reader, an EPSS file to EPSS. */
    @Test
    void anAdvisoryDirectoryWithVexAndEpssSuppressesAndScores(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("notes.csv"), "not,an,epss,file\n"); // a CSV that is not EPSS is ignored
        Files.copy(Path.of(Cli.example("vex/advisories/example-vex-2021-0001.json")), dir.resolve("vex.json"));
        Files.copy(Path.of(Cli.example("vex/advisories/epss_scores-2025-08-25.csv")), dir.resolve("epss.csv"));

        Cli.Result r = Cli.run("scan", "--advisories", ADVISORIES, "--advisories", dir.toString(), "--format", "json",
                Cli.example("vex/reports-service.cdx.json"), JAVA_APP);

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).doesNotContain("notes.csv");
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertThat(report.get("notAffected")).singleElement()
                .satisfies(n -> assertThat(n.get("target").asText()).isEqualTo("reports-service@3.2.0"));
        // The statement is about CVE-2021-44228 only: the build's other log4j findings stay.
        List<String> reports = new ArrayList<>();
        for (JsonNode f : report.get("findings")) {
            if (f.get("target").asText().startsWith("reports-service")) reports.add(f.at("/vulnerability/id").asText());
        }
        assertThat(reports).containsExactlyInAnyOrder("GHSA-7rjr-3q55-vv33", "GHSA-p6xc-xr62-6r2g", "GHSA-8489-44mv-ggj8");
        assertThat(report.at("/findings/0/epss/score").asDouble()).isEqualTo(0.94358);
        assertThat(report.at("/summary/findings/total").asInt()).isEqualTo(9);
    }

    @Test
    void failOnIgnoresMatchesAVendorStatesAreNotAffected() {
        Cli.Result r = Cli.run("scan", "--advisories", Cli.example("advisories/osv/GHSA-jfh8-c2jp-5v3q.json"),
                "--advisories", Cli.example("vex/advisories/example-vex-2021-0001.json"), "--fail-on", "any",
                Cli.example("vex/reports-service.cdx.json"));
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).startsWith("1 finding not reported: vendor states not affected (VEX)");
    }
}
