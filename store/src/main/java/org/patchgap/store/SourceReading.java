package org.patchgap.store;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Vulnerability;
import org.patchgap.formats.AdvisoryReader;
import org.patchgap.formats.epss.EpssFile;
import org.patchgap.formats.epss.EpssReader;
import org.patchgap.formats.kev.KevCatalog;

/**
 * Turns a source's local file (downloaded or given to {@code db import}) into the data that replaces the source
 * in the database, with the problems the reader reported. The readers live in {@code formats}; this only adds
 * the source's status and watermark.
 */
final class SourceReading {

    /** A source's new data and what was skipped reading it. */
    record Parsed(SourceData data, List<Problem> problems) {}

    /** Validators and time of the download the file came from. */
    record Fetch(String origin, Instant when, @Nullable String etag, @Nullable String lastModified) {}

    private SourceReading() {}

    /**
     * @param displayPrefix what the records' {@code source} starts with in the database (the URL of a dump plus
     *                      {@code !/}); the local file's name is cut off
     */
    static Parsed osv(AdvisoryReader reader, String name, Path file, String displayPrefix, Fetch fetch)
            throws BadInputException {
        String readerPrefix = java.nio.file.Files.isDirectory(file)
                ? file.toString() + file.getFileSystem().getSeparator()
                : file.toString() + "!/";
        SourceEncoder encoder = new SourceEncoder(readerPrefix, displayPrefix);
        Newest newest = new Newest();
        // Each record is encoded as it is read, never all of them held (SourceEncoder says why).
        List<Problem> problems = reader.readEach(file, v -> {
            newest.see(v);
            encoder.accept(v);
        });
        SourceStatus status = new SourceStatus(name, fetch.origin(), fetch.when(), newest.records,
                problems.size(), newest.modified == null ? null : newest.modified.toString(), fetch.etag(),
                fetch.lastModified(), null);
        return new Parsed(new SourceData.Advisories(status, encoder.segments()), problems);
    }

    /** The number of records seen and the latest {@code modified} among them: the source's watermark. */
    private static final class Newest {
        int records;
        @Nullable Instant modified;

        void see(Vulnerability v) {
            records++;
            if (v.modified() != null && (modified == null || v.modified().isAfter(modified))) {
                modified = v.modified();
            }
        }
    }

    static Parsed kev(String name, Path file, Fetch fetch) throws BadInputException {
        ReadResult<KevCatalog> read = KevCatalog.read(file);
        KevCatalog catalog = read.items().get(0);
        SourceStatus status = new SourceStatus(name, fetch.origin(), fetch.when(), catalog.size(),
                read.problems().size(), catalog.version(), fetch.etag(), fetch.lastModified(), null);
        return new Parsed(new SourceData.Kev(status, catalog.entries()), read.problems());
    }

    static Parsed epss(String name, Path file, Fetch fetch) throws BadInputException {
        EpssTable.Builder scores = new EpssTable.Builder();
        List<Problem> unstorable = new ArrayList<>();
        EpssFile read = new EpssReader().read(file, score -> {
            if (!scores.add(score)) {
                unstorable.add(new Problem(Location.of(file.toString()),
                        "skipped score of " + score.cve() + ": CVE number beyond 32 bits"));
            }
        });
        List<Problem> problems = new ArrayList<>(read.problems());
        problems.addAll(unstorable);
        LocalDate day = read.scoreDate();
        String watermark = day + (read.modelVersion().isEmpty() ? "" : " (model " + read.modelVersion() + ")");
        SourceStatus status = new SourceStatus(name, fetch.origin(), fetch.when(), scores.size(), problems.size(),
                watermark, fetch.etag(), fetch.lastModified(), null);
        return new Parsed(new SourceData.Epss(status, read.modelVersion(), day, scores), problems);
    }
}
