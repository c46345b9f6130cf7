package org.patchgap.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Puts a finished file in place so that readers see the old content or the new, never half of it — but only
 * where that is possible and right. A rename replaces whatever the name points at, so renaming a report over
 * {@code /dev/null} turns the device into a plain file (and breaks every later program that writes to it), and
 * renaming over a symbolic link replaces the link. So:
 * <ul>
 *   <li>a symbolic link is followed to the file it names, which is replaced there; the link stays;</li>
 *   <li>a regular file, or a name that does not exist yet, gets a temporary file in the same directory that is
 *       renamed over it in one step;</li>
 *   <li>anything else (a character device such as {@code /dev/null} or {@code /dev/stdout}, a FIFO, a socket) is
 *       opened and written straight, as a shell redirection would.</li>
 * </ul>
 */
public final class AtomicFiles {

    /** Writes the content to a stream. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final int MAX_LINKS = 40; // Linux's SYMLOOP_MAX

    private AtomicFiles() {}

    /** Writes {@code body} to {@code target} (see the class comment for how). */
    public static void write(Path target, Body body) throws IOException {
        Path real = followLinks(target.toAbsolutePath());
        if (isSpecial(real)) {
            writeStraight(real, body);
            return;
        }
        Path dir = real.getParent();
        // Not Files.createTempFile: its owner-only permissions would stay on the file after the move, where
        // a CI job or a colleague expects a file like any other (the umask decides).
        Path temp = Files.createFile(dir.resolve("." + real.getFileName() + "." + UUID.randomUUID() + ".tmp"));
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                body.writeTo(out);
            }
            rename(temp, real, false);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Moves the finished file {@code source} to {@code target}. With {@code requireAtomic} a file system that
     * cannot rename atomically is an error instead of a plain move, and the rename is forced to disk.
     */
    public static void install(Path source, Path target, boolean requireAtomic) throws IOException {
        Path real = followLinks(target.toAbsolutePath());
        if (isSpecial(real)) {
            try (InputStream in = Files.newInputStream(source)) {
                writeStraight(real, in::transferTo);
            }
            Files.deleteIfExists(source);
            return;
        }
        Path from = source.toAbsolutePath();
        if (!real.getParent().equals(from.getParent())) {
            // The link led to another directory, maybe another file system: stage a copy beside the real file
            // so that the final step is still a rename within one directory.
            Path staged = real.resolveSibling("." + real.getFileName() + "." + UUID.randomUUID() + ".tmp");
            try {
                Files.copy(from, staged);
                rename(staged, real, requireAtomic);
            } finally {
                Files.deleteIfExists(staged);
            }
            Files.deleteIfExists(from);
            return;
        }
        rename(from, real, requireAtomic);
    }

    /** The path with every symbolic link of its last element resolved; the result may not exist yet. */
    static Path followLinks(Path path) throws IOException {
        Path p = path;
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops == MAX_LINKS) {
                throw new IOException("too many levels of symbolic links: " + path);
            }
            p = p.resolveSibling(Files.readSymbolicLink(p)).normalize();
        }
        return p;
    }

    /** Exists and is neither a regular file nor a directory: a device, a FIFO or a socket. */
    static boolean isSpecial(Path real) {
        return Files.exists(real, LinkOption.NOFOLLOW_LINKS)
                && !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)
                && !Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS);
    }

    private static void writeStraight(Path real, Body body) throws IOException {
        // No CREATE: the thing exists, and TRUNCATE_EXISTING is ignored by devices and FIFOs.
        try (OutputStream out = Files.newOutputStream(real, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            body.writeTo(out);
        }
    }

    private static void rename(Path from, Path to, boolean requireAtomic) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            if (requireAtomic) {
                throw new IOException("the file system cannot rename atomically in " + to.getParent(), e);
            }
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
        if (requireAtomic) {
            // Make the rename itself durable (POSIX: fsync the directory); not possible everywhere, and harmless then.
            try (FileChannel dir = FileChannel.open(to.getParent(), StandardOpenOption.READ)) {
                dir.force(true);
            } catch (IOException | UnsupportedOperationException ignored) {
                // Windows cannot open a directory as a channel; NTFS journals the rename itself.
            }
        }
    }
}
