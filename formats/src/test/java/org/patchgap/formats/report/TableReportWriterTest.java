package org.patchgap.formats.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.Finding;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Severity;
import org.patchgap.core.model.Vulnerability;
import org.junit.jupiter.api.Test;

class TableReportWriterTest {

    private final TableReportWriter writer = new TableReportWriter();

    @Test
    void rendersRowsGroupedUnderTheirTargetThenUpgradesThenASummary() {
        String text = writer.render(ReportFixtures.report(), false);
        assertThat(text).isEqualTo("""
                shop
                  PRIORITY  SEVERITY       PACKAGE                              VERSION  VULNERABILITY   FIX
                  Track     critical 10.0  org.apache.logging.log4j:log4j-core  2.14.1   CVE-2021-44228  2.15.0
                  Track     medium 5.9     org.apache.logging.log4j:log4j-core  2.14.1   CVE-2021-45105  2.17.0

                web
                  PRIORITY  SEVERITY  PACKAGE  VERSION  VULNERABILITY   FIX
                  Track     unknown   request  2.88.2   CVE-2023-28155  no fix

                Upgrades
                  upgrade org.apache.logging.log4j:log4j-core 2.14.1 -> 2.17.1 (fixes 2) in shop
                  request 2.88.2: no fix available (GHSA-p8p7-x288-28g6) in web

                3 findings (1 critical, 1 medium, 1 unknown) in 2 of 2 targets, 9 components, 11 advisory records.
                """);
    }

    @Test
    void wideIsOneFlatTableWithEveryIdAndTheTarget() {
        String text = new TableReportWriter(org.patchgap.core.priority.CisaTree.MissionImpact.MEDIUM, true)
                .render(ReportFixtures.report(), false);
        assertThat(text).startsWith("""
                PRIORITY  SEVERITY       PACKAGE                              VERSION  VULNERABILITY                         FIX     TARGET
                Track     critical 10.0  org.apache.logging.log4j:log4j-core  2.14.1   GHSA-jfh8-c2jp-5v3q (CVE-2021-44228)  2.15.0  shop
                Track     medium 5.9     org.apache.logging.log4j:log4j-core  2.14.1   GHSA-p6xc-xr62-6r2g (CVE-2021-45105)  2.17.0  shop
                Track     unknown        request                              2.88.2   GHSA-p8p7-x288-28g6 (CVE-2023-28155)  no fix  web

                Upgrades
                """);
    }

    @Test
    void everyLineFitsAHundredAndTwentyColumnsWhenPackageNamesCanShrink() {
        Component windows = new Component("Windows", "Windows 10 Version 1607 for x64-based Systems", "10.0.14393.693",
                null, new Location("inventories/win10/systeminfo.txt", null));
        Finding f = new Finding("WIN10-KIOSK06", windows, cve("CVE-2017-0143"),
                new Severity(org.patchgap.core.model.SeverityLevel.CRITICAL, 8.1, null, "CVSS_V3"), "KB missing",
                List.of("KB4013429", "10.0.14393.953"), true);
        var upgrade = new org.patchgap.core.match.Upgrade("WIN10-KIOSK06", windows, "build 10.0.14393.953 (KB4013429)",
                List.of("CVE-2017-0143"), List.of());
        ScanReport report = new ScanReport(List.of(f), List.of(upgrade), List.of(), ReportFixtures.SUMMARY,
                java.util.Map.of("CVE-2017-0143", new org.patchgap.formats.kev.KevEntry("CVE-2017-0143", "Microsoft",
                        "Windows", "SMBv1", java.time.LocalDate.parse("2021-11-03"), java.time.LocalDate.parse("2022-05-03"),
                        "Apply updates.", true, List.of())),
                java.util.Map.of("CVE-2017-0143", new org.patchgap.core.model.EpssScore("CVE-2017-0143", 0.94, 0.999,
                        java.time.LocalDate.parse("2024-01-01"))), List.of());
        String text = writer.render(report, false);
        assertThat(text.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(120));
        assertThat(text).contains("  Act       critical 8.1  94%   Windows 10...d Systems  10.0.14393.693  "
                + "CVE-2017-0143 [KEV]  KB4013429 or 10.0.14393.953\n")
                .contains("  install build 10.0.14393.953 (KB4013429) on WIN10-KIOSK06 (fixes 1)\n");
    }

    @Test
    void colourWrapsTheSeverityCellsOnly() {
        String text = writer.render(ReportFixtures.report(), true);
        assertThat(text).contains("\u001b[1;31mcritical 10.0  \u001b[0m");
        assertThat(text.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(writer.render(ReportFixtures.report(), false));
    }

    @Test
    void aCleanScanSaysSo() {
        ScanReport clean = new ScanReport(List.of(), List.of(), List.of(), ReportFixtures.SUMMARY);
        assertThat(writer.render(clean, false))
                .isEqualTo("No known vulnerabilities found (2 targets, 9 components, 11 advisory records).\n");
    }

    @Test
    void anUpgradeThatLeavesUnfixedFindingsSaysWhich() {
        var partial = new org.patchgap.core.match.Upgrade("shop", ReportFixtures.LOG4J, "2.17.1",
                List.of("A", "B"), List.of("B"));
        assertThat(TableReportWriter.upgradeLine(partial, new Ansi(false)))
                .isEqualTo("upgrade org.apache.logging.log4j:log4j-core 2.14.1 -> 2.17.1 (fixes 1); no fix available for B in shop");
    }

    @Test
    void noSingleVersionFixingAllIsSaidPlainly() {
        var split = new org.patchgap.core.match.Upgrade("shop", ReportFixtures.LOG4J, null, List.of("A", "B"), List.of());
        assertThat(TableReportWriter.upgradeLine(split, new Ansi(false)))
                .isEqualTo("org.apache.logging.log4j:log4j-core 2.14.1: no single version fixes all 2 findings (A, B) in shop");
    }

    @Test
    void epssColumnVendorFixAndANotAffectedCount() {
        String text = writer.render(ReportFixtures.vexReport(), false);
        assertThat(text).isEqualTo("""
                shop
                  PRIORITY  SEVERITY       EPSS  PACKAGE                              VERSION  VULNERABILITY   FIX
                  Track*    critical 10.0  97%   org.apache.logging.log4j:log4j-core  2.14.1   CVE-2021-44228  2.15.0

                host
                  PRIORITY  SEVERITY  EPSS   PACKAGE  VERSION        VULNERABILITY   FIX
                  Track     high 8.8  0.04%  telnet   1:0.17-64.el7  CVE-2020-10188  vendor fix: RHSA-2022:0011

                Upgrades
                  upgrade org.apache.logging.log4j:log4j-core 2.14.1 -> 2.17.1 (fixes 2) in shop

                1 finding not reported: vendor states not affected (VEX); --show-not-affected lists it

                2 findings (1 critical, 1 high) in 2 of 2 targets, 9 components, 11 advisory records.
                """);
    }

    @Test
    void notAffectedMatchesAreListedWhenAsked() {
        String text = writer.render(ReportFixtures.vexReport(), false, true);
        assertThat(text).contains("""

                1 finding not reported: vendor states not affected (VEX)
                  GHSA-jfh8-c2jp-5v3q (CVE-2021-44228) in org.apache.logging.log4j:log4j-core 2.14.1-vendor1 (shop)
                    vulnerable_code_not_present: "JndiLookup.class was removed from the jar."
                    stated by CVE-2021-44228 in vex/shop.json
                """);
    }

    @Test
    void aScanWhoseOnlyMatchIsNotAffectedIsCleanAndSaysWhatItLeftOut() {
        ScanReport report = new ScanReport(List.of(), List.of(), List.of(), ReportFixtures.SUMMARY, java.util.Map.of(),
                java.util.Map.of(), List.of(ReportFixtures.LOG4SHELL_NOT_AFFECTED));
        assertThat(writer.render(report, false)).isEqualTo("""
                1 finding not reported: vendor states not affected (VEX); --show-not-affected lists it

                No known vulnerabilities found (2 targets, 9 components, 11 advisory records).
                """);
    }

    @Test
    void remediationNamesStayShort() {
        var cat = org.patchgap.core.model.Remediation.Category.VENDOR_FIX;
        assertThat(FindingText.remediationName(new org.patchgap.core.model.Remediation(cat, "KB5034441", null, null)))
                .isEqualTo("KB5034441");
        assertThat(FindingText.remediationName(new org.patchgap.core.model.Remediation(cat,
                "Update to the firmware released in March, see the notes", "https://example.com/notes/", null)))
                .isEqualTo("notes");
        assertThat(FindingText.remediationName(new org.patchgap.core.model.Remediation(cat,
                "Update to the firmware released in March, see the notes", null, null))).isEqualTo("see JSON report");
    }

    @Test
    void wideKeepsLongNamesWholeAndLeavesTheSbomFileToTheJson() {
        Component windows = new Component("Windows", "Windows 7 for x64-based Systems Service Pack 1", "6.1.7601",
                null, new Location("inventories/win7/systeminfo.txt", null));
        Component lib = new Component("npm", "lodash", "4.17.11", "pkg:npm/lodash@4.17.11",
                new Location("inventories/storefront-web.cdx.xml", "/bom/components/component[2]"));
        Finding host = new Finding("WIN7-FIN01-ACCOUNTING-DEPARTMENT", windows, cve("CVE-2017-0143"), Severity.UNKNOWN, "KB missing", List.of("KB4012212"), true);
        Finding app = new Finding("storefront-web.cdx.xml (storefront-web@3.2.0)", lib, cve("CVE-2019-10744"), Severity.UNKNOWN, "range", List.of("4.17.12"),
                true);
        String table = writer.render(new ScanReport(List.of(host, app), List.of(), List.of(), ReportFixtures.SUMMARY),
                false);
        assertThat(new TableReportWriter(org.patchgap.core.priority.CisaTree.MissionImpact.MEDIUM, true)
                .render(new ScanReport(List.of(host, app), List.of(), List.of(), ReportFixtures.SUMMARY), false))
                .contains("  Windows 7 for x64-based Systems Service Pack 1  6.1.7601  CVE-2017-0143   KB4012212  WIN7-FIN01-ACCOUNTING-DEPARTMENT\n")
                .contains("  4.17.12    storefront-web@3.2.0\n").doesNotContain("cdx.xml");
        assertThat(table).contains("WIN7-FIN01-ACCOUNTING-DEPARTMENT\n  PRIORITY");
    }

    private static Vulnerability cve(String id) {
        return new Vulnerability(id, List.of(), null, null, null, null, List.of(), List.of(), List.of(), id + ".json");
    }

    @Test
    void aTargetKeepsItsFileWhenTheFileIsNotTheComponentsOwn() {
        Finding image = new Finding("rootfs (Debian 12)", ReportFixtures.LOG4J, ReportFixtures.LOG4SHELL.vulnerability(),
                Severity.UNKNOWN, "range", List.of(), true);
        assertThat(FindingText.targetName(image)).isEqualTo("rootfs (Debian 12)");
    }

    @Test
    void shorteningKeepsBothEnds() {
        assertThat(TableReportWriter.shorten("abcdefghij", 10)).isEqualTo("abcdefghij");
        assertThat(TableReportWriter.shorten("abcdefghijk", 10)).isEqualTo("abcd...ijk");
    }

    @Test
    void summaryCountsAreGroupedByThousands() {
        ScanReport big = new ScanReport(List.of(), List.of(), List.of(),
                new ScanSummary(1200, 1395, 0, 250000, 0, 0, 0, 0, 0, 0, 0));
        assertThat(writer.render(big, false))
                .isEqualTo("No known vulnerabilities found (1,200 targets, 1,395 components, 250,000 advisory records).\n");
    }
}
