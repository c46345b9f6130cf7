package org.patchgap.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code patchgap db remove SOURCE...}: takes sources out of the database — an import of the wrong directory, an
 * ecosystem no longer wanted, a source whose every update fails — and installs the rest atomically, segments
 * copied byte for byte, as an update does.
 */
public final class SourceRemoval {

    private final Path directory;
    private final Clock clock;

    public SourceRemoval(Path directory) {
        this(directory, Clock.systemUTC());
    }

    SourceRemoval(Path directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * Removes {@code names} (as {@code db status} lists them).
     *
     * @throws DatabaseException when there is no database, a name is not one of its sources (nothing changes), or
     *                           the new database cannot be written (the previous one stays)
     */
    @SuppressWarnings("try") // the lock is held for the try block, never used in it
    public void remove(List<String> names, ProgressListener progress) throws DatabaseException {
        if (names.isEmpty()) throw new IllegalArgumentException("no sources to remove");
        Path file = directory.resolve(DatabaseFormat.FILE_NAME);
        if (!Files.exists(file)) {
            throw new DatabaseException("no advisory database at " + file + "; nothing to remove");
        }
        try (UpdateLock lock = UpdateLock.acquire(directory)) {
            Set<String> known = new TreeSet<>();
            try (AdvisoryDatabase db = AdvisoryDatabase.open(directory)) {
                db.status().sources().forEach(s -> known.add(s.name()));
            } catch (IOException e) {
                throw new DatabaseException(file + ": cannot read: " + e.getMessage(), e);
            }
            Set<String> removed = new LinkedHashSet<>(names);
            for (String name : removed) {
                if (!known.contains(name)) {
                    throw new DatabaseException(file + ": no source named '" + name + "'; the database has "
                            + String.join(", ", known) + " ('patchgap db status' lists them)");
                }
            }
            DatabaseCommit.commit(directory, List.of(), List.of(), java.util.Map.of(), removed,
                    DatabaseUpdater.DEFLATE_SEGMENTS, clock, progress);
        }
    }
}
