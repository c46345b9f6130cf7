package org.patchgap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgap.formats.kev.KevEntry;
import org.patchgap.formats.osv.OsvReader;
import org.patchgap.store.FixtureServer.Scripted;
import org.patchgap.store.SourceOutcome.State;

/** Every source is fetched from a local HTTP server, so the real download, retry and reading code runs. */
class DatabaseUpdaterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-08-26T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private FixtureServer server;
    private SourceSettings settings;
    private final RecordingProgress progress = new RecordingProgress();
    private final List<String> log = progress.log;

    @BeforeEach
    void start() throws Exception {
        server = new FixtureServer();
        server.serveResource("/kev.json", "kev.json", "kev-1");
        server.serveResource("/epss.csv.gz", "epss.csv.gz", "epss-1");
        settings = SourceSettings.defaults()
                .withOsvBaseUrl(server.url("/osv/"))
                .withOsvEcosystems(List.of("PyPI"))
                .withKevUrl(server.url("/kev.json"))
                .withEpssUrl(server.url("/epss.csv.gz"))
                .withPatience(Duration.ofSeconds(5), Duration.ofSeconds(10), 3, Duration.ofMillis(1));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void downloadsKevAndEpssIntoTheDatabase() throws Exception {
        UpdateReport report = updater().update(List.of("kev", "epss"), progress);

        assertThat(report.sources()).extracting(SourceOutcome::name, SourceOutcome::state, SourceOutcome::records)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("kev", State.UPDATED, 2),
                        org.assertj.core.groups.Tuple.tuple("epss", State.UPDATED, 3));
        try (AdvisoryDatabase db = AdvisoryDatabase.open(dir)) {
            assertThat(db.kev("CVE-2021-44228")).map(KevEntry::product).contains("Log4j2");
            assertThat(db.epss("CVE-2021-44228")).isPresent();
            SourceStatus kev = db.status().sources().get(1);
            assertThat(kev.name()).isEqualTo("kev");
            assertThat(kev.origin()).isEqualTo(server.url("/kev.json").toString());
            assertThat(kev.watermark()).isEqualTo("2025.08.25");
            assertThat(kev.etag()).isEqualTo("\"kev-1\"");
            assertThat(db.status().sources().get(0).watermark()).isEqualTo("2025-08-25 (model v2025.03.14)");
        }
        assertThat(Files.list(dir.resolve("downloads")).toList()).as("installed downloads are removed").isEmpty();
    }

    @Test
    void aSecondUpdateAsksWhetherAnythingChanged() throws Exception {
        updater().update(List.of("kev"), progress);
        UpdateReport second = updater().update(List.of("kev"), progress);

        assertThat(second.sources()).extracting(SourceOutcome::state).containsExactly(State.UNCHANGED);
        assertThat(server.requests("/kev.json")).last()
                .satisfies(r -> assertThat(r.headers()).containsEntry("if-none-match", "\"kev-1\""));
        try (AdvisoryDatabase db = AdvisoryDatabase.open(dir)) {
            assertThat(db.kev("CVE-2021-44228")).isPresent();
        }
    }

    @Test
    void anOlderFormatIsRebuiltFromFreshDownloadsNotCopied() throws Exception {
        updater().update(List.of("kev", "epss"), progress);
        Path file = dir.resolve(DatabaseFormat.FILE_NAME);
        byte[] bytes = Files.readAllBytes(file);
        java.nio.ByteBuffer.wrap(bytes).putInt(4, DatabaseFormat.VERSION - 1);
        Files.write(file, bytes);

        UpdateReport report = updater().update(List.of("kev"), progress);

        // Not "unchanged" through the old file's ETag: nothing of the old file is trusted or carried over.
        assertThat(report.sources()).extracting(SourceOutcome::state).containsExactly(State.UPDATED);
        assertThat(server.requests("/kev.json")).last()
                .satisfies(r -> assertThat(r.headers()).doesNotContainKey("if-none-match"));
        assertThat(log).anySatisfy(line -> assertThat(line)
                .startsWith("previous database unusable, starting afresh: ")
                .contains("written by an older version of patchgap"));
        assertThat(ByteBuffer.wrap(Files.readAllBytes(file)).getInt(4)).isEqualTo(DatabaseFormat.VERSION);
        try (AdvisoryDatabase db = AdvisoryDatabase.open(dir)) {
            assertThat(db.status().sources()).extracting(SourceStatus::name).containsExactly("kev");
            assertThat(db.kev("CVE-2021-44228")).isPresent();
        }
    }

    @Test
    void serverErrorsAreRetried() throws Exception {
        server.script("/kev.json", Scripted.status(500), Scripted.status(503));

        UpdateReport report = updater().update(List.of("kev"), progress);

        assertThat(report.sources()).extracting(SourceOutcome::state).containsExactly(State.UPDATED);
        assertThat(server.requests("/kev.json")).hasSize(3);
        assertThat(log).anyMatch(l -> l.contains("attempt 2 of 3") && l.contains("HTTP 500"));
    }

    @Test
    void aServerThatNeverAnswersFailsTheSourceAndKeepsItsData() throws Exception {
        updater().update(List.of("kev"), progress);
        server.serveResource("/kev.json", "kev.json", "kev-2");
        server.script("/kev.json", Scripted.delay(1500), Scripted.delay(1500), Scripted.delay(1500));
        settings = settings.withPatience(Duration.ofSeconds(5), Duration.ofMillis(300), 3, Duration.ofMillis(1));

        UpdateReport report = updater().update(List.of("kev"), progress);

        assertThat(report.anyFailed()).isTrue();
        assertThat(report.sources().get(0).error()).contains("failed after 3 attempts").contains("no response");
        try (AdvisoryDatabase db = AdvisoryDatabase.open(dir)) {
            assertThat(db.kev("CVE-2021-44228")).isPresent();
            assertThat(db.status().sources().get(0).lastError()).contains("no response");
        }
    }

    @Test
    void aBrokenDownloadResumesWhereItStopped() throws Exception {
        server.script("/epss.csv.gz", Scripted.cutAfter(50));

        UpdateReport report = updater().update(List.of("epss"), progress);

        assertThat(report.sources()).extracting(SourceOutcome::state).containsExactly(State.UPDATED);
        List<FixtureServer.Seen> requests = server.requests("/epss.csv.gz");
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).headers()).containsEntry("range", "bytes=50-").containsEntry("if-range", "\"epss-1\"");
        try (AdvisoryDatabase db = AdvisoryDatabase.open(dir)) {
            assertThat(db.epss("CVE-2025-48384")).isPresent();
        }
    }

    @Test
    void aBodyThatStopsArrivingIsRetriedAndResumed() throws Exception {
        server.script("/epss.csv.gz", Scripted.stallAfter(50));
        settings = settings.withReadTimeout(Duration.ofMillis(300));

        UpdateReport report = updater().update(List.of("epss"), progress);

        assertThat(report.sources()).extracting(SourceOutcome::state).containsExactly(State.UPDATED);
        List<FixtureServer.Seen> requests = server.requests("/epss.csv.gz");
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).headers()).containsEntry("range", "bytes=50-");
        assertThat(log).anyMatch(l -> l.contains("attempt 2 of 3") && l.contains("no data for 300 ms from "
                + server.url("/epss.csv.gz")));
        try (AdvisoryDatabase db = AdvisoryDatabase.open(dir)) {
            assertThat(db.epss("CVE-2025-48384")).isPresent();
        }
        assertStalledConnectionsWereClosed(1);
    }

    @Test
    void aBodyThatAlwaysStallsFailsTheSourceInBoundedTimeAndKeepsItsData() throws Exception {
        updater().update(List.of("kev"), progress);
        server.serveResource("/kev.json", "kev.json", "kev-2");
        server.script("/kev.json", Scripted.stallAfter(10), Scripted.stallAfter(10), Scripted.stallAfter(10));
        settings = settings.withReadTimeout(Duration.ofMillis(300));

        long start = System.nanoTime();
        UpdateReport report = updater().update(List.of("kev"), progress);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        assertThat(report.sources().get(0).state()).isEqualTo(State.FAILED);
        assertThat(report.sources().get(0).error()).contains("failed after 3 attempts")
                .contains("no data for 300 ms from " + server.url("/kev.json"));
        try (AdvisoryDatabase db = AdvisoryDatabase.open(dir)) {
            assertThat(db.kev("CVE-2021-44228")).isPresent();
            assertThat(db.status().sources().get(0).etag()).isEqualTo("\"kev-1\"");
        }
        assertStalledConnectionsWereClosed(3);
    }

    @Test
    void theReadTimeoutComesFromTheEnvironmentInSeconds() {
        assertThat(SourceSettings.defaults().readTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(SourceSettings.defaults().withEnvironment(java.util.Map.of("PATCHGAP_HTTP_READ_TIMEOUT_S", " 5 "))
                .readTimeout()).isEqualTo(Duration.ofSeconds(5));
        for (String bad : List.of("0", "-3", "ten")) {
            assertThatThrownBy(() -> SourceSettings.defaults().withEnvironment(
                    java.util.Map.of("PATCHGAP_HTTP_READ_TIMEOUT_S", bad)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("PATCHGAP_HTTP_READ_TIMEOUT_S: expected a positive number of seconds, found '" + bad
                            + "'");
        }
    }

    /** The client gave up on each stalled body by closing its connection, not by leaving it open. */
    private void assertStalledConnectionsWereClosed(int stalls) throws InterruptedException {
        server.releaseStalls();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (server.droppedByClient() < stalls && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(server.droppedByClient()).isEqualTo(stalls);
    }

    @Test
    void invalidJsonFailsTheSourceAndKeepsThePreviousCatalog() throws Exception {
        updater().update(List.of("kev"), progress);
        server.serveResource("/kev.json", "kev-broken.json", "kev-2");

        UpdateReport report = updater().update(List.of("kev"), progress);

        assertThat(report.sources().get(0).state()).isEqualTo(State.FAILED);
        assertThat(report.sources().get(0).error()).contains("kev.json at line 2").contains("malformed JSON");
        try (AdvisoryDatabase db = AdvisoryDatabase.open(dir)) {
            assertThat(db.kev("CVE-2021-44228")).isPresent();
            assertThat(db.status().sources().get(0).watermark()).isEqualTo("2025.08.25");
        }
    }

    @Test
    void notFoundIsNotRetried() throws Exception {
        UpdateReport report = updater().update(List.of("osv:Nope"), progress);

        assertThat(report.sources().get(0).error()).contains("HTTP 404");
        assertThat(server.requests("/osv/Nope/all.zip")).hasSize(1);
    }

    @Test
    void readsAnOsvDumpAndReportsItsBadRecordWithItsName() throws Exception {
        server.serve("/osv/PyPI/all.zip", osvZip(), "zip-1");

        UpdateReport report = new DatabaseUpdater(dir, settings, new OsvReader(), CLOCK).update(List.of("osv"), progress);

        SourceOutcome pypi = report.sources().get(0);
        assertThat(pypi.name()).isEqualTo("osv:PyPI");
        assertThat(pypi.state()).isEqualTo(State.UPDATED);
        assertThat(pypi.records()).isEqualTo(2);
        assertThat(pypi.problems()).singleElement().asString().contains("all.zip!/no-id.json");
        try (AdvisoryDatabase db = AdvisoryDatabase.open(dir)) {
            assertThat(db.vulnerabilities(List.of("PyPI"))).singleElement().satisfies(v -> {
                assertThat(v.id()).isEqualTo("GHSA-j8r2-6x86-q33q");
                assertThat(v.source()).isEqualTo(server.url("/osv/PyPI/all.zip") + "!/GHSA-j8r2-6x86-q33q.json");
            });
            assertThat(db.vulnerabilities(List.of("Maven"))).extracting(v -> v.id()).containsExactly("GHSA-jfh8-c2jp-5v3q");
            SourceStatus status = db.status().sources().get(0);
            assertThat(status.watermark()).isEqualTo("2025-02-01T00:00:00Z");
            assertThat(status.problems()).isEqualTo(1);
        }
    }

    @Test
    void aTruncatedZipFailsTheSourceAndKeepsItsData() throws Exception {
        byte[] zip = osvZip();
        server.serve("/osv/PyPI/all.zip", zip, "zip-1");
        DatabaseUpdater updater = new DatabaseUpdater(dir, settings, new OsvReader(), CLOCK);
        updater.update(List.of("osv:PyPI"), progress);
        server.serve("/osv/PyPI/all.zip", java.util.Arrays.copyOf(zip, zip.length / 2), "zip-2");

        UpdateReport report = updater.update(List.of("osv:PyPI"), progress);

        assertThat(report.sources().get(0).state()).isEqualTo(State.FAILED);
        assertThat(report.sources().get(0).error()).contains("osv-PyPI-all.zip").contains("zip");
        try (AdvisoryDatabase db = AdvisoryDatabase.open(dir)) {
            assertThat(db.vulnerabilities(List.of("PyPI"))).extracting(v -> v.id()).containsExactly("GHSA-j8r2-6x86-q33q");
        }
    }

    @Test
    void laterOsvUpdatesFetchOnlyTheRecordsModifiedSinceTheWatermark() throws Exception {
        server.serve("/osv/PyPI/all.zip", osvZip(), "zip-1");
        DatabaseUpdater updater = new DatabaseUpdater(dir, settings, new OsvReader(), CLOCK);
        updater.update(List.of("osv:PyPI"), progress);
        String changed = new String(Files.readAllBytes(AtomicityTest.resource("osv/GHSA-j8r2-6x86-q33q.json")),
                java.nio.charset.StandardCharsets.UTF_8)
                .replace("2024-11-18T16:26:13Z", "2025-03-01T00:00:00Z")
                .replace("Unintended leak", "Corrected: unintended leak");
        server.serve("/osv/PyPI/GHSA-j8r2-6x86-q33q.json", changed.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "one-1");
        server.serve("/osv/PyPI/modified_id.csv", ("2025-03-01T00:00:00Z,GHSA-j8r2-6x86-q33q\n"
                + "2025-02-01T00:00:00Z,GHSA-jfh8-c2jp-5v3q\n"
                + "2023-01-01T00:00:00Z,PYSEC-2023-1\n").getBytes(java.nio.charset.StandardCharsets.UTF_8), "list-1");

        UpdateReport report = updater.update(List.of("osv:PyPI"), progress);

        assertThat(report.sources().get(0).state()).isEqualTo(State.UPDATED);
        assertThat(log).anyMatch(l -> l.contains("1 changed records fetched one by one"));
        assertThat(server.requests("/osv/PyPI/all.zip")).as("the dump is not fetched again").hasSize(1);
        try (AdvisoryDatabase db = AdvisoryDatabase.open(dir)) {
            assertThat(db.vulnerabilities(List.of("PyPI"))).singleElement().satisfies(v -> {
                assertThat(v.summary()).startsWith("Corrected");
                assertThat(v.source()).isEqualTo(server.url("/osv/PyPI/GHSA-j8r2-6x86-q33q.json").toString());
            });
            assertThat(db.vulnerabilities(List.of("Maven"))).singleElement()
                    .satisfies(v -> assertThat(v.source()).endsWith("all.zip!/GHSA-jfh8-c2jp-5v3q.json"));
            assertThat(db.status().sources().get(0).watermark()).isEqualTo("2025-03-01T00:00:00Z");
        }

        assertThat(updater.update(List.of("osv:PyPI"), progress).sources().get(0).state()).isEqualTo(State.UNCHANGED);
    }

    @Test
    void aListedRecordThatIsGoneMeansTheWholeDump() throws Exception {
        server.serve("/osv/PyPI/all.zip", osvZip(), "zip-1");
        DatabaseUpdater updater = new DatabaseUpdater(dir, settings, new OsvReader(), CLOCK);
        updater.update(List.of("osv:PyPI"), progress);
        server.serve("/osv/PyPI/modified_id.csv",
                "2026-01-01T00:00:00Z,GHSA-gone\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "list-1");
        server.serve("/osv/PyPI/all.zip", osvZip(), "zip-2");

        UpdateReport report = updater.update(List.of("osv:PyPI"), progress);

        assertThat(report.sources().get(0).state()).isEqualTo(State.UPDATED);
        assertThat(log).anyMatch(l -> l.contains("downloading the whole dump: GHSA-gone"));
        assertThat(server.requests("/osv/PyPI/all.zip")).hasSize(2);
    }

    /** The OSV fixture records zipped the way OSV publishes an ecosystem. */
    private static byte[] osvZip() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (String name : List.of("GHSA-j8r2-6x86-q33q.json", "GHSA-jfh8-c2jp-5v3q.json", "no-id.json")) {
                zip.putNextEntry(new java.util.zip.ZipEntry(name));
                zip.write(Files.readAllBytes(AtomicityTest.resource("osv/" + name)));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void sourceNames() {
        DatabaseUpdater updater = updater();
        assertThat(updater.resolve(List.of())).containsExactly("osv:PyPI", "kev", "epss");
        assertThat(updater.resolve(List.of("osv:pypi", "KEV", "osv:Red Hat"))).containsExactly("osv:PyPI", "kev",
                "osv:Red Hat");
        assertThatThrownBy(() -> updater.resolve(List.of("csaf"))).hasMessageContaining("unknown source 'csaf'");
        assertThat(SourceSettings.defaults().osvDumpUrl("Red Hat")).hasToString(
                "https://osv-vulnerabilities.storage.googleapis.com/Red%20Hat/all.zip");
    }

    private DatabaseUpdater updater() {
        return new DatabaseUpdater(dir, settings, path -> {
            throw new AssertionError("no OSV source in this test");
        }, CLOCK);
    }
}
