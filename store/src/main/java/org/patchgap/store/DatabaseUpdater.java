package org.patchgap.store;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.BadInputException;
import org.patchgap.formats.AdvisoryReader;
import org.patchgap.formats.osv.OsvReader;

/**
 * {@code patchgap db update [--source NAME]...}: downloads each source and installs a new database holding them.
 *
 * <p>Sources: {@code osv:<Ecosystem>} (OSV's {@code all.zip} dump of one ecosystem), {@code osv} (every
 * ecosystem of {@link SourceSettings#osvEcosystems()}), {@code kev}, {@code epss} and {@code nvd} (the NVD CVE API,
 * {@link NvdSource}); no name means all of them but {@code nvd}, which is asked for by name: its first download
 * takes about 15 minutes without an API key (NVD's rate limit), and OSV already carries the CVEs of the
 * ecosystems a scan matches by package.
 * {@code csaf:<domain>} (a CSAF 2.0 provider, {@link CsafProviderSource}) is read only when named too.
 *
 * <ul>
 *   <li>A download is conditional on the validators of the data we have: an unchanged source costs one request.</li>
 *   <li>A source that fails (network, HTTP error, truncated or invalid file) keeps its previous data and is
 *       reported; the others are still updated.</li>
 *   <li>All sources go into one new file installed by one atomic rename ({@link DatabaseCommit}); a scan running
 *       meanwhile keeps the database it opened.</li>
 *   <li>Downloads are kept in {@code downloads/} until their data is installed, and a broken download resumes
 *       where it stopped, so an interrupted update does not fetch again what it already had.</li>
 * </ul>
 */
public final class DatabaseUpdater {

    /**
     * Segments are stored deflated: a quarter of the size, and a cold scan reads them faster than plain ones
     * (inflating is native code, fewer bytes pass the checksum); measured in docs/decisions/0004.
     */
    static final boolean DEFLATE_SEGMENTS = true;

    private final Path directory;
    private final SourceSettings settings;
    private final AdvisoryReader osvReader;
    private final Clock clock;
    private final HttpDownloader downloader;
    private final OsvIncremental incremental;
    private final NvdSource nvd;
    private final CsafProviderSource csaf;

    /** An updater of the database in {@code directory} that reads OSV dumps with {@link OsvReader}. */
    public DatabaseUpdater(Path directory, SourceSettings settings) {
        this(directory, settings, new OsvReader(), Clock.systemUTC());
    }

    public DatabaseUpdater(Path directory, SourceSettings settings, AdvisoryReader osvReader, Clock clock) {
        this(directory, settings, osvReader, clock, new HttpDownloader(settings));
    }

    DatabaseUpdater(Path directory, SourceSettings settings, AdvisoryReader osvReader, Clock clock,
                    HttpDownloader downloader) {
        this.directory = directory;
        this.settings = settings;
        this.osvReader = osvReader;
        this.clock = clock;
        this.downloader = downloader;
        this.incremental = new OsvIncremental(downloader, osvReader);
        this.nvd = new NvdSource(downloader, settings, d -> Thread.sleep(d.toMillis()));
        this.csaf = new CsafProviderSource(downloader);
    }

    /**
     * The source names {@code requested} stands for: {@code osv} expands to every configured ecosystem,
     * {@code osv:pypi} is spelled as configured ({@code osv:PyPI}); an empty list means every default source
     * ({@code osv}, {@code kev}, {@code epss}; {@code nvd} only when named).
     *
     * @throws IllegalArgumentException for a name that is no source
     */
    public List<String> resolve(List<String> requested) {
        Set<String> names = new LinkedHashSet<>();
        List<String> wanted = requested.isEmpty() ? List.of("osv", "kev", "epss") : requested;
        for (String raw : wanted) {
            String name = raw.strip();
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("osv")) {
                settings.osvEcosystems().forEach(e -> names.add("osv:" + e));
            } else if (lower.equals("kev") || lower.equals("epss") || lower.equals("nvd")) {
                names.add(lower);
            } else if (lower.startsWith("csaf:") && name.length() > 5) {
                names.add("csaf:" + name.substring(5).strip());
            } else if (lower.startsWith("osv:") && name.length() > 4) {
                String ecosystem = name.substring(4).strip();
                names.add("osv:" + settings.osvEcosystems().stream().filter(e -> e.equalsIgnoreCase(ecosystem))
                        .findFirst().orElse(ecosystem));
            } else {
                throw new IllegalArgumentException("unknown source '" + raw
                        + "': expected osv, osv:<Ecosystem> (e.g. osv:PyPI), kev, epss, nvd or csaf:<domain>");
            }
        }
        return List.copyOf(names);
    }

    /** Updates {@code sources} (see {@link #resolve}); an empty list updates all. */
    @SuppressWarnings("try") // the lock is held for the try block, never used in it
    public UpdateReport update(List<String> sources, ProgressListener progress) throws DatabaseException {
        List<String> names = resolve(sources);
        try (UpdateLock lock = UpdateLock.acquire(directory)) {
            Map<String, SourceStatus> previous = previousSources();
            List<SourceData> replaced = new ArrayList<>();
            List<SourceStatus> refreshed = new ArrayList<>();
            Map<String, String> failed = new LinkedHashMap<>();
            List<SourceOutcome> outcomes = new ArrayList<>();
            List<Path> installedDownloads = new ArrayList<>();
            for (String name : names) {
                SourceStatus before = previous.get(name);
                try {
                    if (name.startsWith("csaf:")) {
                        Path work = directory.resolve("downloads").resolve("csaf-"
                                + name.substring(5).replaceAll("[^A-Za-z0-9._-]", "_"));
                        CsafProviderSource.Update u = csaf.read(name, before,
                                directory.resolve(DatabaseFormat.FILE_NAME), work, clock.instant(), progress);
                        SourceReading.Parsed parsed = u.parsed();
                        replaced.add(parsed.data());
                        SourceOutcome outcome = new SourceOutcome(name, SourceOutcome.State.UPDATED,
                                parsed.data().status().records(), parsed.problems(), null);
                        outcomes.add(outcome);
                        progress.finished(name, outcome.summary() + " (" + u.fetched() + " documents fetched"
                                + (u.unchanged() > 0 ? ", " + u.unchanged() + " unchanged)" : ")"));
                        continue;
                    }
                    if (name.equals("nvd")) {
                        NvdSource.Update u = nvd.update(name, before, directory.resolve(DatabaseFormat.FILE_NAME),
                                directory.resolve("downloads"), clock.instant(), progress);
                        replaced.add(u.parsed().data());
                        SourceOutcome outcome = new SourceOutcome(name, SourceOutcome.State.UPDATED,
                                u.parsed().data().status().records(), u.parsed().problems(), null);
                        outcomes.add(outcome);
                        progress.finished(name, outcome.summary() + " (" + u.fetched() + " CVEs fetched"
                                + (u.incremental() ? ", modified since the last update)" : ")"));
                        continue;
                    }
                    URI url = urlOf(name);
                    Path target = directory.resolve("downloads").resolve(fileNameOf(name));
                    Cached cached = Cached.of(target);
                    if (name.startsWith("osv:") && before != null && cached == null && before.records() > 0) {
                        OsvIncremental.Outcome step = incremental.update(name, name.substring(4), settings, before,
                                directory.resolve(DatabaseFormat.FILE_NAME), directory.resolve("downloads"),
                                clock.instant(), progress);
                        if (step instanceof OsvIncremental.Unchanged) {
                            SourceStatus now = new SourceStatus(name, before.origin(), clock.instant(),
                                    before.records(), before.problems(), before.watermark(), before.etag(),
                                    before.lastModified(), null);
                            refreshed.add(now);
                            outcomes.add(new SourceOutcome(name, SourceOutcome.State.UNCHANGED, now.records(),
                                    List.of(), null));
                            progress.finished(name, "unchanged (modified_id.csv)");
                            continue;
                        }
                        if (step instanceof OsvIncremental.Updated u) {
                            replaced.add(u.parsed().data());
                            SourceOutcome outcome = new SourceOutcome(name, SourceOutcome.State.UPDATED,
                                    u.parsed().data().status().records(), u.parsed().problems(), null);
                            outcomes.add(outcome);
                            progress.finished(name, outcome.summary() + " (" + u.changed()
                                    + " changed records fetched one by one)");
                            continue;
                        }
                        progress.note(name + ": downloading the whole dump: "
                                + ((OsvIncremental.NeedsFullDump) step).reason());
                    }
                    HttpDownloader.Result result = cached != null
                            ? downloader.fetch(name, url, target, cached.etag, cached.lastModified, progress)
                            : downloader.fetch(name, url, target, before == null ? null : before.etag(),
                                    before == null ? null : before.lastModified(), progress);
                    if (result instanceof HttpDownloader.NotModified && cached != null) {
                        progress.note(name + ": using the copy downloaded by an interrupted update");
                        result = new HttpDownloader.Downloaded(target, Files.size(target), cached.etag,
                                cached.lastModified);
                    }
                    if (result instanceof HttpDownloader.NotModified) {
                        SourceStatus now = before == null
                                ? new SourceStatus(name, url.toString(), clock.instant(), 0, 0, null, null, null, null)
                                : new SourceStatus(name, url.toString(), clock.instant(), before.records(),
                                        before.problems(), before.watermark(), before.etag(), before.lastModified(),
                                        null);
                        refreshed.add(now);
                        outcomes.add(new SourceOutcome(name, SourceOutcome.State.UNCHANGED, now.records(), List.of(),
                                null));
                        progress.finished(name, "unchanged");
                        continue;
                    }
                    HttpDownloader.Downloaded d = (HttpDownloader.Downloaded) result;
                    Cached.remember(target, d.etag(), d.lastModified());
                    progress.note(name + ": reading " + String.format("%,d", d.bytes()) + " bytes");
                    SourceReading.Fetch fetch = new SourceReading.Fetch(url.toString(), clock.instant(), d.etag(),
                            d.lastModified());
                    SourceReading.Parsed parsed = parse(name, target, url, fetch);
                    replaced.add(parsed.data());
                    installedDownloads.add(target);
                    SourceOutcome outcome = new SourceOutcome(name, SourceOutcome.State.UPDATED,
                            parsed.data().status().records(), parsed.problems(), null);
                    outcomes.add(outcome);
                    progress.finished(name, outcome.summary());
                } catch (IOException | BadInputException | DatabaseException e) {
                    String error = e.getMessage();
                    failed.put(name, error);
                    SourceOutcome outcome = new SourceOutcome(name, SourceOutcome.State.FAILED,
                            before == null ? 0 : before.records(), List.of(), error);
                    outcomes.add(outcome);
                    progress.finished(name, outcome.summary());
                }
            }
            DatabaseCommit.commit(directory, replaced, refreshed, failed, DEFLATE_SEGMENTS, clock, progress);
            // Installed: the database now carries these downloads' validators, so the copies are not needed.
            for (Path p : installedDownloads) {
                Cached.forget(p);
            }
            return new UpdateReport(directory.resolve(DatabaseFormat.FILE_NAME), outcomes);
        }
    }

    private SourceReading.Parsed parse(String name, Path file, URI url, SourceReading.Fetch fetch)
            throws BadInputException {
        if (name.equals("kev")) {
            return SourceReading.kev(name, file, fetch);
        }
        if (name.equals("epss")) {
            return SourceReading.epss(name, file, fetch);
        }
        return SourceReading.osv(osvReader, name, file, url + "!/", fetch);
    }

    private URI urlOf(String name) {
        return switch (name) {
            case "kev" -> settings.kevUrl();
            case "epss" -> settings.epssUrl();
            default -> settings.osvDumpUrl(name.substring("osv:".length()));
        };
    }

    private static String fileNameOf(String name) {
        return switch (name) {
            case "kev" -> "kev.json";
            case "epss" -> "epss.csv.gz";
            default -> "osv-" + name.substring("osv:".length()).replaceAll("[^A-Za-z0-9._-]", "_") + "-all.zip";
        };
    }

    private Map<String, SourceStatus> previousSources() {
        Path file = directory.resolve(DatabaseFormat.FILE_NAME);
        if (!Files.exists(file)) {
            return Map.of();
        }
        try (DatabaseFile db = DatabaseFile.open(file)) {
            Map<String, SourceStatus> byName = new LinkedHashMap<>();
            db.catalog().sources().forEach(s -> byName.put(s.name(), s));
            return byName;
        } catch (DatabaseException | IOException e) {
            return Map.of(); // a damaged database is rebuilt from full downloads
        }
    }

    /** A completed download not yet installed, with the validators it came with ({@code <file>.meta}). */
    private record Cached(@Nullable String etag, @Nullable String lastModified) {

        static @Nullable Cached of(Path file) throws IOException {
            Path meta = meta(file);
            if (!Files.isRegularFile(file) || !Files.isRegularFile(meta)) {
                return null;
            }
            List<String> lines = Files.readAllLines(meta, StandardCharsets.UTF_8);
            String etag = lines.size() > 0 && !lines.get(0).isBlank() ? lines.get(0) : null;
            String lastModified = lines.size() > 1 && !lines.get(1).isBlank() ? lines.get(1) : null;
            return etag == null && lastModified == null ? null : new Cached(etag, lastModified);
        }

        static void remember(Path file, @Nullable String etag, @Nullable String lastModified) throws IOException {
            Files.writeString(meta(file), (etag == null ? "" : etag) + "\n" + (lastModified == null ? "" : lastModified)
                    + "\n", StandardCharsets.UTF_8);
        }

        static void forget(Path file) {
            try {
                Files.deleteIfExists(file);
                Files.deleteIfExists(meta(file));
            } catch (IOException ignored) {
                // a stale copy is only used when the server confirms it is current
            }
        }

        private static Path meta(Path file) {
            return file.resolveSibling(file.getFileName() + ".meta");
        }
    }
}
