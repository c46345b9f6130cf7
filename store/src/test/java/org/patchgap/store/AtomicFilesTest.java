package org.patchgap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    private static final Path DEV_NULL = Path.of("/dev/null");

    @Test
    void aRegularFileIsReplacedWhole(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("report.txt");
        Files.writeString(file, "old");
        AtomicFiles.write(file, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertThat(file).hasContent("new");
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void aFailedWriteLeavesThePreviousFileAndNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("report.txt");
        Files.writeString(file, "old");
        try {
            AtomicFiles.write(file, out -> {
                out.write("half".getBytes(StandardCharsets.UTF_8));
                throw new IOException("disk full");
            });
        } catch (IOException expected) {
            assertThat(expected).hasMessage("disk full");
        }
        assertThat(file).hasContent("old");
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void devNullStaysADevice() throws IOException {
        assumeTrue(Files.exists(DEV_NULL), "no /dev/null on this system");
        AtomicFiles.write(DEV_NULL, out -> out.write("discarded".getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.isRegularFile(DEV_NULL, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.size(DEV_NULL)).isZero();
    }

    @Test
    void aLinkToDevNullStaysALinkAndTheDeviceADevice(@TempDir Path dir) throws IOException {
        assumeTrue(Files.exists(DEV_NULL), "no /dev/null on this system");
        Path link = Files.createSymbolicLink(dir.resolve("out"), DEV_NULL);
        Path staged = Files.writeString(dir.resolve("staged"), "content");
        AtomicFiles.install(staged, link, true);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.isRegularFile(DEV_NULL, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(staged).doesNotExist();
    }

    @Test
    void aFifoIsWrittenStraightToItsReader(@TempDir Path dir) throws Exception {
        Path fifo = mkfifo(dir.resolve("pipe"));
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        AtomicFiles.write(fifo, out -> out.write("through the pipe".getBytes(StandardCharsets.UTF_8)));
        assertThat(reader.get(10, TimeUnit.SECONDS)).isEqualTo("through the pipe");
        assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS)).isTrue();
    }

    @Test
    void aLinkToAFileKeepsTheLinkAndReplacesTheFileItNames(@TempDir Path dir) throws IOException {
        Path realDir = Files.createDirectory(dir.resolve("elsewhere"));
        Path real = Files.writeString(realDir.resolve("report.txt"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("report.txt"), Path.of("elsewhere/report.txt"));
        AtomicFiles.write(link, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(real).hasContent("new");
        assertThat(realDir).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void installThroughALinkIntoAnotherDirectoryMovesTheFileThere(@TempDir Path dir) throws IOException {
        Path realDir = Files.createDirectory(dir.resolve("elsewhere"));
        Path real = Files.writeString(realDir.resolve("db"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("db"), real);
        Path staged = Files.writeString(dir.resolve("db.tmp-1"), "new");
        AtomicFiles.install(staged, link, true);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(real).hasContent("new");
        assertThat(staged).doesNotExist();
        assertThat(realDir).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void aDanglingLinkCreatesTheFileItNames(@TempDir Path dir) throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("report.txt"), Path.of("new-report.txt"));
        AtomicFiles.write(link, out -> out.write("first".getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(dir.resolve("new-report.txt")).hasContent("first");
    }

    @Test
    void aLinkLoopIsAClearError(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);
        try {
            AtomicFiles.write(a, out -> {});
            throw new AssertionError("expected an error");
        } catch (IOException e) {
            assertThat(e).hasMessageStartingWith("too many levels of symbolic links");
        }
    }

    static Path mkfifo(Path path) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "mkfifo is not available: " + e.getMessage());
            throw e;
        }
        assumeTrue(p.waitFor() == 0, "mkfifo failed");
        return path;
    }
}
