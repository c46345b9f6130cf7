package org.patchgap.core.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchgap.core.match.Advisories.advisory;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchgap.core.model.AffectedRange;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.Finding;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.SeverityLevel;
import org.patchgap.core.model.Target;
import org.patchgap.core.model.SourceRecord;
import org.patchgap.core.model.Vulnerability;

/**
 * The matcher's semantics, independent of any one ecosystem's order: these tests use an ecosystem without a
 * registered scheme ({@code Test}), which falls back to the generic order (plain dotted numbers behave as
 * expected there).
 */
class MatcherTest {

    private static final String ECO = "Test";

    private static Target app(String... components) {
        List<Component> list = Arrays.stream(components).map(c -> {
            String[] nv = c.split("@");
            return new Component(ECO, nv[0], nv[1], null, new Location("app.json", "/components/" + nv[0]));
        }).toList();
        return new Target("app", Target.Kind.APPLICATION, "app.json", list);
    }

    private static MatchReport match(Target target, Vulnerability... records) {
        return Matcher.of(List.of(records)).match(List.of(target));
    }

    private static List<String> ids(MatchReport report) {
        return report.findings().stream().map(f -> f.vulnerability().id()).toList();
    }

    @Test
    void versionInsideIntroducedFixedIsAffectedAndBoundsAreHalfOpen() {
        Vulnerability v = advisory("V-1").range(ECO, "lib", "introduced:1.0", "fixed:1.5").build();
        assertThat(ids(match(app("lib@0.9"), v))).isEmpty();
        assertThat(ids(match(app("lib@1.0"), v))).containsExactly("V-1");
        assertThat(ids(match(app("lib@1.4.9"), v))).containsExactly("V-1");
        assertThat(ids(match(app("lib@1.5"), v))).isEmpty();
    }

    @Test
    void introducedZeroMeansFromTheFirstVersion() {
        Vulnerability v = advisory("V-1").range(ECO, "lib", "introduced:0", "fixed:2.0").build();
        assertThat(ids(match(app("lib@0.0.1"), v))).containsExactly("V-1");
    }

    @Test
    void openRangeAffectsEverythingFromIntroduced() {
        Vulnerability v = advisory("V-1").range(ECO, "lib", "introduced:3.0").build();
        MatchReport report = match(app("lib@99.0"), v);
        assertThat(ids(report)).containsExactly("V-1");
        assertThat(report.findings().get(0).fixedVersions()).isEmpty();
        assertThat(report.findings().get(0).evidence()).isEqualTo("affected range [3.0, *)");
    }

    @Test
    void severalIntroducedFixedPairsInOneRangeAreSeparateIntervals() {
        Vulnerability v = advisory("V-1").range(ECO, "lib",
                "introduced:2.0", "fixed:2.3.1", "introduced:2.4", "fixed:2.12.2", "introduced:2.13.0", "fixed:2.15.0")
                .build();
        assertThat(ids(match(app("lib@2.3.1"), v))).isEmpty();
        assertThat(ids(match(app("lib@2.12.2"), v))).isEmpty();
        assertThat(ids(match(app("lib@2.12.1"), v))).containsExactly("V-1");
        assertThat(ids(match(app("lib@2.14.1"), v))).containsExactly("V-1");
        assertThat(ids(match(app("lib@2.15.0"), v))).isEmpty();
    }

    @Test
    void nearestFixIsOnTheInstalledReleaseLine() {
        Vulnerability v = advisory("V-1").range(ECO, "lib",
                "introduced:2.0", "fixed:2.3.1", "introduced:2.4", "fixed:2.12.2", "introduced:2.13.0", "fixed:2.15.0")
                .build();
        assertThat(match(app("lib@2.12.1"), v).findings().get(0).fixedVersions()).containsExactly("2.12.2", "2.15.0");
        assertThat(match(app("lib@2.14.1"), v).findings().get(0).fixedVersions()).containsExactly("2.15.0");
        assertThat(match(app("lib@2.1"), v).findings().get(0).fixedVersions()).containsExactly("2.3.1", "2.12.2", "2.15.0");
        assertThat(match(app("lib@2.14.1"), v).findings().get(0).evidence()).isEqualTo("affected range [2.13.0, 2.15.0)");
    }

    @Test
    void fixedVersionThatAnotherRangeStillAffectsIsNotAFix() {
        Vulnerability v = advisory("V-1")
                .range(ECO, "lib", "introduced:1.0", "fixed:1.2")
                .range(ECO, "lib", "introduced:1.1", "fixed:1.3")
                .build();
        assertThat(match(app("lib@1.0"), v).findings().get(0).fixedVersions()).containsExactly("1.3");
    }

    @Test
    void lastAffectedIsInclusiveAndNamesNoFix() {
        Vulnerability v = advisory("V-1").range(ECO, "lib", "introduced:1.0", "last_affected:1.4").build();
        assertThat(ids(match(app("lib@1.4"), v))).containsExactly("V-1");
        assertThat(ids(match(app("lib@1.4.1"), v))).isEmpty();
        Finding finding = match(app("lib@1.2"), v).findings().get(0);
        assertThat(finding.fixedVersions()).isEmpty();
        assertThat(finding.evidence()).isEqualTo("affected range [1.0, 1.4]");
    }

    @Test
    void limitCutsTheRangeOff() {
        Vulnerability v = advisory("V-1").range(ECO, "lib", "introduced:1.0", "limit:2.0").build();
        assertThat(ids(match(app("lib@1.9"), v))).containsExactly("V-1");
        assertThat(ids(match(app("lib@2.0"), v))).isEmpty();
        Vulnerability star = advisory("V-2").range(ECO, "lib", "introduced:1.0", "limit:*").build();
        assertThat(ids(match(app("lib@9.0"), star))).containsExactly("V-2");
    }

    @Test
    void eventsNeedNotBePublishedInOrder() {
        Vulnerability v = advisory("V-1").range(ECO, "lib", "fixed:1.5", "introduced:1.0").build();
        assertThat(ids(match(app("lib@1.2"), v))).containsExactly("V-1");
    }

    @Test
    void explicitVersionListMatchesExactly() {
        Vulnerability v = advisory("V-1").versions(ECO, "lib", "1.0", "1.1").build();
        assertThat(ids(match(app("lib@1.1"), v))).containsExactly("V-1");
        assertThat(ids(match(app("lib@1.2"), v))).isEmpty();
        assertThat(match(app("lib@1.1"), v).findings().get(0).evidence()).isEqualTo("listed affected version 1.1");
    }

    @Test
    void withdrawnRecordsNeverMatchAndAreCounted() {
        Vulnerability v = advisory("V-1").withdrawn().range(ECO, "lib", "introduced:0").build();
        Matcher matcher = Matcher.of(List.of(v));
        assertThat(matcher.match(List.of(app("lib@1.0"))).findings()).isEmpty();
        assertThat(matcher.stats().withdrawn()).isEqualTo(1);
    }

    @Test
    void recordsOfTheSameFlawGiveOneFindingWithAllIds() {
        Vulnerability ghsa = advisory("GHSA-aaaa").aliases("CVE-2021-1").range(ECO, "lib", "introduced:0", "fixed:2.0").build();
        Vulnerability cve = advisory("CVE-2021-1").range(ECO, "lib", "introduced:0", "fixed:2.1").build();
        Vulnerability other = advisory("OTHER-9").aliases("CVE-2021-1").range(ECO, "lib", "introduced:0", "fixed:2.0").build();
        Matcher matcher = Matcher.of(List.of(ghsa, cve, other));
        MatchReport report = matcher.match(List.of(app("lib@1.0")));
        assertThat(report.findings()).hasSize(1);
        Vulnerability reported = report.findings().get(0).vulnerability();
        assertThat(reported.id()).isEqualTo("CVE-2021-1");
        assertThat(reported.aliases()).containsExactly("GHSA-aaaa", "OTHER-9");
        assertThat(matcher.stats().vulnerabilities()).isEqualTo(1);
        // 2.0 is still affected according to the CVE record: the fix both sources agree on is 2.1.
        assertThat(report.findings().get(0).fixedVersions()).containsExactly("2.1");
        // Every source's record stays traceable: the representative first, then the rest by id.
        assertThat(reported.provenance()).extracting(SourceRecord::id)
                .containsExactly("CVE-2021-1", "GHSA-aaaa", "OTHER-9");
    }

    @Test
    void aRecordMergedWithNothingIsItsOwnProvenance() {
        Vulnerability only = advisory("GHSA-bbbb").range(ECO, "lib", "introduced:0", "fixed:2.0").build();
        Finding finding = Matcher.of(List.of(only)).match(List.of(app("lib@1.0"))).findings().get(0);
        assertThat(finding.vulnerability().mergedFrom()).isEmpty();
        assertThat(finding.vulnerability().provenance()).containsExactly(new SourceRecord("GHSA-bbbb", only.source()));
    }

    @Test
    void mergedRecordsKeepTheCweIdsOfEverySource() {
        Vulnerability ghsa = advisory("GHSA-aaaa").aliases("CVE-2021-1").range(ECO, "lib", "introduced:0", "fixed:2.0")
                .build().withWeaknesses(List.of("CWE-79"));
        Vulnerability nvd = advisory("CVE-2021-1").build().withWeaknesses(List.of("CWE-116", "CWE-79"));
        MatchReport report = Matcher.of(List.of(ghsa, nvd)).match(List.of(app("lib@1.0")));
        assertThat(report.findings()).singleElement()
                .satisfies(f -> assertThat(f.vulnerability().weaknesses()).containsExactly("CWE-79", "CWE-116"));
    }

    @Test
    void gitRangesAreCountedNotMatched() {
        Vulnerability v = advisory("V-1")
                .range(AffectedRange.Type.GIT, ECO, "lib", "introduced:abc123", "fixed:def456")
                .build();
        Matcher matcher = Matcher.of(List.of(v));
        assertThat(matcher.stats().gitRanges()).isEqualTo(1);
        assertThat(matcher.match(List.of(app("lib@1.0"))).findings()).isEmpty();
    }

    @Test
    void rangeWithAnInvalidVersionIsDroppedAndReportedWithItsPlace() {
        Vulnerability v = advisory("V-1")
                .range(ECO, "lib", "introduced:1.0", "fixed:...")
                .range(ECO, "lib", "introduced:3.0")
                .build();
        Matcher matcher = Matcher.of(List.of(v));
        assertThat(matcher.stats().droppedRanges()).isEqualTo(1);
        assertThat(matcher.advisoryProblems()).singleElement().hasToString(
                "test/V-1.json at V-1 /affected/0/ranges/0/events/1: invalid generic version '...': no digits or letters; range ignored");
        assertThat(ids(matcher.match(List.of(app("lib@3.1"))))).containsExactly("V-1");
    }

    @Test
    void componentUpgradeRemovesEveryFinding() {
        // The Log4Shell family: four CVEs, each with its own fixes; only 2.17.1 removes all of them on the 2.x line.
        Vulnerability v44228 = advisory("CVE-2021-44228").range(ECO, "log4j-core",
                "introduced:2.0", "fixed:2.3.1", "introduced:2.4", "fixed:2.12.2", "introduced:2.13.0", "fixed:2.15.0").build();
        Vulnerability v45046 = advisory("CVE-2021-45046").range(ECO, "log4j-core",
                "introduced:2.0", "fixed:2.3.1", "introduced:2.4", "fixed:2.12.2", "introduced:2.13.0", "fixed:2.16.0").build();
        Vulnerability v45105 = advisory("CVE-2021-45105").range(ECO, "log4j-core",
                "introduced:2.0", "fixed:2.3.1", "introduced:2.4", "fixed:2.12.3", "introduced:2.13.0", "fixed:2.17.0").build();
        Vulnerability v44832 = advisory("CVE-2021-44832").range(ECO, "log4j-core",
                "introduced:2.0", "fixed:2.3.2", "introduced:2.4", "fixed:2.12.4", "introduced:2.13.0", "fixed:2.17.1").build();
        MatchReport report = Matcher.of(List.of(v44228, v45046, v45105, v44832)).match(List.of(app("log4j-core@2.14.1")));
        assertThat(report.findings()).hasSize(4);
        assertThat(report.upgrades()).singleElement().satisfies(u -> {
            assertThat(u.toVersion()).isEqualTo("2.17.1");
            assertThat(u.vulnerabilityIds()).hasSize(4);
            assertThat(u.unfixed()).isEmpty();
        });
        MatchReport onOldLine = Matcher.of(List.of(v44228, v45046, v45105, v44832)).match(List.of(app("log4j-core@2.12.1")));
        assertThat(onOldLine.upgrades().get(0).toVersion()).isEqualTo("2.12.4");
    }

    @Test
    void upgradeAvoidsAVersionThatAnotherKnownVulnerabilityAffects() {
        Vulnerability current = advisory("V-1").range(ECO, "lib", "introduced:0", "fixed:2.0", "fixed:3.0").build();
        Vulnerability later = advisory("V-2").range(ECO, "lib", "introduced:2.0", "fixed:2.5").build();
        MatchReport report = match(app("lib@1.0"), current, later);
        assertThat(ids(report)).containsExactly("V-1");
        // 2.0 removes V-1 but V-2 affects it; 3.0 is clean of both.
        assertThat(report.upgrades().get(0).toVersion()).isEqualTo("3.0");
    }

    @Test
    void vulnerabilityWithoutFixLeavesTheUpgradeForTheRest() {
        Vulnerability fixed = advisory("V-1").range(ECO, "lib", "introduced:0", "fixed:2.0").build();
        Vulnerability unfixed = advisory("V-2").range(ECO, "lib", "introduced:0").build();
        Upgrade upgrade = match(app("lib@1.0"), fixed, unfixed).upgrades().get(0);
        assertThat(upgrade.toVersion()).isEqualTo("2.0");
        assertThat(upgrade.unfixed()).containsExactly("V-2");
        Upgrade none = match(app("lib@1.0"), unfixed).upgrades().get(0);
        assertThat(none.toVersion()).isNull();
    }

    @Test
    void componentsWithoutEcosystemOrVersionAreCountedAsUnmatchable() {
        Target target = new Target("app", Target.Kind.APPLICATION, "app.json", List.of(
                new Component(null, "mystery", "1.0", null, Location.of("app.json")),
                new Component(ECO, "lib", null, null, Location.of("app.json")),
                new Component(ECO, "lib", "1.0", null, Location.of("app.json"))));
        MatchReport report = Matcher.of(List.of()).match(List.of(target));
        assertThat(report.componentsUnmatchable()).isEqualTo(2);
        assertThat(report.componentsMatched()).isEqualTo(1);
    }

    @Test
    void pypiNamesMeetAfterNormalisation() {
        Vulnerability v = advisory("V-1").range("PyPI", "Foo_Bar.baz", "introduced:0", "fixed:2.0").build();
        Target target = new Target("app", Target.Kind.APPLICATION, "req.txt",
                List.of(new Component("PyPI", "foo-bar-baz", "1.0", null, Location.of("req.txt"))));
        assertThat(Matcher.of(List.of(v)).match(List.of(target)).findings()).hasSize(1);
    }

    @Test
    void packageSpecificSeverityWinsAndFindingsAreMostSevereFirst() {
        Vulnerability low = advisory("V-LOW").severity(SeverityLevel.LOW).range(ECO, "a", "introduced:0").build();
        Vulnerability raised = advisory("V-RAISED").severity(SeverityLevel.LOW)
                .packageSeverity(ECO, "b", SeverityLevel.CRITICAL, "introduced:0").build();
        MatchReport report = match(app("a@1.0", "b@1.0"), low, raised);
        assertThat(ids(report)).containsExactly("V-RAISED", "V-LOW");
        assertThat(report.findings().get(0).severity().level()).isEqualTo(SeverityLevel.CRITICAL);
    }

    @Test
    void genericOrderIsFlaggedAsInexact() {
        Vulnerability v = advisory("V-1").range(ECO, "lib", "introduced:0").build();
        assertThat(match(app("lib@1.0"), v).findings().get(0).exactOrder()).isFalse();
    }

    @Test
    void otherEcosystemsAndPackagesDoNotMatch() {
        Vulnerability v = advisory("V-1").range("Other", "lib", "introduced:0").range(ECO, "lib2", "introduced:0").build();
        assertThat(ids(match(app("lib@1.0"), v))).isEmpty();
    }
}
