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

    private static Vulnerability vulnerability(String id, String cve, String summary) {
        return new Vulnerability(id, List.of(cve), summary, null, null, null, List.of(), List.of(), List.of(), id + ".json");
    }
}
