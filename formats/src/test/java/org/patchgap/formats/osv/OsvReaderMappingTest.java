package org.patchgap.formats.osv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchgap.formats.osv.OsvFixtures.fixture;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchgap.core.model.AffectedPackage;
import org.patchgap.core.model.AffectedRange;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.RangeEvent;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Severity;
import org.patchgap.core.model.SeverityLevel;
import org.patchgap.core.model.Vulnerability;

/** How each OSV field lands in the core model, one scenario fixture at a time. */
class OsvReaderMappingTest {

    private static ReadResult<Vulnerability> read(String fixture) throws Exception {
        return new OsvReader().read(fixture(fixture));
    }

    private static Vulnerability only(String fixture) throws Exception {
        ReadResult<Vulnerability> result = read(fixture);
        assertThat(result.items()).hasSize(1);
        return result.items().get(0);
    }

    private static List<String> messages(ReadResult<?> result) {
        return result.problems().stream().map(Problem::message).toList();
    }

    @Test
    void oneRecordMapsEveryField() throws Exception {
        ReadResult<Vulnerability> result = read("one-record.json");
        assertThat(result.problems()).isEmpty();
        Vulnerability v = result.items().get(0);
        assertThat(v.id()).isEqualTo("GHSA-35jh-r3h4-6jhm");
        assertThat(v.aliases()).containsExactly("CVE-2021-23337");
        assertThat(v.summary()).isEqualTo("Command Injection in lodash");
        assertThat(v.published()).isEqualTo(Instant.parse("2021-05-06T16:05:51Z"));
        assertThat(v.modified()).isEqualTo(Instant.parse("2024-03-01T12:00:00Z"));
        assertThat(v.withdrawn()).isNull();
        assertThat(v.isWithdrawn()).isFalse();
        assertThat(v.severities()).containsExactly(
                new Severity(SeverityLevel.HIGH, 7.2, "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H", "CVSS_V3"),
                new Severity(SeverityLevel.HIGH, null, null, "database_specific"));
        assertThat(v.affected()).containsExactly(new AffectedPackage("npm", "lodash", "pkg:npm/lodash",
                List.of(new AffectedRange(AffectedRange.Type.ECOSYSTEM, null,
                        List.of(RangeEvent.introduced("0"), RangeEvent.fixed("4.17.21")))),
                List.of(), null));
        // The NVD URL is listed twice (ADVISORY and ARTICLE): kept once, in first-seen order.
        assertThat(v.references()).containsExactly(
                "https://nvd.nist.gov/vuln/detail/CVE-2021-23337",
                "https://github.com/lodash/lodash/commit/3469357cff396a26c363f8c1b5a91dde28ba4b1c");
        assertThat(v.source()).endsWith("osv/one-record.json");
    }

    @Test
    void withdrawnIsKeptAndMarked() throws Exception {
        Vulnerability v = only("withdrawn.json");
        assertThat(v.withdrawn()).isEqualTo(Instant.parse("2023-05-20T08:30:00Z"));
        assertThat(v.isWithdrawn()).isTrue();
    }

    @Test
    void aliasesExcludeTheOwnIdDuplicatesRelatedAndUpstream() throws Exception {
        Vulnerability v = only("aliases.json");
        assertThat(v.aliases()).containsExactly("CVE-2021-0001", "GHSA-aaaa-bbbb-cccc");
        assertThat(v.summary()).startsWith("Aliases name the same flaw");
    }

    @Test
    void severalRangesAndPackagesKeepTheirOrderAndEcosystemSuffix() throws Exception {
        Vulnerability v = only("several-ranges.json");
        assertThat(v.affected()).extracting(AffectedPackage::ecosystem).containsExactly("PyPI", "Debian:12");
        AffectedPackage jinja = v.affected().get(0);
        assertThat(jinja.ranges()).extracting(AffectedRange::type)
                .containsExactly(AffectedRange.Type.ECOSYSTEM, AffectedRange.Type.SEMVER);
        assertThat(jinja.ranges().get(0).events()).containsExactly(
                RangeEvent.introduced("2.0"), RangeEvent.fixed("2.10.1"),
                RangeEvent.introduced("3.0.0"), RangeEvent.fixed("3.0.3"));
        assertThat(v.affected().get(1).ranges().get(0).events())
                .containsExactly(RangeEvent.introduced("0"), RangeEvent.fixed("3.1.2-1+deb12u1"));
    }

    @Test
    void lastAffectedAndLimitEvents() throws Exception {
        assertThat(only("last-affected.json").affected().get(0).ranges().get(0).events())
                .containsExactly(RangeEvent.introduced("0"), RangeEvent.lastAffected("1.11.0"));
        assertThat(only("limit.json").affected().get(0).ranges().get(0).events())
                .containsExactly(RangeEvent.introduced("1.0.0"), RangeEvent.limit("1.5.0"));
    }

    @Test
    void gitRangesKeepTheRepoAndEntriesWithoutPackageAreLeftOut() throws Exception {
        ReadResult<Vulnerability> result = read("git-range.json");
        assertThat(result.problems()).isEmpty();
        Vulnerability v = result.items().get(0);
        assertThat(v.affected()).hasSize(1);
        AffectedRange git = v.affected().get(0).ranges().get(0);
        assertThat(git.type()).isEqualTo(AffectedRange.Type.GIT);
        assertThat(git.repo()).isEqualTo("https://gitlab.gnome.org/GNOME/libxml2.git");
        assertThat(git.events()).containsExactly(
                RangeEvent.introduced("0123456789abcdef0123456789abcdef01234567"),
                RangeEvent.fixed("89abcdef0123456789abcdef0123456789abcdef"));
        assertThat(v.affected().get(0).versions()).containsExactly("v2.9.10");
    }

    @Test
    void versionsListAndSummaryFromDetails() throws Exception {
        Vulnerability v = only("versions-list.json");
        assertThat(v.affected().get(0).versions()).containsExactly("0.1.0", "0.2.0", "1.0.0", "1.10");
        assertThat(v.affected().get(0).ranges()).isEmpty();
        assertThat(v.affected().get(0).purl()).isEqualTo("pkg:pypi/apache-skywalking");
        assertThat(v.summary()).isEqualTo("Only an explicit list of affected versions.");
        assertThat(v.modified()).isEqualTo(Instant.parse("2023-11-07T20:24:23.946863Z"));
    }

    @Test
    void cvssV3ScoresBothMinorVersions() throws Exception {
        assertThat(only("cvss-v3.json").severities()).containsExactly(
                new Severity(SeverityLevel.CRITICAL, 10.0, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", "CVSS_V3"),
                new Severity(SeverityLevel.MEDIUM, 6.1, "CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", "CVSS_V3"));
    }

    @Test
    void cvssV2IsRatedOnNvdsV2Scale() throws Exception {
        Vulnerability v = only("cvss-v2.json");
        assertThat(v.severities()).containsExactly(
                new Severity(SeverityLevel.HIGH, 10.0, "AV:N/AC:L/Au:N/C:C/I:C/A:C", "CVSS_V2"),
                new Severity(SeverityLevel.MEDIUM, 5.0, "AV:N/AC:L/Au:N/C:P/I:N/A:N", "CVSS_V2"));
        assertThat(v.highestSeverity().score()).isEqualTo(10.0);
    }

    @Test
    void cvssV4IsKeptUnscoredAndTheDatabaseWordGivesTheLevel() throws Exception {
        Vulnerability v = only("cvss-v4.json");
        String vector = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";
        assertThat(v.severities()).containsExactly(
                new Severity(SeverityLevel.UNKNOWN, null, vector, "CVSS_V4"),
                new Severity(SeverityLevel.CRITICAL, null, null, "database_specific"));
        assertThat(v.highestSeverity().level()).isEqualTo(SeverityLevel.CRITICAL);
    }

    @Test
    void githubCweIdsAreKeptAndAnythingElseInTheListIsAWarning() throws Exception {
        ReadResult<Vulnerability> result = read("github-cwe-ids.json");
        assertThat(result.items().get(0).weaknesses()).containsExactly("CWE-1321", "CWE-79");
        assertThat(messages(result)).singleElement().isEqualTo("GHSA-cwe1-cwe1-cwe1: not a CWE id, ignored: 400");
    }

    @Test
    void databaseAndEcosystemSpecificWords() throws Exception {
        Vulnerability v = only("github-database-specific-severity.json");
        assertThat(v.severities()).containsExactly(new Severity(SeverityLevel.MEDIUM, null, null, "database_specific"));
        assertThat(v.affected()).extracting(AffectedPackage::severity).containsExactly(
                new Severity(SeverityLevel.LOW, null, null, "ecosystem_specific"),
                new Severity(SeverityLevel.HIGH, null, null, "database_specific"),
                null);
    }

    @Test
    void affectedSeverityListTakesTheHighestStatement() throws Exception {
        AffectedPackage openssl = only("affected-severity.json").affected().get(0);
        assertThat(openssl.ecosystem()).isEqualTo("Ubuntu:22.04:LTS");
        assertThat(openssl.severity()).isEqualTo(
                new Severity(SeverityLevel.HIGH, 7.5, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", "CVSS_V3"));
    }

    @Test
    void aPackageWithOnlyAnUnscoredV4VectorHasNoSeverityOfItsOwn() throws Exception {
        Vulnerability v = only("affected-v4-only.json");
        assertThat(v.affected().get(0).severity()).isNull();
        assertThat(v.highestSeverity().level()).isEqualTo(SeverityLevel.HIGH);
    }

    @Test
    void badVectorsAreWarningsAndKeepTheVectorWithoutLevel() throws Exception {
        ReadResult<Vulnerability> result = read("bad-cvss.json");
        assertThat(result.items().get(0).severities()).containsExactly(
                new Severity(SeverityLevel.UNKNOWN, null, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/A:L", "CVSS_V3"),
                new Severity(SeverityLevel.UNKNOWN, null, "AV:N/AC:L/Au:N/C:P/I:P/A:P", "CVSS_V3"),
                new Severity(SeverityLevel.HIGH, 7.5, "AV:N/AC:L/Au:N/C:P/I:P/A:P", "CVSS_V2"));
        assertThat(messages(result)).containsExactly(
                "GHSA-badc-vssx-xxxx: severity kept without level: invalid CVSS vector "
                        + "'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/A:L': metric A appears twice",
                "GHSA-badc-vssx-xxxx: severity kept without level: type CVSS_V3 but the vector is CVSS_V2: "
                        + "'AV:N/AC:L/Au:N/C:P/I:P/A:P'");
    }

    @Test
    void badAffectedEntriesAreDroppedWithTheirPointerAndReason() throws Exception {
        ReadResult<Vulnerability> result = read("bad-affected-entries.json");
        assertThat(result.items().get(0).affected()).extracting(AffectedPackage::name).containsExactly("good");
        assertThat(result.problems()).extracting(Problem::toString).allSatisfy(
                s -> assertThat(s).contains("bad-affected-entries.json at /affected/", "OSV-2024-BAD: dropped affected entry: "));
        assertThat(messages(result)).extracting(m -> m.substring(m.indexOf("entry: ") + 7)).containsExactly(
                "no package (expected {\"ecosystem\": ..., \"name\": ...})",
                "range type 'RANGE' is not SEMVER, ECOSYSTEM or GIT",
                "range has no events (expected a non-empty array)",
                "expected an event object with exactly one of introduced, fixed, last_affected, limit; found 0 keys",
                "range has both \"fixed\" and \"last_affected\" events",
                "range has no \"introduced\" event",
                "missing \"name\" (expected a non-empty string)",
                "expected a version string, found a number");
    }

    @Test
    void eventWithTwoKeysNamesItsPointer() throws Exception {
        ReadResult<Vulnerability> result = read("bad-event.json");
        assertThat(result.problems()).extracting(Problem::toString).singleElement().asString()
                .endsWith("bad-event.json at /affected/1/ranges/0/events/2: GHSA-bade-vent-xxxx: dropped affected entry: "
                        + "expected an event object with exactly one of introduced, fixed, last_affected, limit; found 2 keys");
    }

    @Test
    void skippedRecordsSayWhy() throws Exception {
        assertThat(messages(read("missing-id.json"))).containsExactly("skipped: not an OSV record: no \"id\"");
        assertThat(messages(read("bad-withdrawn.json"))).containsExactly("skipped record GHSA-badw-ithd-rawn: "
                + "withdrawn is not an RFC 3339 timestamp: 'yesterday'; cannot tell whether the advisory is in force");
        assertThat(read("array.json").problems()).extracting(Problem::toString).singleElement().asString()
                .endsWith("array.json at /1: skipped: not an OSV record: no \"id\"");
    }

    @Test
    void badDatesAreWarningsAndOffsetsAreAccepted() throws Exception {
        ReadResult<Vulnerability> result = read("bad-dates.json");
        Vulnerability v = result.items().get(0);
        assertThat(v.modified()).isNull();
        assertThat(v.published()).isEqualTo(Instant.parse("2021-05-06T14:05:51Z"));
        assertThat(messages(result)).containsExactly(
                "GHSA-badd-ates-xxxx: modified ignored: not an RFC 3339 timestamp: '2024-13-01T00:00:00Z'");
    }

    @Test
    void summaryFromDetailsIsTheFirstLineCutNearTwoHundredCharacters() throws Exception {
        assertThat(only("summary-from-details.json").summary()).isEqualTo(
                "The first line of details stands in for a missing summary when it is short enough to read as one.");
        assertThat(only("summary-from-markdown-details.json").summary())
                .isEqualTo("A crafted header makes the parser loop forever.");
        String cut = only("long-details.json").summary();
        assertThat(cut).hasSizeLessThanOrEqualTo(OsvRecordMapper.MAX_DERIVED_SUMMARY).endsWith("word…")
                .doesNotContain("second");
    }

    @Test
    void yamlKeepsScalarsAsWritten() throws Exception {
        ReadResult<Vulnerability> result = read("record.yaml");
        assertThat(result.problems()).isEmpty();
        Vulnerability v = result.items().get(0);
        assertThat(v.published()).isEqualTo(Instant.parse("2023-12-24T10:00:00Z"));
        assertThat(v.aliases()).containsExactly("CVE-2099-0003");
        AffectedPackage p = v.affected().get(0);
        assertThat(p.name()).isEqualTo("Some_Package");
        assertThat(p.ranges().get(0).events()).containsExactly(RangeEvent.introduced("0"), RangeEvent.fixed("1.10"));
        assertThat(p.versions()).containsExactly("1.0", "1.9", "010");
        assertThat(v.highestSeverity().score()).isEqualTo(9.8);
        assertThat(v.references()).containsExactly("https://example.org/advisory");
    }

    @Test
    void arraysAndVulnsObjectsLocateEachRecord() throws Exception {
        assertThat(read("array.json").items()).extracting(Vulnerability::source)
                .allSatisfy(s -> assertThat(s).matches(".*array\\.json at /[02]"));
        assertThat(read("vulns.json").items()).extracting(Vulnerability::source)
                .allSatisfy(s -> assertThat(s).matches(".*vulns\\.json at /vulns/[01]"));
    }
}
