package org.patchgap.core.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchgap.core.match.Advisories.advisory;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.NotAffectedStatement;
import org.patchgap.core.model.Remediation;
import org.patchgap.core.model.SuppressedFinding;
import org.patchgap.core.model.Target;
import org.patchgap.core.model.Vulnerability;

/**
 * A vendor's not-affected statement (VEX) about a product keeps the matches it covers out of the findings,
 * whichever record of the alias group makes it (docs/decisions/0010); and remediations travel with findings.
 */
class NotAffectedMatchingTest {

    private static Target app(String ecosystem, String name, String version) {
        return new Target("app", Target.Kind.APPLICATION, "app.json",
                List.of(new Component(ecosystem, name, version, null, new Location("app.json", "/" + name))));
    }

    private static MatchReport match(Target target, Vulnerability... records) {
        return Matcher.of(List.of(records)).match(List.of(target));
    }

    private static final Vulnerability OSV = advisory("GHSA-aaaa").aliases("CVE-2024-1")
            .range("npm", "lib", "introduced:0", "fixed:2.0.0").build();

    @Test
    void statementOfAnAliasedRecordSuppressesTheFinding() {
        Vulnerability vex = advisory("CVE-2024-1").notAffected("npm", "lib", "1.2.0").build();
        MatchReport report = match(app("npm", "lib", "1.2.0"), OSV, vex);
        assertThat(report.findings()).isEmpty();
        assertThat(report.upgrades()).isEmpty();
        assertThat(report.suppressed()).singleElement().satisfies(s -> {
            assertThat(s.recordId()).isEqualTo("CVE-2024-1");
            assertThat(s.source()).isEqualTo("test/CVE-2024-1.json");
            assertThat(s.finding().component().version()).isEqualTo("1.2.0");
            assertThat(s.statement().justification())
                    .isEqualTo(NotAffectedStatement.Justification.VULNERABLE_CODE_NOT_IN_EXECUTE_PATH);
        });
    }

    @Test
    void statementForAnotherVersionLeavesTheFinding() {
        Vulnerability vex = advisory("CVE-2024-1").notAffected("npm", "lib", "1.2.0").build();
        MatchReport report = match(app("npm", "lib", "1.3.0"), OSV, vex);
        assertThat(report.findings()).extracting(f -> f.vulnerability().id()).containsExactly("GHSA-aaaa");
        assertThat(report.suppressed()).isEmpty();
    }

    @Test
    void statementWithoutVersionsCoversEveryVersion() {
        Vulnerability vex = advisory("CVE-2024-1").notAffected("npm", "lib").build();
        assertThat(match(app("npm", "lib", "0.1.0"), OSV, vex).suppressed()).hasSize(1);
    }

    @Test
    void statementRangeCoversOnlyItsVersions() {
        Vulnerability vex = advisory("CVE-2024-1").notAffectedRange("npm", "lib", "introduced:1.0.0", "fixed:1.5.0")
                .build();
        assertThat(match(app("npm", "lib", "1.4.9"), OSV, vex).suppressed()).hasSize(1);
        assertThat(match(app("npm", "lib", "1.5.0"), OSV, vex).findings()).hasSize(1);
        assertThat(match(app("npm", "lib", "0.9.0"), OSV, vex).findings()).hasSize(1);
    }

    @Test
    void statementAboutAnotherPackageOrEcosystemLeavesTheFinding() {
        Vulnerability otherPackage = advisory("CVE-2024-1").notAffected("npm", "other").build();
        Vulnerability otherEcosystem = advisory("CVE-2024-1").notAffected("PyPI", "lib").build();
        assertThat(match(app("npm", "lib", "1.0.0"), OSV, otherPackage).findings()).hasSize(1);
        assertThat(match(app("npm", "lib", "1.0.0"), OSV, otherEcosystem).findings()).hasSize(1);
    }

    @Test
    void packageNamesAreComparedByTheirEcosystemKey() {
        Vulnerability osv = advisory("PYSEC-1").aliases("CVE-2024-2").range("PyPI", "Foo_Bar", "introduced:0").build();
        Vulnerability vex = advisory("CVE-2024-2").notAffected("PyPI", "foo-bar", "1.0").build();
        assertThat(match(app("PyPI", "foo.bar", "1.0"), osv, vex).suppressed()).hasSize(1);
    }

    @Test
    void statementOfAnUnrelatedVulnerabilityDoesNotSuppress() {
        Vulnerability vex = advisory("CVE-2024-9").notAffected("npm", "lib").build();
        assertThat(match(app("npm", "lib", "1.0.0"), OSV, vex).findings()).hasSize(1);
    }

    @Test
    void onlyTheCoveredVulnerabilityIsSuppressedAndTheUpgradeIgnoresIt() {
        Vulnerability other = advisory("GHSA-bbbb").range("npm", "lib", "introduced:0", "fixed:1.9.0").build();
        Vulnerability vex = advisory("CVE-2024-1").notAffected("npm", "lib", "1.2.0").build();
        MatchReport report = match(app("npm", "lib", "1.2.0"), OSV, other, vex);
        assertThat(report.findings()).extracting(f -> f.vulnerability().id()).containsExactly("GHSA-bbbb");
        assertThat(report.suppressed()).extracting(SuppressedFinding::recordId).containsExactly("CVE-2024-1");
        assertThat(report.upgrades()).singleElement().satisfies(u -> {
            assertThat(u.vulnerabilityIds()).containsExactly("GHSA-bbbb");
            assertThat(u.toVersion()).isEqualTo("1.9.0");
        });
    }

    @Test
    void remediationsOfTheMatchedEntryTravelWithTheFinding() {
        Vulnerability csaf = advisory("CVE-2024-3").range("npm", "lib", "introduced:0")
                .remediation(Remediation.Category.VENDOR_FIX, "RHSA-2024:0001", "https://access.redhat.com/errata/RHSA-2024:0001")
                .build();
        MatchReport report = match(app("npm", "lib", "1.0.0"), csaf);
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.fixedVersions()).isEmpty();
            assertThat(f.vendorFix()).hasValueSatisfying(r -> assertThat(r.details()).isEqualTo("RHSA-2024:0001"));
        });
    }

    @Test
    void aVexRecordNeverRepresentsTheFindingsItDoesNotSuppress() {
        // "CVE-2024-1" sorts before "GHSA-aaaa", but names no affected package.
        Vulnerability vex = advisory("CVE-2024-1").notAffected("npm", "lib", "1.2.0").build();
        MatchReport report = match(app("npm", "lib", "1.3.0"), OSV, vex);
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.vulnerability().id()).isEqualTo("GHSA-aaaa");
            assertThat(f.vulnerability().aliases()).containsExactly("CVE-2024-1");
            assertThat(f.vulnerability().source()).isEqualTo("test/GHSA-aaaa.json");
        });
    }

    // Components known only by their CPE (no ecosystem) are matched on the CPE path; a statement of ecosystem CPE
    // covers them when its CPE matches theirs by NISTIR 7696 and its versions hold theirs (generic order).

    private static final String HTTPD_ANY = "cpe:2.3:a:apache:http_server:*:*:*:*:*:*:*:*";
    private static final Vulnerability NVD = advisory("CVE-2021-41773")
            .range("CPE", HTTPD_ANY, "introduced:2.4.0", "fixed:2.4.50").build();

    private static Target device(String cpe, String version) {
        return new Target("appliance", Target.Kind.APPLICATION, "sbom.json",
                List.of(new Component(null, "httpd", version, null, new Location("sbom.json", "/components/0"), cpe)));
    }

    @Test
    void cpeStatementSuppressesACpeMatchOfItsVersions() {
        Vulnerability vex = advisory("CVE-2021-41773").notAffected("CPE", HTTPD_ANY, "2.4.49").build();
        MatchReport report = match(device("cpe:2.3:a:apache:http_server:2.4.49:*:*:*:*:*:*:*", null), NVD, vex);
        assertThat(report.findings()).isEmpty();
        assertThat(report.suppressed()).singleElement()
                .satisfies(s -> assertThat(s.statement().name()).isEqualTo(HTTPD_ANY));
        // The component's own version fills a CPE version of ANY, as for the criteria.
        assertThat(match(device(HTTPD_ANY, "2.4.49"), NVD, vex).suppressed()).hasSize(1);
        assertThat(match(device("cpe:2.3:a:apache:http_server:2.4.48:*:*:*:*:*:*:*", null), NVD, vex).findings())
                .hasSize(1);
    }

    @Test
    void cpeStatementRangeIsComparedInTheGenericOrder() {
        Vulnerability vex = advisory("CVE-2021-41773")
                .notAffectedRange("CPE", HTTPD_ANY, "introduced:2.4.10", "fixed:2.4.20").build();
        assertThat(match(device(HTTPD_ANY, "2.4.9"), NVD, vex).findings()).hasSize(1);
        assertThat(match(device(HTTPD_ANY, "2.4.19"), NVD, vex).suppressed()).hasSize(1);
        assertThat(match(device(HTTPD_ANY, "2.4.20"), NVD, vex).findings()).hasSize(1);
    }

    @Test
    void cpeStatementMoreSpecificThanTheComponentLeavesTheFinding() {
        // NISTIR 7696: a statement naming an update (source) does not match a component whose update is ANY.
        Vulnerability specific = advisory("CVE-2021-41773")
                .notAffected("CPE", "cpe:2.3:a:apache:http_server:*:beta:*:*:*:*:*:*").build();
        Vulnerability otherProduct = advisory("CVE-2021-41773")
                .notAffected("CPE", "cpe:2.3:a:apache:tomcat:*:*:*:*:*:*:*:*").build();
        Target target = device("cpe:2.3:a:apache:http_server:2.4.49:*:*:*:*:*:*:*", null);
        assertThat(match(target, NVD, specific).findings()).hasSize(1);
        assertThat(match(target, NVD, otherProduct).findings()).hasSize(1);
    }

    @Test
    void purlStatementDoesNotCoverACpeComponent() {
        Vulnerability vex = advisory("CVE-2021-41773").notAffected("npm", "http_server").build();
        assertThat(match(device("cpe:2.3:a:apache:http_server:2.4.49:*:*:*:*:*:*:*", null), NVD, vex).findings())
                .hasSize(1);
    }

    @Test
    void malformedCpeStatementCoversNothing() {
        Vulnerability vex = advisory("CVE-2021-41773").notAffected("CPE", "cpe:2.3:a:broken").build();
        assertThat(match(device("cpe:2.3:a:apache:http_server:2.4.49:*:*:*:*:*:*:*", null), NVD, vex).findings())
                .hasSize(1);
    }
}
