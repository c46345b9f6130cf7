package org.patchgap.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** What an update or import did: one outcome per source, and the database file it wrote. */
public record UpdateReport(Path database, List<SourceOutcome> sources) {

    public UpdateReport {
        Objects.requireNonNull(database, "database");
        sources = List.copyOf(sources);
    }

    /** Whether any source failed (the CLI exits non-zero then). */
    public boolean anyFailed() {
        return sources.stream().anyMatch(s -> s.state() == SourceOutcome.State.FAILED);
    }
}
