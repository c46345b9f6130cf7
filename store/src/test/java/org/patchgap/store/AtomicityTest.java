package org.patchgap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgap.core.model.BadInputException;

/** An import or update that does not complete leaves the previous database answering, whatever stops it. */
class AtomicityTest {

    @TempDir
    Path dir;

    @Test
    void anImportWithOneUnreadableFileChangesNothing() throws Exception {
        importer().importPaths(List.of(resource("kev.json")), ProgressListener.NONE);

        assertThatThrownBy(() -> importer().importPaths(List.of(resource("epss.csv.gz"), resource("kev-broken.json")),
                ProgressListener.NONE))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("kev-broken.json");

        try (AdvisoryDatabase db = AdvisoryDatabase.open(dir)) {
            assertThat(db.kev("CVE-2021-44228")).isPresent();
            assertThat(db.epss("CVE-2021-44228")).as("the EPSS file of the failed import").isEmpty();
        }
    }

    @Test
    void aFailureWhileWritingLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        importer().importPaths(List.of(resource("kev.json")), ProgressListener.NONE);
        ProgressListener failing = new ProgressListener() {
            @Override
            public void written(String what) {
                throw new IllegalStateException("disk full (simulated)");
            }
        };

        assertThatThrownBy(() -> importer().importPaths(List.of(resource("epss.csv.gz")), failing))
                .hasMessageContaining("disk full");

        try (AdvisoryDatabase db = AdvisoryDatabase.open(dir)) {
            assertThat(db.kev("CVE-2021-44228")).isPresent();
            assertThat(db.epss("CVE-2021-44228")).isEmpty();
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.startsWith(DatabaseCommit.TEMP_PREFIX));
        }
    }

    @Test
    void aProcessKilledInTheMiddleOfAnImportLeavesTheOldDatabaseAnswering() throws Exception {
        importer().importPaths(List.of(resource("kev.json")), ProgressListener.NONE);
        // A database open before the import keeps answering from the file it opened.
        try (AdvisoryDatabase before = AdvisoryDatabase.open(dir)) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), InterruptedImportMain.class.getName(),
                    dir.toString(), resource("epss.csv.gz").toString())
                    .redirectErrorStream(true)
                    .start();
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                StringBuilder seen = new StringBuilder();
                while ((line = out.readLine()) != null && !line.equals("HALF-WRITTEN")) {
                    seen.append(line).append('\n');
                }
                assertThat(line).as("child output:\n" + seen).isEqualTo("HALF-WRITTEN");
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(before.kev("CVE-2021-44228")).isPresent();
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("the half-written file is left beside the database").anyMatch(n -> n.startsWith(DatabaseCommit.TEMP_PREFIX));
        }

        try (AdvisoryDatabase db = AdvisoryDatabase.open(dir)) {
            assertThat(db.kev("CVE-2021-44228")).isPresent();
            assertThat(db.epss("CVE-2021-44228")).isEmpty();
        }

        // The lock died with the process: the next import runs, and clears the left-over.
        importer().importPaths(List.of(resource("epss.csv.gz")), ProgressListener.NONE);
        try (AdvisoryDatabase db = AdvisoryDatabase.open(dir)) {
            assertThat(db.epss("CVE-2021-44228")).isPresent();
            assertThat(db.kev("CVE-2021-44228")).isPresent();
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(DatabaseCommit.TEMP_PREFIX));
        }
    }

    @Test
    void twoWritersAtOnceAreRefused() throws Exception {
        try (UpdateLock held = UpdateLock.acquire(dir)) {
            assertThatThrownBy(() -> importer().importPaths(List.of(resource("kev.json")), ProgressListener.NONE))
                    .isInstanceOf(DatabaseException.class)
                    .hasMessageContaining("another update or import is running");
        }
    }

    private DatabaseImporter importer() {
        return new DatabaseImporter(dir, path -> {
            throw new AssertionError("no OSV input here");
        }, Clock.systemUTC());
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(AtomicityTest.class.getResource("sources/" + name).toURI());
    }
}
