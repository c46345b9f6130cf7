package org.patchgap.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgap.core.model.AffectedPackage;
import org.patchgap.core.model.AffectedRange;
import org.patchgap.core.model.RangeEvent;
import org.patchgap.core.model.Severity;
import org.patchgap.core.model.SeverityLevel;
import org.patchgap.core.model.Vulnerability;
import org.patchgap.formats.osv.OsvReader;
import org.patchgap.store.FixtureServer.Scripted;
import org.patchgap.store.SourceOutcome.State;

/** The {@code nvd} source against a local server answering like the NVD CVE API 2.0, two CVEs per page. */
class NvdSourceTest {

    private static final String FIRST_PAGE = "resultsPerPage=2&startIndex=0";
    private static final String SECOND_PAGE = "resultsPerPage=2&startIndex=2";
    private static final String KEY = "0123abcd-secret-key";

    @TempDir
    Path dir;

    private FixtureServer server;
    private SourceSettings settings;
    private final MutableClock clock = new MutableClock(Instant.parse("2025-08-25T12:00:00Z"));
    private final RecordingProgress progress = new RecordingProgress();
    private final List<String> log = progress.log;

    @BeforeEach
    void start() throws Exception {
        server = new FixtureServer();
        server.serveResource("/rest/json/cves/2.0?" + FIRST_PAGE, "nvd/page-1.json", "p1");
        server.serveResource("/rest/json/cves/2.0?" + SECOND_PAGE, "nvd/page-2.json", "p2");
        settings = SourceSettings.defaults()
                .withPatience(Duration.ofSeconds(5), Duration.ofSeconds(10), 3, Duration.ofMillis(1))
                .withNvd(NvdSettings.defaults().withUrl(server.url("/rest/json/cves/2.0")).withDelay(Duration.ZERO)
                        .withPageSize(2));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void pagesThroughEveryCveAndKeepsDescriptionsScoresAndCpeConfigurations() throws Exception {
        UpdateReport report = updater().update(List.of("nvd"), progress);

        SourceOutcome outcome = report.sources().get(0);
        assertThat(outcome.state()).isEqualTo(State.UPDATED);
        assertThat(outcome.records()).isEqualTo(3);
        assertThat(outcome.problems()).singleElement().satisfies(p -> {
            assertThat(p.location().place()).isEqualTo("/vulnerabilities/1/cve/id");
            assertThat(p.message()).contains("expected a CVE id");
        });
        assertThat(requests()).extracting(FixtureServer.Seen::query).containsExactly(FIRST_PAGE, SECOND_PAGE);

        Vulnerability log4shell = record("CVE-2021-44228");
        assertThat(log4shell.summary()).startsWith("Apache Log4j2 2.0-beta9 through 2.15.0");
        assertThat(log4shell.published()).isEqualTo(Instant.parse("2021-12-10T10:15:09.143Z"));
        assertThat(log4shell.source()).isEqualTo(server.url("/rest/json/cves/2.0") + "?cveId=CVE-2021-44228");
        assertThat(log4shell.severities()).extracting(Severity::vector, Severity::score, Severity::level)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0,
                                SeverityLevel.CRITICAL),
                        org.assertj.core.groups.Tuple.tuple("AV:N/AC:M/Au:N/C:C/I:C/A:C", 9.3, SeverityLevel.HIGH));
        assertThat(log4shell.references()).contains("https://logging.apache.org/log4j/2.x/security.html");
        assertThat(log4shell.affected()).allSatisfy(p -> assertThat(p.ecosystem()).isEqualTo("CPE"));
        assertThat(log4shell.affected()).extracting(AffectedPackage::name).containsExactly(
                "cpe:2.3:a:apache:log4j:*:*:*:*:*:*:*:*", "cpe:2.3:a:apache:log4j:*:*:*:*:*:*:*:*",
                "cpe:2.3:a:apache:log4j:*:*:*:*:*:*:*:*", "cpe:2.3:a:apache:log4j:2.0:-:*:*:*:*:*:*",
                "cpe:2.3:a:apache:log4j:2.0:beta9:*:*:*:*:*:*", "cpe:2.3:a:apache:log4j:2.0:rc1:*:*:*:*:*:*",
                "cpe:2.3:a:apache:log4j:2.0:rc2:*:*:*:*:*:*",
                "cpe:2.3:o:siemens:sppa-t3000_ses3000_firmware:*:*:*:*:*:*:*:*");
        assertThat(log4shell.affected().get(2).ranges()).singleElement().satisfies(r -> {
            assertThat(r.type()).isEqualTo(AffectedRange.Type.ECOSYSTEM);
            assertThat(r.events()).containsExactly(RangeEvent.introduced("2.13.0"), RangeEvent.fixed("2.15.0"));
        });
        assertThat(log4shell.affected().get(4).ranges()).isEmpty();
        assertThat(log4shell.affected().get(4).versions()).containsExactly("2.0");
        assertThat(log4shell.affected().get(7).ranges().get(0).events()).containsExactly(RangeEvent.introduced("0"));

        assertThat(record("CVE-2021-45046").severities()).extracting(Severity::vector)
                .as("the same vector from two scorers is kept once").containsExactly(
                        "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:H/I:H/A:H", "AV:N/AC:H/Au:N/C:P/I:P/A:P");
        assertThat(record("CVE-2022-22965").affected().get(0).ranges().get(0).events())
                .containsExactly(RangeEvent.introduced("0"), RangeEvent.fixed("5.2.20"));

        try (AdvisoryDatabase db = AdvisoryDatabase.open(dir)) {
            SourceStatus status = db.status().sources().get(0);
            assertThat(status.name()).isEqualTo("nvd");
            assertThat(status.watermark()).isEqualTo("2025-08-25T12:00:00Z");
        }
    }

    @Test
    void sendsTheApiKeyHeaderOnlyWhenOneIsSetAndNeverStoresOrLogsIt() throws Exception {
        updater().update(List.of("nvd"), progress);
        assertThat(requests()).allSatisfy(r -> assertThat(r.headers()).doesNotContainKey("apikey"));

        Path other = dir.resolve("with-key");
        settings = settings.withNvd(settings.nvd().withApiKey(KEY));
        new DatabaseUpdater(other, settings, new OsvReader(), clock).update(List.of("nvd"), progress);

        List<FixtureServer.Seen> withKey = requests().subList(2, requests().size());
        assertThat(withKey).hasSize(2).allSatisfy(r -> assertThat(r.headers()).containsEntry("apikey", KEY));
        assertThat(String.join("\n", log)).doesNotContain(KEY);
        assertThat(settings.toString()).doesNotContain(KEY);
        assertThat(java.nio.file.Files.readAllBytes(other.resolve(DatabaseFormat.FILE_NAME)))
                .asString(java.nio.charset.StandardCharsets.ISO_8859_1).doesNotContain(KEY);
    }

    @Test
    void retriesServiceUnavailableAndTheRateLimitAnswer() throws Exception {
        server.script("/rest/json/cves/2.0", Scripted.status(503), Scripted.status(403));

        UpdateReport report = updater().update(List.of("nvd"), progress);

        assertThat(report.sources().get(0).state()).isEqualTo(State.UPDATED);
        assertThat(report.sources().get(0).records()).isEqualTo(3);
        assertThat(requests()).extracting(FixtureServer.Seen::query)
                .containsExactly(FIRST_PAGE, FIRST_PAGE, FIRST_PAGE, SECOND_PAGE);
    }

    @Test
    void aLaterUpdateAsksForTheCvesModifiedSinceTheWatermarkAndMergesThem() throws Exception {
        updater().update(List.of("nvd"), progress);
        clock.now = Instant.parse("2025-09-01T00:00:00Z");
        server.serveResource("/rest/json/cves/2.0", "nvd/modified.json", "m1");

        UpdateReport report = updater().update(List.of("nvd"), progress);

        assertThat(report.sources().get(0).state()).isEqualTo(State.UPDATED);
        assertThat(report.sources().get(0).records()).isEqualTo(3);
        assertThat(requests()).last().extracting(FixtureServer.Seen::query).isEqualTo("resultsPerPage=2&startIndex=0"
                + "&lastModStartDate=2025-08-25T12:00:00.000%2B00:00&lastModEndDate=2025-09-01T00:00:00.000%2B00:00");
        assertThat(record("CVE-2021-45046").summary()).contains("(modified description)");
        assertThat(record("CVE-2021-44228").summary()).startsWith("Apache Log4j2");
        try (AdvisoryDatabase db = AdvisoryDatabase.open(dir)) {
            assertThat(db.status().sources().get(0).watermark()).isEqualTo("2025-09-01T00:00:00Z");
        }
    }

    @Test
    void aWatermarkOlderThanTheApisWindowMeansEveryCveAgain() throws Exception {
        updater().update(List.of("nvd"), progress);
        clock.now = Instant.parse("2026-01-01T00:00:00Z");

        updater().update(List.of("nvd"), progress);

        assertThat(requests()).extracting(FixtureServer.Seen::query)
                .containsExactly(FIRST_PAGE, SECOND_PAGE, FIRST_PAGE, SECOND_PAGE);
    }

    @Test
    void anInvalidAnswerFailsTheSourceAndKeepsItsPreviousData() throws Exception {
        updater().update(List.of("nvd"), progress);
        clock.now = Instant.parse("2025-09-01T00:00:00Z");
        server.serveResource("/rest/json/cves/2.0", "nvd/not-json.json", "broken");

        UpdateReport report = updater().update(List.of("nvd"), progress);

        SourceOutcome outcome = report.sources().get(0);
        assertThat(outcome.state()).isEqualTo(State.FAILED);
        assertThat(outcome.error()).contains("nvd-page.json").contains("not JSON");
        assertThat(outcome.records()).isEqualTo(3);
        try (AdvisoryDatabase db = AdvisoryDatabase.open(dir)) {
            assertThat(db.vulnerabilities(List.of("CPE"))).hasSize(3);
            SourceStatus status = db.status().sources().get(0);
            assertThat(status.lastError()).contains("not JSON");
            assertThat(status.watermark()).as("the next update asks again from the same point")
                    .isEqualTo("2025-08-25T12:00:00Z");
        }
    }

    @Test
    void nvdRecordsMergeWithOsvRecordsThroughTheCveAlias() throws Exception {
        updater().update(List.of("nvd"), progress);
        List<Vulnerability> records = new ArrayList<>(new OsvReader().read(Path.of(NvdSourceTest.class
                .getResource("sources/osv/GHSA-jfh8-c2jp-5v3q.json").toURI())).items());
        try (AdvisoryDatabase db = AdvisoryDatabase.open(dir)) {
            records.addAll(db.vulnerabilities(List.of("CPE")));
        }

        org.patchgap.core.match.Matcher matcher = org.patchgap.core.match.Matcher.of(records);

        assertThat(matcher.stats().records()).isEqualTo(4);
        assertThat(matcher.stats().vulnerabilities()).as("GHSA-jfh8-c2jp-5v3q and CVE-2021-44228 are one")
                .isEqualTo(3);
        assertThat(matcher.advisoryProblems()).as("CPE entries are kept for a CPE matcher, not reported").isEmpty();
    }

    @Test
    void isUpdatedOnlyWhenNamed() throws Exception {
        DatabaseUpdater updater = updater();
        assertThat(updater.resolve(List.of())).doesNotContain("nvd");
        assertThat(updater.resolve(List.of("NVD"))).containsExactly("nvd");
    }

    @Test
    void environmentConfiguresTheApi() {
        NvdSettings nvd = SourceSettings.defaults().withEnvironment(Map.of("PATCHGAP_NVD_URL", "http://mirror/cves",
                "NVD_API_KEY", KEY)).nvd();
        assertThat(nvd.url()).hasToString("http://mirror/cves");
        assertThat(nvd.apiKey()).isEqualTo(KEY);
        assertThat(nvd.requestDelay()).isEqualTo(Duration.ofMillis(600));
        assertThat(NvdSettings.defaults().requestDelay()).isEqualTo(Duration.ofSeconds(6));
        assertThat(NvdSettings.defaults().url()).hasToString("https://services.nvd.nist.gov/rest/json/cves/2.0");
        assertThat(SourceSettings.defaults().withEnvironment(Map.of("PATCHGAP_NVD_DELAY_MS", "0")).nvd()
                .requestDelay()).isZero();
    }

    private DatabaseUpdater updater() {
        return new DatabaseUpdater(dir, settings, new OsvReader(), clock);
    }

    private List<FixtureServer.Seen> requests() {
        return server.requests("/rest/json/cves/2.0");
    }

    private Vulnerability record(String id) throws Exception {
        try (AdvisoryDatabase db = AdvisoryDatabase.open(dir)) {
            return db.vulnerabilities(List.of("CPE")).stream().filter(v -> v.id().equals(id)).findFirst()
                    .orElseThrow();
        }
    }

    /** A clock the test moves between updates. */
    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
