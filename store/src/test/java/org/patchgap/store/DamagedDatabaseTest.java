package org.patchgap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged or foreign file is refused with one line that names it and says what to do, never misread. */
class DamagedDatabaseTest {

    @TempDir
    Path dir;

    private Path file;
    private byte[] good;

    @BeforeEach
    void writeGoodDatabase() throws Exception {
        DatabaseCommit.commit(dir, List.of(AdvisoryDatabaseTest.advisories("osv:PyPI",
                        Records.advisory("PYSEC-2023-74", "PyPI", "requests", "2.31.0"))), List.of(), Map.of(), false,
                Clock.systemUTC(), ProgressListener.NONE);
        file = dir.resolve(DatabaseFormat.FILE_NAME);
        good = Files.readAllBytes(file);
    }

    @Test
    void notADatabase() throws Exception {
        Files.writeString(file, "{\"this is\": \"JSON, not a database, and long enough to have a trailer\"}");
        assertThatThrownBy(() -> AdvisoryDatabase.open(dir)).isInstanceOf(DatabaseException.class)
                .hasMessage(file + ": not a Patchgap advisory database (bad magic)");
    }

    @Test
    void cutShort() throws Exception {
        Files.write(file, Arrays.copyOf(good, good.length - 7));
        assertThatThrownBy(() -> AdvisoryDatabase.open(dir)).isInstanceOf(DatabaseException.class)
                .hasMessageContaining("damaged database (bad trailer); run 'patchgap db update'");
    }

    @Test
    void aFlippedByteInASegmentIsCaughtByItsChecksum() throws Exception {
        byte[] bad = good.clone();
        bad[DatabaseFormat.HEADER_LENGTH + 3] ^= 0x10;
        Files.write(file, bad);
        try (AdvisoryDatabase db = AdvisoryDatabase.open(dir)) {
            assertThatThrownBy(() -> db.vulnerabilities(List.of("PyPI"))).isInstanceOf(DatabaseException.class)
                    .hasMessageContaining("damaged advisories segment of osv:PyPI (PyPI) (checksum)");
        }
    }

    @Test
    void aNewerFormatIsRefused() throws Exception {
        byte[] newer = good.clone();
        ByteBuffer.wrap(newer).putInt(4, DatabaseFormat.VERSION + 1);
        Files.write(file, newer);
        assertThatThrownBy(() -> AdvisoryDatabase.open(dir)).isInstanceOf(DatabaseException.class)
                .hasMessageContaining("written by a newer version of patchgap (database format "
                        + (DatabaseFormat.VERSION + 1) + ", this program reads format");
    }

    @Test
    void anOlderFormatIsRefusedWithWhatToDo() throws Exception {
        byte[] older = good.clone();
        ByteBuffer.wrap(older).putInt(4, DatabaseFormat.VERSION - 1);
        Files.write(file, older);
        assertThatThrownBy(() -> AdvisoryDatabase.open(dir)).isInstanceOf(DatabaseException.class)
                .hasMessage(file + ": written by an older version of patchgap (database format "
                        + (DatabaseFormat.VERSION - 1) + ", this program reads format " + DatabaseFormat.VERSION
                        + "); run 'patchgap db update' (or 'patchgap db import' again) to rebuild it");
    }

    @Test
    void anUpdateReplacesADamagedDatabase() throws Exception {
        Files.write(file, Arrays.copyOf(good, 30));
        DatabaseCommit.commit(dir, List.of(AdvisoryDatabaseTest.advisories("osv:npm",
                        Records.advisory("GHSA-1", "npm", "lodash", "4.17.21"))), List.of(), Map.of(), false,
                Clock.systemUTC(), ProgressListener.NONE);
        try (AdvisoryDatabase db = AdvisoryDatabase.open(dir)) {
            assertThat(db.ecosystems()).containsExactly("npm");
        }
    }
}
