package org.patchgap.formats.report;

import java.util.List;
import org.patchgap.core.match.Upgrade;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.Finding;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.Severity;
import org.patchgap.core.model.SeverityLevel;
import org.patchgap.core.model.Vulnerability;

/** A small scan report built by hand: Log4Shell on one component, an unfixed npm advisory on another. */
final class ReportFixtures {

    static final Component LOG4J = new Component("Maven", "org.apache.logging.log4j:log4j-core", "2.14.1",
            "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", new Location("app.cdx.json", "/components/0"));
    static final Component REQUEST = new Component("npm", "request", "2.88.2", "pkg:npm/request@2.88.2",
            new Location("web.cdx.xml", "line 12"));

    static final Finding LOG4SHELL = new Finding("shop", LOG4J,
            vulnerability("GHSA-jfh8-c2jp-5v3q", "CVE-2021-44228", "Remote code injection in Log4j"),
            new Severity(SeverityLevel.CRITICAL, 10.0, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", "CVSS_V3"),
            "ECOSYSTEM range [2.13.0, 2.15.0)", List.of("2.15.0"), true);
    static final Finding DOS = new Finding("shop", LOG4J,
            vulnerability("GHSA-p6xc-xr62-6r2g", "CVE-2021-45105", "Infinite recursion"),
            new Severity(SeverityLevel.MEDIUM, 5.9, "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:H", "CVSS_V3"),
            "ECOSYSTEM range [2.13.0, 2.17.0)", List.of("2.17.0", "2.17.1"), true);
    static final Finding SSRF = new Finding("web", REQUEST,
            vulnerability("GHSA-p8p7-x288-28g6", "CVE-2023-28155", "SSRF in Request"),
            Severity.UNKNOWN, "SEMVER range [0, 2.88.2]", List.of(), true);

    static final Upgrade LOG4J_UPGRADE = new Upgrade("shop", LOG4J, "2.17.1",
            List.of("GHSA-jfh8-c2jp-5v3q", "GHSA-p6xc-xr62-6r2g"), List.of());
    static final Upgrade REQUEST_UPGRADE = new Upgrade("web", REQUEST, null,
            List.of("GHSA-p8p7-x288-28g6"), List.of("GHSA-p8p7-x288-28g6"));

    static final ScanSummary SUMMARY = new ScanSummary(2, 9, 1, 11, 10, 1, 1, 0, 0, 0, 0);

    private ReportFixtures() {}

    static ScanReport report() {
        // deliberately not in severity order: writers sort
        return new ScanReport(List.of(SSRF, DOS, LOG4SHELL), List.of(LOG4J_UPGRADE, REQUEST_UPGRADE),
                List.of(new Problem(new Location("bad.json", "/affected/0"), "invalid version")), SUMMARY);
    }

    /** An unfixed finding whose vendor published a fix outside the package's versions (CSAF vendor_fix). */
    static final Component TELNET = new Component("Red Hat", "telnet", "1:0.17-64.el7", null,
            new Location("host.rpmqa", "line 4"));
    static final Finding TELNET_FINDING = new Finding("host", TELNET,
            vulnerability("CVE-2020-10188", "RHSA-2022:0011", "telnet: arbitrary command execution"),
            new Severity(SeverityLevel.HIGH, 8.8, null, "CVSS_V3"), "affected range [0, *)", List.of(), true,
            List.of(new org.patchgap.core.model.Remediation(org.patchgap.core.model.Remediation.Category.VENDOR_FIX,
                    "For details on how to apply this update, refer to:\n\nhttps://access.redhat.com/articles/11258",
                    "https://access.redhat.com/errata/RHSA-2022:0011", java.time.Instant.parse("2022-01-04T10:00:00Z")),
                    new org.patchgap.core.model.Remediation(org.patchgap.core.model.Remediation.Category.WORKAROUND,
                            "Disable the telnet service.", null, null)));

    /** The Log4Shell match a vendor states is not affected (VEX): kept out of the findings. */
    static final org.patchgap.core.model.SuppressedFinding LOG4SHELL_NOT_AFFECTED =
            new org.patchgap.core.model.SuppressedFinding(new Finding("shop", LOG4J_PATCHED(),
                    vulnerability("GHSA-jfh8-c2jp-5v3q", "CVE-2021-44228", "Remote code injection in Log4j"),
                    Severity.UNKNOWN, "ECOSYSTEM range [2.13.0, 2.15.0)", List.of("2.15.0"), true),
                    new org.patchgap.core.model.NotAffectedStatement("Maven", "org.apache.logging.log4j:log4j-core",
                            null, List.of(), List.of("2.14.1-vendor1"),
                            org.patchgap.core.model.NotAffectedStatement.Justification.VULNERABLE_CODE_NOT_PRESENT,
                            "JndiLookup.class was removed\n from the jar."),
                    "CVE-2021-44228", "vex/shop.json");

    private static Component LOG4J_PATCHED() {
        return new Component("Maven", "org.apache.logging.log4j:log4j-core", "2.14.1-vendor1", null,
                new Location("shop.cdx.json", "/components/3"));
    }

    /** Findings with EPSS scores, a vendor fix, and a not-affected match. */
    static ScanReport vexReport() {
        return new ScanReport(List.of(LOG4SHELL, TELNET_FINDING), List.of(LOG4J_UPGRADE), List.of(), SUMMARY,
                java.util.Map.of(),
                java.util.Map.of("CVE-2021-44228", new org.patchgap.core.model.EpssScore("CVE-2021-44228", 0.97, 0.9999,
                        java.time.LocalDate.parse("2025-08-25")),
                        "CVE-2020-10188", new org.patchgap.core.model.EpssScore("CVE-2020-10188", 0.00043, 0.12,
                        java.time.LocalDate.parse("2025-08-25"))),
                List.of(LOG4SHELL_NOT_AFFECTED));
    }

    private static Vulnerability vulnerability(String id, String cve, String summary) {
        return new Vulnerability(id, List.of(cve), summary, null, null, null, List.of(), List.of(), List.of(), id + ".json");
    }
}
