package org.patchgap.store;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code patchgap db status} shows: the file, when it was written, its size, each source, and how many
 * advisories each ecosystem has.
 *
 * @param advisoriesByEcosystem advisory records per base ecosystem over all sources (a record naming two
 *                              ecosystems counts in both); {@code ""} counts records that name no package
 */
public record DatabaseStatus(Path file, Instant created, long sizeBytes, List<SourceStatus> sources,
                             Map<String, Integer> advisoriesByEcosystem, int kevEntries, int epssScores) {

    public DatabaseStatus {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(created, "created");
        sources = List.copyOf(sources);
        advisoriesByEcosystem = Map.copyOf(advisoriesByEcosystem);
    }

    /** The sources whose data is older than {@code maxAge} at {@code now} (or was never loaded). */
    public List<SourceStatus> stale(Duration maxAge, Instant now) {
        return sources.stream().filter(s -> s.isStale(maxAge, now)).toList();
    }
}
