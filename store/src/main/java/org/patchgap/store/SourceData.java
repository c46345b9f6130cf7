package org.patchgap.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.patchgap.formats.kev.KevEntry;
import org.patchgap.core.model.Vulnerability;

/** The complete new data of one source, ready to replace what the database holds for it. */
sealed interface SourceData {

    SourceStatus status();

    /**
     * Advisory records already encoded, one segment per base ecosystem: a source's records are encoded as soon as
     * it is read, so that an update of many sources never holds more than one source's record objects.
     */
    record Advisories(SourceStatus status, List<EncodedSegment> segments) implements SourceData {
        public Advisories {
            Objects.requireNonNull(status, "status");
            segments = List.copyOf(segments);
        }

        /**
         * Encodes {@code records} by ecosystem.
         *
         * @param readerPrefix  the common start of the records' {@code source} texts as read (the local file), cut off
         * @param displayPrefix what replaces it when the records are read back (the URL they came from)
         */
        static Advisories encode(SourceStatus status, List<Vulnerability> records, String readerPrefix,
                                 String displayPrefix) {
            SourceEncoder encoder = new SourceEncoder(readerPrefix, displayPrefix);
            records.forEach(encoder);
            return new Advisories(status, encoder.segments());
        }
    }

    /** One ecosystem's records of a source, encoded ({@link AdvisorySegment}). */
    record EncodedSegment(String ecosystem, int records, byte[] bytes) {
        public EncodedSegment {
            Objects.requireNonNull(ecosystem, "ecosystem");
            Objects.requireNonNull(bytes, "bytes");
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
