package org.patchgap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgap.core.model.EpssScore;
import org.patchgap.formats.kev.KevEntry;
import org.patchgap.core.model.Vulnerability;

class AdvisoryDatabaseTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-08-26T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final Vulnerability requests = Records.advisory("PYSEC-2023-74", "PyPI", "requests", "2.31.0",
            "CVE-2023-32681", "GHSA-j8r2-6x86-q33q");
    private final Vulnerability lodash = Records.advisory("GHSA-35jh-r3h4-6jhm", "npm", "lodash", "4.17.21",
            "CVE-2021-23337");
    private final Vulnerability everything = Records.everything();
    private final Vulnerability noPackage = new Vulnerability("OSV-2020-1", List.of(), null, null, null, null,
            List.of(), List.of(), List.of(), Records.PREFIX + "OSV-2020-1.json");

    @Test
    void recordsComeBackExactlyAsStored() throws Exception {
        commit(advisories("osv:all", requests, lodash, everything, noPackage));

        try (AdvisoryDatabase db = AdvisoryDatabase.open(dir)) {
            assertThat(db.allVulnerabilities()).containsExactlyInAnyOrder(requests, lodash, everything, noPackage);
        }
    }

    @Test
    void loadsOnlyTheAskedEcosystemsAndEachRecordOnce() throws Exception {
        commit(advisories("osv:all", requests, lodash, everything, noPackage));

        try (AdvisoryDatabase db = AdvisoryDatabase.open(dir)) {
            assertThat(db.ecosystems()).containsExactly("Debian", "Maven", "npm", "PyPI");
            assertThat(db.vulnerabilities(Set.of("pypi"))).containsExactly(requests);
            assertThat(db.vulnerabilities(Set.of("Debian:11"))).containsExactly(everything);
            // "everything" names both Maven and Debian: stored in both segments, returned once.
            assertThat(db.vulnerabilities(Set.of("Maven", "Debian", "npm")))
                    .containsExactlyInAnyOrder(everything, lodash);
            assertThat(db.vulnerabilities(Set.of("Go"))).isEmpty();
        }
    }

    @Test
    void loadsOnlyTheAskedPackagesWithTheMatchersNameRules() throws Exception {
        Vulnerability urllib3 = Records.advisory("PYSEC-2024-1", "PyPI", "urllib3", "2.2.2");
        Vulnerability zopeInterface = Records.advisory("PYSEC-2024-2", "PyPI", "zope.interface", "5.0");
        commit(advisories("osv:all", requests, lodash, everything, urllib3, zopeInterface));

        try (AdvisoryDatabase db = AdvisoryDatabase.open(dir)) {
            // PEP 503: Zope_Interface is zope.interface; Requests is requests.
            assertThat(db.vulnerabilitiesFor(Map.of("PyPI", List.of("Requests", "Zope_Interface", "flask"))))
                    .containsExactlyInAnyOrder(requests, zopeInterface);
            // Maven names are case-sensitive; Debian:12 reads Debian's segment.
            assertThat(db.vulnerabilitiesFor(Map.of("Maven", List.of("org.apache.logging.log4j:LOG4J-core"))))
                    .isEmpty();
            assertThat(db.vulnerabilitiesFor(Map.of("Maven", List.of("org.apache.logging.log4j:log4j-core"),
                    "Debian:12", List.of("apache-log4j2")))).containsExactly(everything);
            assertThat(db.vulnerabilitiesFor(Map.of("npm", List.of()))).isEmpty();
        }
    }

    @Test
    void aVexRecordIsStoredUnderThePackageItSaysIsNotAffected() throws Exception {
        Vulnerability vex = new Vulnerability("CVE-2024-0001", List.of(), null, null, null, null, List.of(),
                List.of(), List.of(), Records.PREFIX + "vex.json", List.of(new org.patchgap.core.model.NotAffectedStatement(
                        "npm", "left-pad", "pkg:npm/left-pad", List.of(), List.of("1.0.0"),
                        org.patchgap.core.model.NotAffectedStatement.Justification.COMPONENT_NOT_PRESENT, "not shipped")));
        commit(advisories("csaf:example.com", vex));

        try (AdvisoryDatabase db = AdvisoryDatabase.open(dir)) {
            assertThat(db.vulnerabilitiesFor(Map.of("npm", List.of("left-pad")))).containsExactly(vex);
            assertThat(db.vulnerabilitiesFor(Map.of("npm", List.of("lodash")))).isEmpty();
        }
    }

    @Test
    void cpeCriteriaAreStoredAndFoundByVendorAndProduct() throws Exception {
        Vulnerability httpd = new Vulnerability("CVE-2021-44790", List.of(), null, null, null, null, List.of(),
                List.of(new org.patchgap.core.model.AffectedPackage("CPE", "cpe:2.3:a:apache:http_server:*:*:*:*:*:*:*:*",
                        null, List.of(), List.of(), null),
                        new org.patchgap.core.model.AffectedPackage("CPE", "cpe:2.3:a:apache:http_server:2.4.49:*:*:*:*:*:*:*",
                                null, List.of(), List.of("2.4.49"), null)),
                List.of(), "nvd?cveId=CVE-2021-44790");
        Vulnerability tomcat = new Vulnerability("CVE-2020-1938", List.of(), null, null, null, null, List.of(),
                List.of(new org.patchgap.core.model.AffectedPackage("CPE", "cpe:2.3:a:apache:tomcat:9.0.30:*:*:*:*:*:*:*",
                        null, List.of(), List.of("9.0.30"), null)),
                List.of(), "nvd?cveId=CVE-2020-1938");
        commit(advisories("nvd", httpd, tomcat));

        try (AdvisoryDatabase db = AdvisoryDatabase.open(dir)) {
            // A component's CPE (either binding, any case, any version) finds every criteria of its product, once.
            assertThat(db.vulnerabilitiesFor(Map.of("CPE", List.of("cpe:/a:Apache:HTTP_Server:2.4.50"))))
                    .containsExactly(httpd);
            assertThat(db.vulnerabilitiesFor(Map.of("CPE", List.of("cpe:2.3:a:apache:tomcat:*:*:*:*:*:*:*:*"))))
                    .containsExactly(tomcat);
            assertThat(db.vulnerabilitiesFor(Map.of("CPE", List.of("cpe:2.3:a:apache:struts:2.0:*:*:*:*:*:*:*"))))
                    .isEmpty();
        }
    }

    @Test
    void aRecordNamingTwoPackagesOfOneEcosystemComesOnce() throws Exception {
        Vulnerability two = new Vulnerability("GHSA-two", List.of(), null, null, null, null, List.of(),
                List.of(requests.affected().get(0),
                        new org.patchgap.core.model.AffectedPackage("PyPI", "urllib3", null, List.of(), List.of("1.0"),
                                null)),
                List.of(), Records.PREFIX + "GHSA-two.json");
        commit(advisories("osv:PyPI", two, requests));

        try (AdvisoryDatabase db = AdvisoryDatabase.open(dir)) {
            assertThat(db.vulnerabilities(Set.of("PyPI"))).containsExactlyInAnyOrder(two, requests);
            assertThat(db.vulnerabilitiesFor(Map.of("PyPI", List.of("requests", "urllib3"))))
                    .containsExactlyInAnyOrder(two, requests);
        }
    }

    @Test
    void joinsKevAndEpssByCveIdOrAlias() throws Exception {
        KevEntry kev = new KevEntry("CVE-2021-44228", "Apache", "Log4j2",
                "Apache Log4j2 Remote Code Execution Vulnerability", LocalDate.of(2021, 12, 10),
                LocalDate.of(2021, 12, 24), "Apply updates.", true, List.of("CWE-20", "CWE-400"));
        EpssTable.Builder scores = new EpssTable.Builder();
        scores.add(new EpssScore("CVE-2021-44228", 0.94358, 0.99962, LocalDate.of(2025, 8, 25)));
        scores.add(new EpssScore("CVE-2023-32681", 0.0012, 0.41, LocalDate.of(2025, 8, 25)));
        commit(advisories("osv:all", requests, everything),
                new SourceData.Kev(status("kev", 1), List.of(kev)),
                new SourceData.Epss(status("epss", 2), "v2025.03.14", LocalDate.of(2025, 8, 25), scores));

        try (AdvisoryDatabase db = AdvisoryDatabase.open(dir)) {
            assertThat(db.kev("cve-2021-44228")).contains(kev);
            assertThat(db.kev("CVE-2023-32681")).isEmpty();
            assertThat(db.kevOf(everything)).contains(kev);
            assertThat(db.epss("CVE-2021-44228")).contains(
                    new EpssScore("CVE-2021-44228", 0.94358, 0.99962, LocalDate.of(2025, 8, 25)));
            assertThat(db.epssOf(requests)).map(EpssScore::score).contains(0.0012);
            assertThat(db.epss("CVE-1999-0001")).isEmpty();
            assertThat(db.epss("not a cve")).isEmpty();
        }
    }

    @Test
    void replacingOneSourceKeepsTheOthers() throws Exception {
        commit(advisories("osv:PyPI", requests));
        commit(advisories("osv:npm", lodash));
        Vulnerability newer = Records.advisory("PYSEC-2024-1", "PyPI", "urllib3", "2.2.2");
        commit(advisories("osv:PyPI", newer));

        try (AdvisoryDatabase db = AdvisoryDatabase.open(dir)) {
            assertThat(db.allVulnerabilities()).containsExactlyInAnyOrder(newer, lodash);
            assertThat(db.status().sources()).extracting(SourceStatus::name).containsExactly("osv:PyPI", "osv:npm");
        }
    }

    @Test
    void aFailedSourceKeepsItsDataAndSaysWhy() throws Exception {
        commit(advisories("osv:PyPI", requests));
        DatabaseCommit.commit(dir, List.of(), List.of(), Map.of("osv:PyPI", "HTTP 500", "kev", "timeout"), false,
                CLOCK, ProgressListener.NONE);

        try (AdvisoryDatabase db = AdvisoryDatabase.open(dir)) {
            assertThat(db.allVulnerabilities()).containsExactly(requests);
            assertThat(db.status().sources()).extracting(SourceStatus::name, SourceStatus::records,
                            SourceStatus::lastError)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("kev", 0, "timeout"),
                            org.assertj.core.groups.Tuple.tuple("osv:PyPI", 1, "HTTP 500"));
        }
    }

    @Test
    void statusCountsAndStaleness() throws Exception {
        commit(advisories("osv:all", requests, lodash, everything));

        try (AdvisoryDatabase db = AdvisoryDatabase.open(dir)) {
            DatabaseStatus status = db.status();
            assertThat(status.advisoriesByEcosystem()).containsEntry("PyPI", 1).containsEntry("Maven", 1)
                    .containsEntry("Debian", 1).containsEntry("npm", 1);
            assertThat(status.created()).isEqualTo(CLOCK.instant());
            assertThat(status.sizeBytes()).isPositive();
            assertThat(status.stale(Duration.ofDays(2), CLOCK.instant())).isEmpty();
            assertThat(status.stale(Duration.ofDays(2), CLOCK.instant().plus(Duration.ofDays(3))))
                    .extracting(SourceStatus::name).containsExactly("osv:all");
        }
    }

    @Test
    void deflatedSegmentsReadTheSame() throws Exception {
        DatabaseCommit.commit(dir, List.of(advisories("osv:all", requests, lodash, everything, noPackage)), List.of(),
                Map.of(), true, CLOCK, ProgressListener.NONE);

        try (AdvisoryDatabase db = AdvisoryDatabase.open(dir)) {
            assertThat(db.allVulnerabilities()).containsExactlyInAnyOrder(requests, lodash, everything, noPackage);
        }
    }

    @Test
    void noDatabaseYetSaysWhatToDo() {
        assertThatThrownBy(() -> AdvisoryDatabase.open(dir))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("no advisory database here; run 'patchgap db update'");
        assertThat(AdvisoryDatabase.exists(dir)).isFalse();
    }

    private void commit(SourceData... data) throws DatabaseException {
        DatabaseCommit.commit(dir, List.of(data), List.of(), Map.of(), false, CLOCK, ProgressListener.NONE);
    }

    static SourceData.Advisories advisories(String source, Vulnerability... records) {
        return SourceData.Advisories.encode(status(source, records.length), List.of(records), Records.PREFIX,
                Records.PREFIX);
    }

    static SourceStatus status(String name, int records) {
        return new SourceStatus(name, "https://example.org/" + name, CLOCK.instant(), records, 0, null, null, null,
                null);
    }
}
