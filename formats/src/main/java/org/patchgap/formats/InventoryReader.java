package org.patchgap.formats;

import java.nio.file.Path;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Target;

/**
 * Reads one kind of inventory file (a CycloneDX SBOM, a lockfile, a package database) into targets.
 * A reader says which files it wants and how to read one; walking directories and choosing the reader is
 * done once, in {@link InventoryReaders}.
 */
public interface InventoryReader {

    /** A short name for messages and {@code --format json} output, e.g. {@code cyclonedx-json}. */
    String name();

    /**
     * Whether this reader takes {@code file}, judged by its name and its first bytes ({@code head}, at most
     * 4 KiB, possibly empty). Must be cheap: it is asked for every file of a walked tree.
     */
    boolean accepts(Path file, byte[] head);

    /**
     * Reads {@code file}. A file that cannot be used at all is a {@link BadInputException} naming the place;
     * a single unusable component is skipped and reported as a problem in the result.
     */
    ReadResult<Target> read(Path file) throws BadInputException;
}
