package org.patchgap.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.patchgap.core.model.KevEntry;
import org.patchgap.core.model.Vulnerability;

/** The complete new data of one source, ready to replace what the database holds for it. */
sealed interface SourceData {

    SourceStatus status();

    /**
     * @param readerPrefix  the common start of the records' {@code source} texts as read (the local file), cut off
     * @param displayPrefix what replaces it when the records are read back (the URL they came from)
     */
    record Advisories(SourceStatus status, String readerPrefix, String displayPrefix, List<Vulnerability> records)
            implements SourceData {
        public Advisories {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(readerPrefix, "readerPrefix");
            Objects.requireNonNull(displayPrefix, "displayPrefix");
            records = List.copyOf(records);
        }
    }

    record Kev(SourceStatus status, List<KevEntry> entries) implements SourceData {
        public Kev {
            Objects.requireNonNull(status, "status");
            entries = List.copyOf(entries);
        }
    }

    record Epss(SourceStatus status, String modelVersion, LocalDate day, EpssTable.Builder scores)
            implements SourceData {
        public Epss {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(modelVersion, "modelVersion");
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(scores, "scores");
        }
    }
}
