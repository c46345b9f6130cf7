package org.patchgap.formats.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.ReadResult;
import org.patchgap.formats.InventoryReaders;
import org.patchgap.formats.epss.EpssReader;
import org.patchgap.formats.jar.JavaArchiveReader;
import org.patchgap.formats.osv.OsvReader;

/**
 * Crafted hostile inputs (issue 15): decompression bombs, deep nesting, external entities and entity expansion.
 * Each must end in a clear refusal (or a problem) quickly and within memory, never an error of another kind.
 */
class HostileInputTest {

    @TempDir
    Path dir;

    /** {@code megabytes} of zeros, deflated (a thousand to one). */
    private static void zeros(OutputStream out, int megabytes) throws IOException {
        byte[] mb = new byte[1 << 20];
        for (int i = 0; i < megabytes; i++) out.write(mb);
    }

    @Test
    void aZipBombInAnOsvDumpIsRefusedNamingTheEntry() throws Exception {
        Path zip = dir.resolve("all.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("GHSA-bomb.json"));
            // valid JSON as far as it goes: 400 MB of white space between two fields, which a JSON parser skips
            // without holding (a long string instead is refused by Jackson's own 20 MB string limit)
            out.write("{\"id\": \"GHSA-bomb\",".getBytes(StandardCharsets.US_ASCII));
            byte[] mb = new byte[1 << 20];
            java.util.Arrays.fill(mb, (byte) ' ');
            for (int i = 0; i < 400; i++) out.write(mb);
            out.write("\"modified\": \"2024-01-01T00:00:00Z\"}".getBytes(StandardCharsets.US_ASCII));
            out.closeEntry();
        }
        assertThat(Files.size(zip)).isLessThan(1_000_000); // 400 MB in under 1 MB
        assertThatThrownBy(() -> new OsvReader().read(zip)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("all.zip!/GHSA-bomb.json")
                .hasMessageContaining("refused as a decompression bomb");
    }

    @Test
    void aGzipBombOfEpssScoresIsRefused() throws Exception {
        Path gz = dir.resolve("epss_scores-2025-01-01.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("#model_version:v2025.03.14,score_date:2025-08-25T00:00:00Z\ncve,epss,percentile\n"
                    .getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 300; i++) out.write(new byte[1 << 20]); // 300 MB, one line of zeros
        }
        assertThatThrownBy(() -> new EpssReader().read(gz, score -> { })).isInstanceOf(BadInputException.class)
                .hasMessageContaining("refused as a decompression bomb");
    }

    @Test
    void aBombedPomPropertiesInAJarIsRefused() throws Exception {
        Path jar = dir.resolve("app.jar");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new ZipEntry("META-INF/maven/x/y/pom.properties"));
            zeros(out, 16);
            out.closeEntry();
        }
        assertThatThrownBy(() -> new JavaArchiveReader().read(jar)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("refused as a decompression bomb");
    }

    @Test
    void deeplyNestedJsonIsAClearErrorNotAStackOverflow() throws Exception {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        Path osv = Files.writeString(dir.resolve("deep.json"), "{\"id\": \"X-1\", \"modified\": \"2024-01-01T00:00:00Z\", "
                + "\"affected\": " + deep + "}");
        ReadResult<?> result;
        try {
            result = new OsvReader().read(osv);
            assertThat(result.items()).isEmpty();
            assertThat(result.problems()).isNotEmpty();
        } catch (BadInputException refused) {
            assertThat(refused.getMessage()).containsIgnoringCase("depth");
        }
        Path bom = Files.writeString(dir.resolve("bom.cdx.json"), "{\"bomFormat\": \"CycloneDX\", \"specVersion\": "
                + "\"1.6\", \"components\": " + deep + "}");
        assertThatThrownBy(() -> InventoryReaders.read(bom)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("bom.cdx.json");
    }

    private static final String PASSWD_MARKER = "root:";

    @Test
    void externalEntitiesAreNeverResolved() throws Exception {
        String doctype = "<?xml version=\"1.0\"?>\n<!DOCTYPE bom [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n";
        Path bom = Files.writeString(dir.resolve("bom.cdx.xml"), doctype
                + "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.5\" version=\"1\"><components><component type=\"library\">"
                + "<name>&xxe;</name><version>1</version></component></components></bom>");
        Path pom = Files.writeString(dir.resolve("pom.xml"), doctype.replace("bom [", "project [")
                + "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><groupId>g</groupId><artifactId>&xxe;</artifactId>"
                + "<version>1</version></project>");
        for (Path file : new Path[] {bom, pom}) {
            try {
                ReadResult<?> read = InventoryReaders.read(file);
                assertThat(read.toString()).as(file.toString()).doesNotContain(PASSWD_MARKER);
            } catch (BadInputException refused) {
                assertThat(refused.getMessage()).as(file.toString()).doesNotContain(PASSWD_MARKER);
            }
        }
    }

    @Test
    void entityExpansionIsRefused() throws Exception {
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE bom [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        laughs.append("]>\n<bom xmlns=\"http://cyclonedx.org/schema/bom/1.5\" version=\"1\"><components>"
                + "<component type=\"library\"><name>&lol9;</name><version>1</version></component></components></bom>");
        Path bom = Files.writeString(dir.resolve("laughs.cdx.xml"), laughs);
        long start = System.nanoTime();
        try {
            ReadResult<?> read = InventoryReaders.read(bom);
            assertThat(read.toString()).doesNotContain("lollollol");
        } catch (BadInputException refused) {
            assertThat(refused.getMessage()).contains("laughs.cdx.xml");
        }
        assertThat(System.nanoTime() - start).as("refused at once, not expanded").isLessThan(10_000_000_000L);
    }

    @Test
    void aFileTooLargeToReadWholeIsRefusedBeforeItIsRead(@TempDir Path dir) throws Exception {
        // Sparse: 600 MB long, no disk used; every whole-file reader refuses it by its size alone.
        Path big = dir.resolve("huge.cdx.json");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(600L << 20);
        }
        for (var read : java.util.List.<org.junit.jupiter.api.function.ThrowingConsumer<Path>>of(
                p -> new org.patchgap.formats.cyclonedx.CycloneDxReader().read(p),
                p -> org.patchgap.formats.kev.KevCatalog.read(p),
                p -> new org.patchgap.formats.nvd.NvdCveReader().read(p, "https://nvd"),
                p -> org.patchgap.formats.support.Inputs.json(p),
                p -> org.patchgap.formats.support.Inputs.bytes(p))) {
            assertThatThrownBy(() -> read.accept(big)).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("the file is 629,145,600 bytes; files over 536,870,912 bytes are refused")
                    .hasMessageContaining("PATCHGAP_MAX_FILE_BYTES");
        }
    }

    @Test
    void theFileLimitCanBeSetAndIsSaidInTheError(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("kev.json"), "{\"vulnerabilities\": []}" + " ".repeat(2000));
        System.setProperty("patchgap.maxFileBytes", "1000");
        try {
            assertThatThrownBy(() -> org.patchgap.formats.kev.KevCatalog.read(file))
                    .hasMessageContaining("files over 1,000 bytes are refused");
        } finally {
            System.clearProperty("patchgap.maxFileBytes");
        }
        // Under the default limit the same file reads: one (empty) catalog.
        assertThat(org.patchgap.formats.kev.KevCatalog.read(file).items()).hasSize(1);
    }

    @Test
    void anArchiveWithTooManyEntriesIsRefused(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("all.zip");
        Path jar = dir.resolve("app.jar");
        for (Path archive : java.util.List.of(zip, jar)) {
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(archive))) {
                for (int i = 0; i < 150; i++) {
                    out.putNextEntry(new ZipEntry("GHSA-" + i + ".txt"));
                    out.closeEntry();
                }
            }
        }
        System.setProperty("patchgap.maxArchiveEntries", "100");
        try {
            assertThatThrownBy(() -> new OsvReader().read(zip)).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("the archive has over 100 entries; refused");
            assertThatThrownBy(() -> new JavaArchiveReader().read(jar)).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("PATCHGAP_MAX_ARCHIVE_ENTRIES");
        } finally {
            System.clearProperty("patchgap.maxArchiveEntries");
        }
        assertThat(new OsvReader().read(zip).items()).isEmpty();
    }

    @Test
    void aCvrfDocumentWithAnExternalEntityIsRefusedUnread(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-CONTENT");
        Path cvrf = Files.writeString(dir.resolve("2017-Mar.xml"), """
                <?xml version="1.0"?>
                <!DOCTYPE cvrfdoc [<!ENTITY leak SYSTEM "%s">]>
                <cvrfdoc xmlns="http://www.icasi.org/CVRF/schema/cvrf/1.1">
                  <DocumentTitle>&leak;</DocumentTitle>
                </cvrfdoc>
                """.formatted(secret.toUri()));
        assertThatThrownBy(() -> org.patchgap.formats.windows.WindowsAdvisories.read(cvrf))
                .isInstanceOf(BadInputException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("TOP-SECRET-CONTENT"));
    }
}
