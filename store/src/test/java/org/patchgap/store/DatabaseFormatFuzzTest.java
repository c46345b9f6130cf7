package org.patchgap.store;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Fuzz targets for the advisory database's own file format (issue 15). {@code databaseFile}: whatever bytes the
 * database file holds, opening and reading it gives data or a {@link DatabaseException} naming the file, never
 * another exception. {@code segments}: each segment decoder, past the checksums (a file a bug or an attacker wrote
 * with valid ones), fails only with the exceptions its caller turns into a {@link DatabaseException}: the catalog and
 * the EPSS table with {@link CorruptSegmentException} alone. Committed inputs (in
 * {@code src/test/resources/org/patchgap/store/DatabaseFormatFuzzTestInputs/}, seeded with a real database) replay in
 * every test run; {@code ./fuzz} fuzzes them.
 */
class DatabaseFormatFuzzTest {

    private static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("patchgap-db-fuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void databaseFile(byte[] data) throws IOException {
        Files.write(DIR.resolve(DatabaseFormat.FILE_NAME), data);
        try (AdvisoryDatabase db = AdvisoryDatabase.open(DIR)) {
            db.ecosystems();
            db.status();
            db.allVulnerabilities();
            db.knownExploited();
            db.epss("CVE-2021-44228");
            db.vulnerabilitiesFor(java.util.Map.of("PyPI", List.of("requests")));
        } catch (DatabaseException refused) {
            // a damaged or foreign file, named
        }
    }

    @FuzzTest(maxDuration = "60s")
    void segments(byte[] data) {
        int pick = data.length == 0 ? 0 : Byte.toUnsignedInt(data[0]) % 4;
        ByteBuffer rest = ByteBuffer.wrap(data, Math.min(1, data.length), Math.max(0, data.length - 1)).slice();
        try {
            switch (pick) {
                case 0 -> Catalog.decode(rest);
                case 1 -> EpssTable.decode(rest);
                case 2 -> {
                    try {
                        AdvisorySegment.parse(rest).readEveryBlock(v -> { });
                    } catch (IllegalArgumentException | IndexOutOfBoundsException | NullPointerException mapped) {
                        // AdvisoryDatabase maps these to a DatabaseException too
                    }
                }
                default -> {
                    try {
                        KevCodec.decode(new SegmentInput(rest));
                    } catch (IllegalArgumentException | IndexOutOfBoundsException mapped) {
                        // mapped by AdvisoryDatabase.kevIndex
                    }
                }
            }
        } catch (CorruptSegmentException refused) {
            // the decoder's own refusal
        }
    }
}
