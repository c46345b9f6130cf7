package org.patchgap.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgap.core.model.Vulnerability;

/** The same records give the same database file, byte for byte (the import's output does not depend on timing). */
class DeterministicEncodingTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-08-26T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    /** Packages of very different sizes, and two spellings of one ecosystem. */
    private static List<Vulnerability> manyRecords() {
        List<Vulnerability> records = new ArrayList<>();
        for (int i = 0; i < 4_000; i++) {
            String name = i % 3 == 0 ? "big-package" : "package-" + (i % 401);
            records.add(Records.advisory("PYSEC-2024-" + i, i % 7 == 0 ? "pypi" : "PyPI", name, "1." + (i % 13),
                    "CVE-2024-" + (10000 + i)));
        }
        records.add(Records.everything());
        return records;
    }

    @Test
    void theSameRecordsGiveAByteIdenticalDatabase() throws Exception {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        Files.createDirectories(first);
        Files.createDirectories(second);

        for (Path db : List.of(first, second)) {
            List<Vulnerability> records = manyRecords();
            SourceStatus status = new SourceStatus("osv:PyPI", "https://example.org/all.zip", CLOCK.instant(),
                    records.size(), 0, null, null, null, null);
            DatabaseCommit.commit(db, List.of(SourceData.Advisories.encode(status, records, Records.PREFIX,
                    Records.PREFIX)), List.of(), Map.of(), true, CLOCK, ProgressListener.NONE);
        }

        assertThat(Files.mismatch(first.resolve(DatabaseFormat.FILE_NAME), second.resolve(DatabaseFormat.FILE_NAME)))
                .isEqualTo(-1L);
    }
}
