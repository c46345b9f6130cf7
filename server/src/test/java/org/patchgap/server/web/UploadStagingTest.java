package org.patchgap.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class UploadStagingTest {

    static byte[] zip(String name, byte[] content) {
        return org.patchgap.server.Zips.of(name, content);
    }

    @Test
    void anUnnamedBodyIsNamedByItsFirstByte() {
        assertThat(UploadStaging.fileName("  {\"a\":1}".getBytes(StandardCharsets.UTF_8), null)).isEqualTo("upload.json");
        assertThat(UploadStaging.fileName("\ufeff<bom/>".getBytes(StandardCharsets.UTF_8), null)).isEqualTo("upload.xml");
        assertThat(UploadStaging.fileName("Host Name: X".getBytes(StandardCharsets.UTF_8), null)).isEqualTo("upload.txt");
        assertThat(UploadStaging.fileName("x".getBytes(StandardCharsets.UTF_8), "dir/sub/package-lock.json"))
                .isEqualTo("package-lock.json");
    }

    @Test
    void aFileNameMustBeAPlainName() {
        assertThatThrownBy(() -> UploadStaging.fileName(new byte[] {1}, "..")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> UploadStaging.fileName(new byte[] {1}, "a\nb")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> UploadStaging.fileName(new byte[] {1}, "x".repeat(201))).isInstanceOf(ApiException.class);
    }

    @Test
    void aZipIsExpandedIntoATreeNamedAfterTheTarget() throws IOException {
        Path root;
        try (UploadStaging staged = UploadStaging.of(zip("sub/a.txt", "hi".getBytes(StandardCharsets.UTF_8)), null, true, "host1")) {
            root = staged.path();
            assertThat(staged.isTree()).isTrue();
            assertThat(root.getFileName().toString()).isEqualTo("host1");
            assertThat(root.resolve("sub/a.txt")).hasContent("hi");
        }
        assertThat(Files.exists(root)).as("removed on close").isFalse();
    }

    @Test
    void aJavaArchiveOrAnAdvisoryZipStaysAFile() throws IOException {
        byte[] jar = zip("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
        try (UploadStaging staged = UploadStaging.of(jar, "app.jar", true)) {
            assertThat(staged.isTree()).isFalse();
        }
        try (UploadStaging staged = UploadStaging.of(jar, null, false)) {
            assertThat(staged.isTree()).isFalse();
            assertThat(staged.displayName()).isEqualTo("upload.zip");
        }
    }

    @Test
    void zipSlipIsRefused() throws IOException {
        byte[] evil = zip("../../etc/evil", "x".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> UploadStaging.of(evil, null, true)).isInstanceOf(ApiException.class)
                .hasMessageContaining("outside the archive");
    }

    @Test
    void aZipBombIsRefused() throws IOException {
        byte[] bomb = zip("zeros", new byte[64 << 20]); // 64 MiB of zeros deflate to about 64 KiB
        assertThat(bomb.length).isLessThan(1 << 20);
        assertThatThrownBy(() -> UploadStaging.of(bomb, null, true)).isInstanceOf(ApiException.class)
                .hasMessageContaining("expands to more than");
    }

    @Test
    void anEmptyBodyOrAnOversizedOneIsRefused() {
        assertThatThrownBy(() -> UploadStaging.of(new byte[0], null, true)).hasMessage("the request body is empty");
        assertThatThrownBy(() -> UploadStaging.readBounded(new java.io.ByteArrayInputStream(new byte[11]), 10))
                .isInstanceOf(ApiException.class).hasMessageContaining("larger than 10 bytes");
    }
}
