package org.patchgap.formats.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Target;

/**
 * A SUSE {@code Packages.db} written by rpm's own NDB code from real package headers (how it was made:
 * src/test/fixture-tools/rpm-ndb/README.md), compared with what {@code rpm -qa} said of the same headers.
 */
class RpmNdbReaderTest {

    @TempDir
    Path work;

    Path db;

    @BeforeEach
    void copyFixture() throws IOException, URISyntaxException {
        Path fixture = Path.of(getClass().getResource("/os-roots/sles-ndb").toURI());
        try (Stream<Path> files = Files.walk(fixture)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path to = work.resolve(fixture.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        db = work.resolve("root/usr/lib/sysimage/rpm/Packages.db");
    }

    @Test
    void readsWhatRpmListsForTheSameHeaders() throws IOException, BadInputException {
        assertThat(new RpmNdbReader().accepts(db, Files.readAllBytes(db))).isTrue();
        ReadResult<Target> result = new RpmNdbReader().read(db);
        Target host = result.items().get(0);
        assertThat(host.name()).isEqualTo("SUSE Linux Enterprise Server 15 SP4");
        List<String> ours = host.components().stream().map(RpmTestDatabases::asRpmQa).sorted().toList();
        assertThat(ours).containsExactlyElementsOf(Files.readAllLines(work.resolve("rpm-qa.txt")));
        assertThat(host.components()).extracting(Component::name)
                .containsExactlyInAnyOrder("openssl-1_1", "timezone", "openssl-1_1", "glibc");
        // SLES has an OSV ecosystem (SUSE:...), which we do not map yet: listed, said, not matched.
        assertThat(result.problems()).extracting(Problem::message).containsExactly(
                "distribution 'sles' has no OSV ecosystem we match; packages listed, not matched");
    }

    @Test
    void aCorruptedBlobLosesOnlyItsPackage() throws IOException, BadInputException {
        byte[] bytes = Files.readAllBytes(db);
        int slot = 32; // the first package slot, right after the header
        int offset = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(slot + 8) * 16;
        bytes[offset + 40] ^= 0x01; // one bit inside the header data
        Files.write(db, bytes);
        ReadResult<Target> result = new RpmNdbReader().read(db);
        assertThat(result.items().get(0).components()).hasSize(3);
        assertThat(result.problems()).extracting(Problem::message)
                .contains("unreadable package: Adler-32 checksum mismatch; skipped");
    }

    @Test
    void aTruncatedFileLosesTheBlobsBeyondItsEnd() throws IOException, BadInputException {
        byte[] bytes = Files.readAllBytes(db);
        ByteBuffer slots = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int lastBlob = 0;
        for (int slot = 32; slot < 4096; slot += 16) lastBlob = Math.max(lastBlob, slots.getInt(slot + 8));
        // The end of the file is a freed blob's zeroed blocks; cut into the last live blob instead.
        Files.write(db, java.util.Arrays.copyOf(bytes, lastBlob * 16 + 100));
        ReadResult<Target> result = new RpmNdbReader().read(db);
        assertThat(result.items().get(0).components()).hasSize(3);
        assertThat(result.problems()).extracting(Problem::message)
                .contains("unreadable package: blob beyond the end of the file; skipped");
    }

    @Test
    void damagedSlotsAndHeadersAreBadInput() throws IOException {
        byte[] bytes = Files.readAllBytes(db);
        bytes[48] = 'X'; // the magic of the second package slot
        Files.write(db, bytes);
        assertThatThrownBy(() -> new RpmNdbReader().read(db)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("expected rpm's NDB Packages.db: slot 3 lacks its 'Slot' magic");
        Files.write(db, java.util.Arrays.copyOf(bytes, 20));
        assertThatThrownBy(() -> new RpmNdbReader().read(db)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("expected rpm's NDB Packages.db: cannot read: file ends at byte 20");
    }

    @Test
    void aWalkedSuseRootIsOneImage() throws Exception {
        org.patchgap.formats.walk.WalkResult result = org.patchgap.formats.walk.InventoryWalker
                .withExcludes(List.of("*.txt")).walk(work);
        assertThat(result.files()).extracting(f -> f.file() + " " + f.reader())
                .containsExactly("root/usr/lib/sysimage/rpm/Packages.db rpmdb-ndb");
        assertThat(result.targets()).singleElement().satisfies(t -> assertThat(t.components()).hasSize(4));
    }
}
