package org.patchgap.formats.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Location;

/**
 * The limits every reader applies to what it takes in whole (docs/security.md, "Limits on input"): a file read
 * into memory may be at most {@link #maxFileBytes()} (default 512 MiB: the largest real inputs, rpmdb.sqlite files
 * and NVD pages, are well under 200 MB), and an archive (an OSV dump, a Java archive with the archives it nests) at
 * most {@link #maxArchiveEntries()} entries (default 2,000,000: OSV's whole dump has about 600,000). Both can be
 * raised, for a file that really is that large, with {@code PATCHGAP_MAX_FILE_BYTES} /
 * {@code PATCHGAP_MAX_ARCHIVE_ENTRIES} (or the system properties {@code patchgap.maxFileBytes} /
 * {@code patchgap.maxArchiveEntries}). Above them the reader refuses the input with a clear error instead of running
 * out of memory or for hours.
 */
public final class InputLimits {

    public static final long DEFAULT_MAX_FILE_BYTES = 512L << 20;
    public static final long DEFAULT_MAX_ARCHIVE_ENTRIES = 2_000_000;

    private InputLimits() {}

    public static long maxFileBytes() {
        return setting("patchgap.maxFileBytes", "PATCHGAP_MAX_FILE_BYTES", DEFAULT_MAX_FILE_BYTES);
    }

    public static long maxArchiveEntries() {
        return setting("patchgap.maxArchiveEntries", "PATCHGAP_MAX_ARCHIVE_ENTRIES", DEFAULT_MAX_ARCHIVE_ENTRIES);
    }

    /** Refuses a file too large to read whole; a file whose size cannot be read is left to the read to report. */
    public static void requireReadableWhole(Path file) throws BadInputException {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            return;
        }
        long max = maxFileBytes();
        if (size > max) {
            throw new BadInputException(Location.of(file.toString()), String.format(
                    "the file is %,d bytes; files over %,d bytes are refused (raise PATCHGAP_MAX_FILE_BYTES to read it)",
                    size, max));
        }
    }

    /** Counts the entries of one archive against {@link #maxArchiveEntries()}. */
    public static final class EntryCount {
        private final String archive;
        private final long max = maxArchiveEntries();
        private long seen;

        public EntryCount(String archive) {
            this.archive = archive;
        }

        public void next() throws BadInputException {
            if (++seen > max) {
                throw new BadInputException(Location.of(archive), String.format(
                        "the archive has over %,d entries; refused (raise PATCHGAP_MAX_ARCHIVE_ENTRIES to read it)", max));
            }
        }
    }

    private static long setting(String property, String variable, long fallback) {
        String text = System.getProperty(property);
        if (text == null) text = System.getenv(variable);
        if (text == null || text.isBlank()) return fallback;
        try {
            long value = Long.parseLong(text.strip().replace("_", ""));
            return value > 0 ? value : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

}
