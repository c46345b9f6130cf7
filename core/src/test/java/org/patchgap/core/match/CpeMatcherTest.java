package org.patchgap.core.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchgap.core.match.Advisories.advisory;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchgap.core.ecosystem.PackageNames;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.Finding;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Target;
import org.patchgap.core.model.Vulnerability;

/** Components without an ecosystem matched by their CPE against NVD-style criteria (ecosystem CPE). */
class CpeMatcherTest {

    private static final String CPE = "CPE";
    private static final String HTTPD_ANY = "cpe:2.3:a:apache:http_server:*:*:*:*:*:*:*:*";

    private static Target app(String cpe, String version) {
        Component component = new Component(null, "httpd", version, null, new Location("sbom.json", "/components/0"), cpe);
        return new Target("app", Target.Kind.APPLICATION, "sbom.json", List.of(component));
    }

    private static MatchReport match(Target target, Vulnerability... records) {
        return Matcher.of(List.of(records)).match(List.of(target));
    }

    private static List<String> ids(MatchReport report) {
        return report.findings().stream().map(f -> f.vulnerability().id()).toList();
    }

    private static final Vulnerability RANGE = advisory("CVE-2021-41773")
            .range(CPE, HTTPD_ANY, "introduced:2.4.49", "fixed:2.4.50").build();

    @Test
    void criteriaWithVersionAnyAppliesThroughItsRange() {
        MatchReport report = match(app("cpe:2.3:a:apache:http_server:2.4.49:*:*:*:*:*:*:*", null), RANGE);
        assertThat(ids(report)).containsExactly("CVE-2021-41773");
        Finding finding = report.findings().get(0);
        assertThat(finding.exactOrder()).isFalse();
        assertThat(finding.evidence()).isEqualTo("CPE " + HTTPD_ANY + ", versions [2.4.49, 2.4.50)");
        assertThat(finding.fixedVersions()).containsExactly("2.4.50");
        assertThat(report.componentsMatched()).isEqualTo(1);
        assertThat(ids(match(app("cpe:2.3:a:apache:http_server:2.4.50:*:*:*:*:*:*:*", null), RANGE))).isEmpty();
        assertThat(ids(match(app("cpe:2.3:a:apache:http_server:2.4.48:*:*:*:*:*:*:*", null), RANGE))).isEmpty();
    }

    @Test
    void cpeVersionAnyTakesTheComponentsVersion() {
        assertThat(ids(match(app("cpe:2.3:a:apache:http_server:*:*:*:*:*:*:*:*", "2.4.49"), RANGE)))
                .containsExactly("CVE-2021-41773");
        assertThat(ids(match(app("cpe:/a:apache:http_server", "2.4.50"), RANGE))).isEmpty();
    }

    @Test
    void withoutAnyVersionTheComponentIsUnmatchable() {
        MatchReport report = match(app("cpe:2.3:a:apache:http_server:*:*:*:*:*:*:*:*", null), RANGE);
        assertThat(report.findings()).isEmpty();
        assertThat(report.componentsUnmatchable()).isEqualTo(1);
    }

    @Test
    void vendorAndProductCompareCaseInsensitivelyAndUnquoted() {
        Vulnerability v = advisory("CVE-1").range(CPE, "cpe:2.3:a:acme:web\\-server:*:*:*:*:*:*:*:*",
                "introduced:0", "fixed:3.0").build();
        assertThat(ids(match(app("cpe:/a:ACME:Web-Server:2.1", null), v))).containsExactly("CVE-1");
    }

    @Test
    void criteriaNamingAVersionMatchesThatVersionByName() {
        Vulnerability v = advisory("CVE-2").versions(CPE, "cpe:2.3:a:apache:http_server:2.0:beta9:*:*:*:*:*:*", "2.0").build();
        // The criteria's update beta9 is more specific than the component's ANY: NISTIR 7696 says no match.
        assertThat(ids(match(app("cpe:2.3:a:apache:http_server:2.0:*:*:*:*:*:*:*", null), v))).isEmpty();
        MatchReport report = match(app("cpe:2.3:a:apache:http_server:2.0:beta9:*:*:*:*:*:*", null), v);
        assertThat(ids(report)).containsExactly("CVE-2");
        assertThat(report.findings().get(0).evidence())
                .isEqualTo("CPE cpe:2.3:a:apache:http_server:2.0:beta9:*:*:*:*:*:* (version 2.0)");
        assertThat(ids(match(app("cpe:2.3:a:apache:http_server:2.1:beta9:*:*:*:*:*:*", null), v))).isEmpty();
    }

    @Test
    void criteriaWithVersionNaNeverMatchesAVersionedComponent() {
        Vulnerability v = advisory("CVE-3").range(CPE, "cpe:2.3:h:cisco:asa_5505:-:*:*:*:*:*:*:*").build();
        assertThat(ids(match(app("cpe:2.3:h:cisco:asa_5505:9.1:*:*:*:*:*:*:*", null), v))).isEmpty();
    }

    @Test
    void targetSoftwareOfTheCriteriaMustMatch() {
        Vulnerability v = advisory("CVE-4").range(CPE, "cpe:2.3:a:jenkins:git:*:*:*:*:*:jenkins:*:*",
                "introduced:0", "last_affected:4.0").build();
        assertThat(ids(match(app("cpe:2.3:a:jenkins:git:3.0:*:*:*:*:jenkins:*:*", null), v))).containsExactly("CVE-4");
        assertThat(ids(match(app("cpe:2.3:a:jenkins:git:3.0:*:*:*:*:python:*:*", null), v))).isEmpty();
    }

    @Test
    void fixesComeOnlyFromCriteriaThatMatchTheComponent() {
        Vulnerability v = advisory("CVE-5")
                .range(CPE, "cpe:2.3:a:vendor:tool:*:*:*:*:*:windows:*:*", "introduced:0", "fixed:1.5")
                .range(CPE, "cpe:2.3:a:vendor:tool:*:*:*:*:*:linux:*:*", "introduced:0", "fixed:1.9").build();
        MatchReport report = match(app("cpe:2.3:a:vendor:tool:1.2:*:*:*:*:linux:*:*", null), v);
        assertThat(report.findings()).singleElement().satisfies(f -> assertThat(f.fixedVersions()).containsExactly("1.9"));
    }

    @Test
    void componentWithAnEcosystemIsNotMatchedByItsCpe() {
        Component both = new Component("Maven", "org.apache:httpd", "2.4.49", null, new Location("sbom.json", "/c"),
                "cpe:2.3:a:apache:http_server:2.4.49:*:*:*:*:*:*:*");
        Target target = new Target("app", Target.Kind.APPLICATION, "sbom.json", List.of(both));
        assertThat(ids(match(target, RANGE))).isEmpty();
    }

    @Test
    void malformedComponentCpeIsAProblem() {
        MatchReport report = match(app("cpe:2.3:a:apache", "1.0"), RANGE);
        assertThat(report.problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("malformed CPE").contains("component not matched"));
        assertThat(report.componentsUnmatchable()).isEqualTo(1);
    }

    @Test
    void malformedCriteriaIsAnAdvisoryProblem() {
        Vulnerability v = advisory("CVE-6").range(CPE, "cpe:2.3:a:broken", "introduced:0").build();
        Matcher matcher = Matcher.of(List.of(v));
        assertThat(matcher.advisoryProblems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("CPE criteria ignored"));
    }

    @Test
    void packageKeyOfACpeIsVendorAndProduct() {
        assertThat(PackageNames.key("CPE", "cpe:2.3:a:Apache:HTTP\\_Server:2.4:*:*:*:*:*:*:*")).isEqualTo("apache:http_server");
        assertThat(PackageNames.key("CPE", "not a cpe")).isEqualTo("not a cpe");
    }
}
