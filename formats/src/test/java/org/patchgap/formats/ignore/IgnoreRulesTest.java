package org.patchgap.formats.ignore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.Finding;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Severity;
import org.patchgap.core.model.Vulnerability;

class IgnoreRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    @TempDir
    Path dir;

    private static Finding finding(String id, String alias, String pkg, String version) {
        Vulnerability v = new Vulnerability(id, List.of(alias), null, null, null, null, List.of(), List.of(),
                List.of(), "test");
        return new Finding("app", new Component("Maven", pkg, version, null, Location.of("pom.xml")), v,
                Severity.UNKNOWN, "range", List.of(), true);
    }

    private Path file(String yaml) throws IOException {
        return Files.writeString(dir.resolve(".patchgapignore"), yaml);
    }

    @Test
    void rulesMatchByIdOrAliasPackageAndVersionRange() throws Exception {
        IgnoreRules rules = IgnoreRules.read(file("""
                ignore:
                  - id: CVE-2021-44228
                    package: org.apache.logging.log4j:log4j-core
                    versions: ">= 2.0, < 2.15.0"
                    reason: JNDI lookups removed from the classpath
                    expires: 2027-01-31
                  - id: GHSA-old
                    reason: accepted in 2020
                    expires: 2021-01-01
                  - id: CVE-2099-0000
                    reason: nothing has it
                """));
        Finding log4shell = finding("GHSA-jfh8-c2jp-5v3q", "CVE-2021-44228", "org.apache.logging.log4j:log4j-core", "2.14.1");
        Finding newer = finding("GHSA-jfh8-c2jp-5v3q", "CVE-2021-44228", "org.apache.logging.log4j:log4j-core", "2.15.0");
        Finding old = finding("GHSA-old", "CVE-2019-1", "lib", "1.0");
        IgnoreRules.Applied applied = rules.apply(List.of(log4shell, newer, old), TODAY);

        assertThat(applied.ignored()).extracting(IgnoredFinding::finding).containsExactly(log4shell);
        assertThat(applied.ignored().get(0).rule().line()).isEqualTo(2);
        assertThat(applied.kept()).containsExactly(newer, old);
        assertThat(applied.warnings()).extracting(p -> p.location().place() + ": " + p.message()).containsExactly(
                "line 7: ignore rule for GHSA-old expired on 2021-01-01; not applied",
                "line 10: ignore rule for CVE-2099-0000 matches no finding (stale); remove it or fix its package or versions");
    }

    @Test
    void aRuleAppliesThroughItsExpiryDay() throws Exception {
        IgnoreRules rules = IgnoreRules.read(file("ignore:\n  - id: X-1\n    reason: r\n    expires: 2026-12-07\n"));
        Finding f = finding("X-1", "CVE-1", "p", "1");
        assertThat(rules.apply(List.of(f), TODAY).ignored()).hasSize(1);
        assertThat(rules.apply(List.of(f), TODAY.plusDays(1)).ignored()).isEmpty();
    }

    @Test
    void upgradesNoLongerCountIgnoredFindings() throws Exception {
        Finding a = finding("A-1", "CVE-1", "lib", "1.0");
        Finding b = finding("B-1", "CVE-2", "lib", "1.0");
        Finding c = finding("C-1", "CVE-3", "other", "1.0");
        var both = new org.patchgap.core.match.Upgrade("app", a.component(), "1.2", List.of("A-1", "B-1"), List.of());
        var onlyC = new org.patchgap.core.match.Upgrade("app", c.component(), "2.0", List.of("C-1"), List.of());
        var summary = new org.patchgap.formats.report.ScanSummary(1, 2, 0, 3, 3, 0, 0, 0, 0, 0, 0);
        var report = new org.patchgap.formats.report.ScanReport(List.of(a, b, c), List.of(both, onlyC), List.of(), summary)
                .ignoring(IgnoreRules.read(file("ignore:\n  - id: B-1\n    reason: r\n  - id: C-1\n    reason: r\n")), TODAY);
        assertThat(report.findings()).containsExactly(a);
        assertThat(report.upgrades()).singleElement().satisfies(u -> {
            assertThat(u.vulnerabilityIds()).containsExactly("A-1");
            assertThat(u.toVersion()).isEqualTo("1.2");
        });
    }

    @Test
    void anIgnoredFindingStatesItsAcceptedRiskInOneSentence() throws Exception {
        IgnoreRules rules = IgnoreRules.read(file("ignore:\n  - id: X-1\n    reason: fixed in the next release\n    expires: 2027-01-31\n"));
        IgnoredFinding ignored = rules.apply(List.of(finding("X-1", "CVE-1", "p", "1")), TODAY).ignored().get(0);
        assertThat(ignored.acceptance()).isEqualTo("Risk accepted: fixed in the next release (until 2027-01-31); "
                + dir.resolve(".patchgapignore") + " line 2.");
    }

    @Test
    void badFilesNameTheLine() throws IOException {
        assertThatThrownBy(() -> IgnoreRules.read(file("ignore:\n  - id: X-1\n    reason: r\n  - id: X-2\n    reson: typo\n")))
                .isInstanceOf(BadInputException.class)
                .satisfies(e -> assertThat(((BadInputException) e).location().place()).isEqualTo("line 4"))
                .hasMessageContaining("unknown key 'reson' in rule");
        assertThatThrownBy(() -> IgnoreRules.read(file("ignore:\n  - id: X-1\n")))
                .hasMessageContaining("rule for X-1 without 'reason'");
        assertThatThrownBy(() -> IgnoreRules.read(file("ignore:\n  - id: X-1\n    reason: r\n    expires: next week\n")))
                .hasMessageContaining("expires: expected a date YYYY-MM-DD, found 'next week'");
        assertThatThrownBy(() -> IgnoreRules.read(file("ignore:\n  - id: X-1\n    reason: r\n    versions: 2.0\n")))
                .hasMessageContaining("expected a comparator (<, <=, >, >=, =) and a version, found '2.0'");
        assertThatThrownBy(() -> IgnoreRules.read(file("ignore:\n  - id: [unclosed\n")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("not valid YAML")
                .satisfies(e -> assertThat(((BadInputException) e).location().place()).startsWith("line "));
        assertThatThrownBy(() -> IgnoreRules.read(file("rules:\n  - id: X\n")))
                .hasMessageContaining("unknown key 'rules' (expected 'ignore')");
        assertThatThrownBy(() -> IgnoreRules.read(dir.resolve("absent.yml"))).hasMessageContaining("no such file");
    }

    @Test
    void anEmptyFileIgnoresNothing() throws Exception {
        assertThat(IgnoreRules.read(file("")).rules()).isEmpty();
        assertThat(IgnoreRules.read(file("ignore:\n")).rules()).isEmpty();
    }
}
