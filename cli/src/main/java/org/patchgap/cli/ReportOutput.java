package org.patchgap.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Location;
import org.patchgap.store.AtomicFiles;

/**
 * Where a report goes: standard output, or {@code --output FILE}. A regular file is written whole or not at
 * all (a temporary file beside it, then moved over it), so a reader never sees half a report and a failed run
 * leaves the previous report in place; a device or FIFO ({@code /dev/null}, {@code /dev/stdout}) is written
 * straight, and a symbolic link is followed ({@link AtomicFiles}).
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
        try {
            AtomicFiles.write(target, body::writeTo);
        } catch (IOException e) {
            throw new BadInputException(Location.of(file.toString()), "cannot write: " + e.getMessage(), e);
        }
    }
}
