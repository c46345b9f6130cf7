package org.patchgap.store;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.Vulnerability;
import org.patchgap.formats.nvd.NvdCveReader;
import org.patchgap.formats.nvd.NvdPage;
import org.patchgap.formats.support.Timestamps;

/**
 * The {@code nvd} source: pages through the NVD CVE API 2.0 with {@link HttpDownloader}.
 *
 * <p>The first update fetches every CVE ({@code startIndex} 0, 2000 per page, about 150 pages). Later
 * updates ask only for CVEs modified since the watermark ({@code lastModStartDate} / {@code lastModEndDate},
 * which the API accepts for at most {@value #MAX_WINDOW_DAYS} days) and replace their previous versions; a
 * watermark older than that window means a full download again. The watermark is the time the update
 * started, so a CVE modified while the pages were fetched is asked for again next time rather than missed.
 *
 * <p>The API's rate limit (5 requests per 30 s without a key, 50 with one) is kept by a pause between
 * requests ({@link NvdSettings#requestDelay()}); HTTP 403, which NVD answers when the limit is passed, is
 * retried with the same backoff as server errors and 429 (those are retried by the downloader).
 */
final class NvdSource {

    static final int MAX_WINDOW_DAYS = 120;

    private static final DateTimeFormatter API_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private final HttpDownloader downloader;
    private final SourceSettings settings;
    private final HttpDownloader.Sleeper sleeper;
    private final NvdCveReader reader = new NvdCveReader();

    NvdSource(HttpDownloader downloader, SourceSettings settings, HttpDownloader.Sleeper sleeper) {
        this.downloader = downloader;
        this.settings = settings;
        this.sleeper = sleeper;
    }

    /** What an update gave: the source's new data, and how many CVEs were fetched to make it. */
    record Update(SourceReading.Parsed parsed, int fetched, boolean incremental) {}

    /**
     * Fetches the CVEs modified since {@code before}'s watermark, or all of them, and returns the source's
     * complete new data (previous records merged with the changed ones).
     */
    Update update(String name, @Nullable SourceStatus before, Path databaseFile, Path downloads, Instant now,
                  ProgressListener progress) throws IOException, BadInputException, DatabaseException {
        NvdSettings nvd = settings.nvd();
        Instant since = before == null || before.records() == 0 ? null
                : Timestamps.rfc3339OrNull(before.watermark());
        if (since != null && Duration.between(since, now).toDays() >= MAX_WINDOW_DAYS) {
            progress.note(name + ": last update older than " + MAX_WINDOW_DAYS + " days: fetching every CVE");
            since = null;
        }
        Map<String, Vulnerability> records = new LinkedHashMap<>();
        if (since != null) {
            readPrevious(name, databaseFile, records);
        }
        String window = since == null ? ""
                : "&lastModStartDate=" + API_TIME.format(since) + "%2B00:00&lastModEndDate="
                        + API_TIME.format(now) + "%2B00:00";
        Map<String, String> headers = nvd.apiKey() == null ? Map.of() : Map.of("apiKey", nvd.apiKey());
        Files.createDirectories(downloads);
        Path file = downloads.resolve("nvd-page.json");
        String api = nvd.url().toString();
        List<Problem> problems = new ArrayList<>();
        int fetched = 0;
        int start = 0;
        try {
            while (true) {
                if (start > 0) {
                    pause(nvd.requestDelay(), nvd.url());
                }
                URI url = URI.create(api + "?resultsPerPage=" + nvd.pageSize() + "&startIndex=" + start + window);
                fetchPage(name, url, file, headers, progress);
                NvdPage page = reader.read(file, api);
                for (Vulnerability v : page.records()) {
                    records.put(v.id(), v);
                }
                problems.addAll(page.problems());
                fetched += page.entries();
                start = page.startIndex() + page.entries();
                progress.note(name + ": " + String.format("%,d of %,d CVEs", start, page.totalResults()));
                if (page.entries() == 0 || start >= page.totalResults()) {
                    break;
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
        List<Vulnerability> all = new ArrayList<>(records.values());
        SourceStatus status = new SourceStatus(name, api, now, all.size(), problems.size(), now.toString(), null,
                null, null);
        return new Update(new SourceReading.Parsed(SourceData.Advisories.encode(status, all, api, api), problems),
                fetched, since != null);
    }

    /** One page, retrying NVD's rate-limit answer (403) as the downloader retries 429 and 5xx. */
    private void fetchPage(String name, URI url, Path file, Map<String, String> headers, ProgressListener progress)
            throws IOException {
        Duration wait = settings.backoff();
        for (int attempt = 1; ; attempt++) {
            try {
                downloader.fetch(name, url, file, null, null, progress, headers);
                return;
            } catch (HttpDownloader.PermanentException e) {
                if (e.status() != 403 || attempt >= settings.attempts()) {
                    throw e;
                }
                progress.note(name + ": HTTP 403 (rate limit), waiting " + wait.toMillis() + " ms");
                pause(wait, url);
                wait = wait.multipliedBy(2);
            }
        }
    }

    private void pause(Duration wait, URI url) throws IOException {
        if (wait.isZero() || wait.isNegative()) {
            return;
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to query " + url, e);
        }
    }

    private static void readPrevious(String name, Path databaseFile, Map<String, Vulnerability> records)
            throws IOException, DatabaseException {
        try (DatabaseFile db = DatabaseFile.open(databaseFile)) {
            for (SegmentInfo s : db.catalog().segments()) {
                if (s.kind() == SegmentKind.ADVISORIES && s.source().equals(name)) {
                    AdvisorySegment.parse(db.segmentBytes(s)).readAll(v -> records.putIfAbsent(v.id(), v));
                }
            }
        } catch (CorruptSegmentException e) {
            throw new DatabaseException(databaseFile + ": damaged nvd data (" + e.getMessage()
                    + "); delete the database and run 'patchgap db update'");
        }
    }

}
