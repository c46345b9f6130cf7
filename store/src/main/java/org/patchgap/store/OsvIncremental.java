package org.patchgap.store;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Vulnerability;
import org.patchgap.formats.AdvisoryReader;
import org.patchgap.formats.support.Timestamps;

/**
 * Brings one OSV ecosystem up to date record by record instead of downloading its whole dump.
 *
 * <p>OSV publishes beside each {@code all.zip} a {@code modified_id.csv}: one line per record,
 * {@code <modified, RFC 3339>,<id>}. The records modified after the source's watermark (the newest
 * {@code modified} we hold) are fetched one by one from {@code <ecosystem>/<id>.json} and replace their old
 * versions. When that is not cheaper, or not possible, the caller downloads the dump instead: no watermark,
 * more than {@link #MAX_CHANGES} changes, the list or a record missing (404: a record may have been
 * removed, which only the full dump shows).
 */
final class OsvIncremental {

    static final int MAX_CHANGES = 200;

    private final HttpDownloader downloader;
    private final AdvisoryReader reader;

    OsvIncremental(HttpDownloader downloader, AdvisoryReader reader) {
        this.downloader = downloader;
        this.reader = reader;
    }

    /** What happened: nothing changed, new data, or the dump is needed (with the reason). */
    sealed interface Outcome {}

    record Unchanged() implements Outcome {}

    record Updated(SourceReading.Parsed parsed, int changed) implements Outcome {}

    record NeedsFullDump(String reason) implements Outcome {}

    Outcome update(String name, String ecosystem, SourceSettings settings, SourceStatus before, Path databaseFile,
                   Path downloads, Instant now, ProgressListener progress) throws IOException, BadInputException,
            DatabaseException {
        Instant watermark = Timestamps.rfc3339OrNull(before.watermark());
        if (watermark == null) {
            return new NeedsFullDump("no watermark");
        }
        URI base = settings.osvDumpUrl(ecosystem).resolve(".");
        Path list = downloads.resolve("osv-" + safe(ecosystem) + "-modified_id.csv");
        try {
            downloader.fetch(name, base.resolve("modified_id.csv"), list, null, null, progress);
        } catch (HttpDownloader.PermanentException e) {
            return new NeedsFullDump("no modified_id.csv: " + e.getMessage());
        }
        Set<String> changed = new LinkedHashSet<>();
        try (Stream<String> lines = Files.lines(list, StandardCharsets.UTF_8)) {
            for (String line : (Iterable<String>) lines::iterator) {
                int comma = line.indexOf(',');
                if (line.isBlank()) continue;
                Instant modified = comma < 0 ? null : Timestamps.rfc3339OrNull(line.substring(0, comma).strip());
                if (modified == null) {
                    return new NeedsFullDump("modified_id.csv: unreadable line '" + line + "'");
                }
                if (modified.isAfter(watermark)) {
                    changed.add(line.substring(comma + 1).strip());
                    if (changed.size() > MAX_CHANGES) {
                        return new NeedsFullDump("more than " + MAX_CHANGES + " records changed");
                    }
                }
            }
        } finally {
            Files.deleteIfExists(list);
        }
        if (changed.isEmpty()) {
            return new Unchanged();
        }
        Path dir = downloads.resolve("osv-" + safe(ecosystem) + "-changes");
        deleteTree(dir);
        Files.createDirectories(dir);
        try {
            for (String id : changed) {
                try {
                    downloader.fetch(name, base.resolve(pathSegment(id) + ".json"), dir.resolve(safe(id) + ".json"),
                            null, null, progress);
                } catch (HttpDownloader.PermanentException e) {
                    return new NeedsFullDump(id + ": " + e.getMessage());
                }
            }
            ReadResult<Vulnerability> fresh = reader.read(dir);
            Map<String, Vulnerability> records = new LinkedHashMap<>();
            try (DatabaseFile db = DatabaseFile.open(databaseFile)) {
                for (SegmentInfo s : db.catalog().segments()) {
                    if (s.kind() == SegmentKind.ADVISORIES && s.source().equals(name)) {
                        AdvisorySegment.parse(db.segmentBytes(s)).readAll(v -> records.putIfAbsent(v.id(), v));
                    }
                }
            } catch (CorruptSegmentException e) {
                return new NeedsFullDump("damaged data: " + e.getMessage());
            }
            String localPrefix = dir.toString() + dir.getFileSystem().getSeparator();
            Instant newest = watermark;
            for (Vulnerability v : fresh.items()) {
                records.put(v.id(), v.withSource(v.source().startsWith(localPrefix)
                        ? base + v.source().substring(localPrefix.length()) : v.source()));
                if (v.modified() != null && v.modified().isAfter(newest)) {
                    newest = v.modified();
                }
            }
            List<Vulnerability> all = new ArrayList<>(records.values());
            SourceStatus status = new SourceStatus(name, before.origin(), now, all.size(), fresh.problems().size(),
                    newest.toString(), before.etag(), before.lastModified(), null);
            String prefix = base.toString();
            return new Updated(new SourceReading.Parsed(SourceData.Advisories.encode(status, all, prefix, prefix),
                    fresh.problems()), changed.size());
        } finally {
            deleteTree(dir);
        }
    }


    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static String pathSegment(String id) {
        return URI.create("x:/" + id.replace("%", "%25").replace(" ", "%20").replace("#", "%23").replace("?", "%3F"))
                .getRawPath().substring(1);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
