package org.patchgap.store;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Writes the seed inputs of {@link DatabaseFormatFuzzTest}: a real database file (two ecosystems, KEV) and its
 * segments, each prefixed with the byte that picks its decoder. Run once by hand when the format changes:
 * {@code java -cp ... org.patchgap.store.SeedDatabaseFuzzInputs src/test/resources/org/patchgap/store/DatabaseFormatFuzzTestInputs}.
 */
final class SeedDatabaseFuzzInputs {

    private SeedDatabaseFuzzInputs() {}

    private static EpssTable.Builder epss() {
        EpssTable.Builder scores = new EpssTable.Builder();
        scores.add(new org.patchgap.core.model.EpssScore("CVE-2021-44228", 0.94358, 0.99962, java.time.LocalDate.of(2025, 8, 25)));
        return scores;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path dir = Files.createTempDirectory("seed-db");
        DatabaseCommit.commit(dir, List.of(
                        AdvisoryDatabaseTest.advisories("osv:PyPI", Records.advisory("PYSEC-2023-74", "PyPI", "requests", "2.31.0")),
                        AdvisoryDatabaseTest.advisories("osv:npm", Records.advisory("GHSA-aaaa-bbbb-cccc", "npm", "left-pad", "1.3.0")),
                        new SourceData.Kev(AdvisoryDatabaseTest.status("kev", 1), List.of(new org.patchgap.formats.kev.KevEntry(
                                "CVE-2021-44228", "Apache", "Log4j2", "Apache Log4j2 Remote Code Execution Vulnerability",
                                java.time.LocalDate.of(2021, 12, 10), java.time.LocalDate.of(2021, 12, 24), "Apply updates.", true,
                                List.of("CWE-20")))),
                        new SourceData.Epss(AdvisoryDatabaseTest.status("epss", 2), "v2025.03.14",
                                java.time.LocalDate.of(2025, 8, 25), epss())),
                List.of(), Map.of(), false, Clock.systemUTC(), ProgressListener.NONE);
        byte[] file = Files.readAllBytes(dir.resolve(DatabaseFormat.FILE_NAME));
        Files.createDirectories(out.resolve("databaseFile"));
        Files.write(out.resolve("databaseFile").resolve("seed-two-sources"), file);
        Files.createDirectories(out.resolve("segments"));
        try (DatabaseFile db = DatabaseFile.open(dir.resolve(DatabaseFormat.FILE_NAME))) {
            int n = 0;
            for (SegmentInfo s : db.catalog().segments()) {
                ByteBuffer bytes = db.segmentBytes(s);
                byte[] segment = new byte[bytes.remaining() + 1];
                segment[0] = (byte) (s.kind() == SegmentKind.ADVISORIES ? 2 : s.kind() == SegmentKind.KEV ? 3 : 1);
                bytes.get(segment, 1, segment.length - 1);
                Files.write(out.resolve("segments").resolve("seed-" + s.kind().name().toLowerCase() + "-" + n++), segment);
            }
        }
    }
}
