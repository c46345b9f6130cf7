package org.patchgap.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Location;

/**
 * Where a report goes: standard output, or {@code --output FILE}. A file is written whole or not at all: into
 * a temporary file beside it, then moved over it, so a reader never sees half a report and a failed run leaves
 * the previous report in place.
 */
final class ReportOutput {

    /** Writes the report body to a stream. */
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private ReportOutput() {}

    static void write(Io io, @Nullable Path file, Body body) throws BadInputException {
        if (file == null) {
            try {
                body.writeTo(io.out());
                io.out().flush();
            } catch (IOException e) {
                throw new BadInputException(Location.of("<stdout>"), "cannot write: " + e.getMessage(), e);
            }
            return;
        }
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new BadInputException(Location.of(file.toString()), "cannot write: no such directory");
        }
        if (Files.isDirectory(target)) {
            throw new BadInputException(Location.of(file.toString()), "cannot write: is a directory; give --output a file name");
        }
        Path temp = null;
        try {
            // Not Files.createTempFile: its owner-only permissions would stay on the report after the move, where
            // a CI job or a colleague expects a file like any other (the umask decides).
            temp = Files.createFile(dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp"));
            try (OutputStream out = Files.newOutputStream(temp)) {
                body.writeTo(out);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new BadInputException(Location.of(file.toString()), "cannot write: " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the move either happened (nothing to delete) or the error above is what matters
                }
            }
        }
    }
}
