package org.patchgap.formats.osv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.patchgap.formats.osv.OsvFixtures.fixture;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Vulnerability;

/** Directory trees (fixture {@code osv/tree/}, links built here) and zip dumps (built here). */
class OsvReaderTreeAndZipTest {

    @TempDir
    Path tmp;

    @Test
    void walksTheTreeInNameOrderAndReportsBrokenAndNonRecordFiles() throws Exception {
        Path tree = fixture("tree");
        ReadResult<Vulnerability> result = new OsvReader().read(tree);

        // .github/ is hidden and README.md is not a record file: neither is read.
        assertThat(result.items()).extracting(Vulnerability::id)
                .containsExactly("GHSA-tre1-tre1-tre1", "PYSEC-2099-10", "PYSEC-2099-11");
        assertThat(result.items().get(1).source()).isEqualTo(tree.resolve("pypi/jinja2/PYSEC-2099-10.yaml").toString());
        assertThat(result.problems()).extracting(Problem::toString).containsExactly(
                tree.resolve("npm/broken.json") + " at line 3, column 1: skipped file: malformed JSON: "
                        + "Unexpected end-of-input within/between Object entries",
                tree.resolve("triage/false_positives.yaml") + ": skipped: not an OSV record: no \"id\"");
    }

    @Test
    void symbolicLinksAreNeverFollowedAndOnlyThoseLeadingOutAreReported(@TempDir Path outside) throws Exception {
        Path root = tmp.resolve("db");
        Files.createDirectories(root.resolve("a"));
        Files.copy(fixture("one-record.json"), root.resolve("a/GHSA-35jh-r3h4-6jhm.json"));
        Files.copy(fixture("limit.json"), outside.resolve("GO-2024-0001.json"));
        try {
            Files.createSymbolicLink(root.resolve("inside-link.json"), root.resolve("a/GHSA-35jh-r3h4-6jhm.json"));
        } catch (UnsupportedOperationException | IOException e) {
            assumeThat(false).as("this file system has no symbolic links").isTrue();
        }
        Files.createSymbolicLink(root.resolve("outside-link.json"), outside.resolve("GO-2024-0001.json"));
        Files.createSymbolicLink(root.resolve("outside-dir"), outside);
        Files.createSymbolicLink(root.resolve("outside-notes.txt"), outside.resolve("GO-2024-0001.json"));
        Files.createSymbolicLink(root.resolve("inside-dir"), root.resolve("a"));

        ReadResult<Vulnerability> result = new OsvReader().read(root);

        assertThat(result.items()).extracting(Vulnerability::id).containsExactly("GHSA-35jh-r3h4-6jhm");
        // Sorted by the walk's order of visit, which the file system decides: compare as a set.
        assertThat(result.problems()).extracting(Problem::toString).containsExactlyInAnyOrder(
                root.resolve("outside-link.json") + ": symbolic link leads out of " + root + "; not followed",
                root.resolve("outside-dir") + ": symbolic link leads out of " + root + "; not followed");
    }

    @Test
    void readsAZipDumpEntryByEntryAndNamesEntriesInsideIt() throws Exception {
        Path zip = tmp.resolve("all.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            add(out, "GHSA-35jh-r3h4-6jhm.json", Files.readAllBytes(fixture("one-record.json")));
            add(out, "PYSEC-2099-3.yaml", Files.readAllBytes(fixture("record.yaml")));
            add(out, "broken.json", Files.readAllBytes(fixture("truncated.json")));
            add(out, "bad-event.json", Files.readAllBytes(fixture("bad-event.json")));
            add(out, "README.txt", "not read".getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("nested/"));
            out.closeEntry();
        }

        ReadResult<Vulnerability> result = new OsvReader().read(zip);

        assertThat(result.items()).extracting(Vulnerability::id)
                .containsExactly("GHSA-35jh-r3h4-6jhm", "PYSEC-2099-3", "GHSA-bade-vent-xxxx");
        assertThat(result.items().get(0).source()).isEqualTo(zip + "!/GHSA-35jh-r3h4-6jhm.json");
        assertThat(result.problems()).extracting(Problem::toString).satisfiesExactly(
                p -> assertThat(p).startsWith(zip + "!/broken.json at line 6, column 1: skipped entry: malformed JSON"),
                p -> assertThat(p).startsWith(zip + "!/bad-event.json at /affected/1/ranges/0/events/2: "));
    }

    @Test
    void anEmptyZipHoldsNoRecords() throws Exception {
        Path zip = tmp.resolve("empty.zip");
        new ZipOutputStream(Files.newOutputStream(zip)).close();
        assertThat(new OsvReader().read(zip).items()).isEmpty();
    }

    @Test
    void aTruncatedZipIsBadInputNamingTheZip() throws Exception {
        Path whole = tmp.resolve("whole.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(whole))) {
            for (int i = 0; i < 20; i++) {
                add(out, "GHSA-" + i + ".json", Files.readAllBytes(fixture("one-record.json")));
            }
        }
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = tmp.resolve("truncated.zip");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> new OsvReader().read(truncated))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(truncated + ": not a readable zip archive: ");
    }

    @Test
    void aZipWhoseEntryDataIsCorruptIsBadInputNamingTheEntry() throws Exception {
        Path zip = tmp.resolve("corrupt.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            add(out, "GHSA-1.json", Files.readAllBytes(fixture("one-record.json")));
        }
        byte[] bytes = Files.readAllBytes(zip);
        // The deflated data starts after the 30-byte local header and the entry name; overwrite part of it.
        int dataStart = 30 + "GHSA-1.json".length();
        for (int i = dataStart; i < dataStart + 40; i++) {
            bytes[i] = (byte) 0xFF;
        }
        Files.write(zip, bytes);

        assertThatThrownBy(() -> new OsvReader().read(zip))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(zip + "!/GHSA-1.json: corrupt zip archive: cannot read entry: ");
    }

    @Test
    void aFileNamedZipThatIsNotOneIsBadInput() throws Exception {
        Path zip = tmp.resolve("not-a.zip");
        Files.writeString(zip, "{\"id\": \"x\"}");
        assertThatThrownBy(() -> new OsvReader().read(zip))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(zip + ": not a readable zip archive");
    }

    @Test
    void aMissingDirectoryIsBadInput() {
        Path missing = tmp.resolve("no/such/dir");
        assertThatThrownBy(() -> new OsvReader().read(missing))
                .isInstanceOf(BadInputException.class)
                .hasMessage(missing + ": no such file");
    }

    private static void add(ZipOutputStream out, String name, byte[] content) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        OutputStream entry = out;
        entry.write(content);
        out.closeEntry();
    }
}
