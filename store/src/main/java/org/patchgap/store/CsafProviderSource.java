package org.patchgap.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Vulnerability;
import org.patchgap.formats.csaf.CsafAdvisoryReader;
import org.patchgap.formats.support.Timestamps;

/**
 * A CSAF 2.0 provider as a source ({@code csaf:<domain>}): its {@code provider-metadata.json} (CSAF 2.0, section
 * 7.1.20, at {@code https://<domain>/.well-known/csaf/provider-metadata.json}) names directory distributions
 * ({@code distributions[].directory_url}); each directory lists its documents in {@code changes.csv} (section
 * 7.1.13, {@code "<path>","<time>"} per line) or, without it, {@code index.txt} (7.1.12, one path per line); a
 * provider without directory distributions is read through its ROLIE feeds ({@code distributions[].rolie.feeds}). Every
 * document is fetched with its {@code .sha512} (or else {@code .sha256}) file and kept only when the hash matches;
 * a mismatch, a missing hash file or a failed download rejects that document, counted and reported, and the rest
 * go on. When the metadata lists {@code public_openpgp_keys}, each document's detached signature
 * ({@code <document>.asc}) must also verify with one of them ({@link OpenPgpKeys}); without listed keys signatures
 * are not checked (noted in the progress output).
 *
 * <p>Updates are incremental when they can be: the source's watermark is the newest listing time up to which every
 * document was handled, and a later update fetches only documents that {@code changes.csv} (or a ROLIE entry's
 * {@code updated}) dates after it; the others keep their records from the database, and documents no longer
 * listed are dropped. A document that fails keeps its previous records. Without times (index.txt) or previous
 * data every document is fetched.
 */
final class CsafProviderSource {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** How a network failure is told from a document that fails its checks: only the former is tried again. */
    private static final String HASH_NOT_DOWNLOADED = "hash file not downloaded: ";
    private static final String SIGNATURE_NOT_DOWNLOADED = "signature not downloaded: ";

    private final HttpDownloader downloader;
    private final CsafAdvisoryReader reader = new CsafAdvisoryReader();

    CsafProviderSource(HttpDownloader downloader) {
        this.downloader = downloader;
    }

    /** The metadata URL a {@code csaf:} source name stands for: a domain's well-known place, or a URL as given. */
    static URI metadataUrl(String name) {
        String target = name.substring("csaf:".length()).strip();
        if (target.startsWith("https://") || target.startsWith("http://")) return URI.create(target);
        return URI.create("https://" + target + "/.well-known/csaf/provider-metadata.json");
    }

    /** What an update gave: the source's new data, and how many documents were fetched and kept unchanged. */
    record Update(SourceReading.Parsed parsed, int fetched, int unchanged) {}

    /**
     * Reads the provider into new data for source {@code name}. With {@code before}'s watermark, documents the
     * listing dates no later than it keep their records from {@code databaseFile}; the others are fetched.
     *
     * @throws IOException        when the metadata or a directory listing cannot be downloaded
     * @throws BadInputException  when the metadata is not a provider metadata document with a directory distribution
     */
    Update read(String name, @Nullable SourceStatus before, Path databaseFile, Path work, Instant now,
                ProgressListener progress) throws IOException, BadInputException {
        deleteTree(work);
        Files.createDirectories(work);
        try {
            return readInto(name, before, databaseFile, work, now, progress);
        } finally {
            // Documents are read as soon as they are fetched: nothing here is worth keeping.
            deleteTree(work);
        }
    }

    /** A document a listing names, with the time it gives for it (null: index.txt, or a ROLIE entry without one). */
    private record Listed(URI url, @Nullable Instant time) {}

    /** How fetching one document went. */
    private enum Fetch { STORED, REJECTED, NOT_DOWNLOADED }

    private record Document(Fetch fetch, Vulnerability[] records) {}

    private Update readInto(String name, @Nullable SourceStatus before, Path databaseFile, Path work, Instant now,
                            ProgressListener progress) throws IOException, BadInputException {
        URI metadataUrl = metadataUrl(name);
        Path metadataFile = download(name, metadataUrl, work.resolve("provider-metadata.json"), progress);
        JsonNode metadata = json(metadataFile, metadataUrl, "provider metadata");
        List<URI> directories = new ArrayList<>();
        List<URI> feeds = new ArrayList<>();
        for (JsonNode d : metadata.path("distributions")) {
            String url = CsafText.of(d, "directory_url");
            if (url != null) directories.add(metadataUrl.resolve(url.endsWith("/") ? url : url + "/"));
            for (JsonNode feed : d.path("rolie").path("feeds")) {
                String feedUrl = CsafText.of(feed, "url");
                if (feedUrl != null) feeds.add(metadataUrl.resolve(feedUrl));
            }
        }
        if (directories.isEmpty() && feeds.isEmpty()) {
            throw new BadInputException(new Location(metadataUrl.toString(), "/distributions"),
                    "expected a distribution with a directory_url or ROLIE feeds");
        }
        OpenPgpKeys keys = keys(name, metadata, metadataUrl, work, progress);
        List<Problem> problems = new ArrayList<>();
        List<Listed> documents = new ArrayList<>();
        int index = 0;
        for (URI directory : directories) {
            Path dir = work.resolve("d" + index++);
            Files.createDirectories(dir);
            for (Map.Entry<String, Instant> entry : listing(name, directory, dir, progress).entrySet()) {
                URI url = directory.resolve(entry.getKey());
                if (!url.toString().startsWith(directory.toString())) {
                    problems.add(new Problem(Location.of(url.toString()), "outside its directory " + directory + "; skipped"));
                    continue;
                }
                documents.add(new Listed(url, entry.getValue()));
            }
        }
        // The same documents are usually offered both ways: ROLIE feeds are read only without a directory.
        if (directories.isEmpty()) {
            for (URI feed : feeds) {
                Path dir = work.resolve("d" + index++);
                Files.createDirectories(dir);
                documents.addAll(feedEntries(name, feed, dir, progress, problems));
            }
        }

        Map<String, List<Vulnerability>> previous = previousByDocument(name, before, databaseFile, progress);
        Instant watermark = previous.isEmpty() ? null : instant(before.watermark());
        Path docs = work.resolve("documents");
        Files.createDirectories(docs);
        List<Vulnerability> records = new ArrayList<>();
        Instant firstUnreachable = null;
        int fetched = 0;
        int unchanged = 0;
        for (Listed listed : documents) {
            String url = listed.url().toString();
            if (watermark != null && listed.time() != null && !listed.time().isAfter(watermark)) {
                records.addAll(previous.getOrDefault(url, List.of()));
                unchanged++;
                continue;
            }
            Document d = document(name, listed.url(), docs.resolve("doc-" + fetched++ + ".json"), keys, progress,
                    problems);
            if (d.fetch() == Fetch.STORED) {
                records.addAll(List.of(d.records()));
                continue;
            }
            // A document that failed keeps what it gave last time; one that could not be fetched is tried again.
            records.addAll(previous.getOrDefault(url, List.of()));
            if (d.fetch() == Fetch.NOT_DOWNLOADED && listed.time() != null
                    && (firstUnreachable == null || listed.time().isBefore(firstUnreachable))) {
                firstUnreachable = listed.time();
            }
        }
        if (watermark != null) {
            progress.note(name + ": " + fetched + " of " + documents.size() + " documents changed after " + watermark
                    + "; " + unchanged + " unchanged kept");
        }
        // A CSAF record naming no package (no purl or CPE) cannot be matched or stored; the reader reported why.
        List<Vulnerability> stored = records.stream().filter(Vulnerability::namesPackages).toList();
        Instant next = nextWatermark(documents, watermark, firstUnreachable, stored);
        SourceStatus status = new SourceStatus(name, metadataUrl.toString(), now, stored.size(), problems.size(),
                next == null ? null : next.toString(), null, null, null);
        return new Update(new SourceReading.Parsed(SourceData.Advisories.encode(status, stored, "", ""), problems),
                fetched, unchanged);
    }

    /**
     * The newest listing time up to which every document has been handled (stored, or rejected for its content,
     * which the same document would be again), so that the next update fetches only what changed after it. A
     * document that could not be downloaded holds the watermark below its time: it is fetched again next time.
     * Listings without times fall back to the newest {@code current_release_date} of the records.
     */
    private static @Nullable Instant nextWatermark(List<Listed> documents, @Nullable Instant watermark,
                                                   @Nullable Instant firstUnreachable, List<Vulnerability> stored) {
        boolean timed = documents.stream().anyMatch(d -> d.time() != null);
        Instant next = timed ? watermark : null;
        if (timed) {
            for (Listed d : documents) {
                if (d.time() != null && (firstUnreachable == null || d.time().isBefore(firstUnreachable))
                        && (next == null || d.time().isAfter(next))) {
                    next = d.time();
                }
            }
            return next;
        }
        for (Vulnerability v : stored) {
            if (v.modified() != null && (next == null || v.modified().isAfter(next))) next = v.modified();
        }
        return next;
    }

    /** The records the database holds for source {@code name}, by the document URL they came from. */
    private static Map<String, List<Vulnerability>> previousByDocument(String name, @Nullable SourceStatus before,
            Path databaseFile, ProgressListener progress) {
        Map<String, List<Vulnerability>> byDocument = new HashMap<>();
        if (before == null || before.records() == 0 || !Files.exists(databaseFile)) return byDocument;
        Map<String, Vulnerability> unique = new LinkedHashMap<>();
        try (DatabaseFile db = DatabaseFile.open(databaseFile)) {
            for (SegmentInfo s : db.catalog().segments()) {
                if (s.kind() == SegmentKind.ADVISORIES && s.source().equals(name)) {
                    // A record naming two packages is stored in each one's block; keep it once per document.
                    AdvisorySegment.parse(db.segmentBytes(s))
                            .readEveryBlock(v -> unique.putIfAbsent(v.source() + " " + v.id(), v));
                }
            }
        } catch (IOException | DatabaseException | CorruptSegmentException e) {
            progress.note(name + ": previous data unreadable, fetching every document: " + e.getMessage());
            return byDocument;
        }
        for (Vulnerability v : unique.values()) {
            byDocument.computeIfAbsent(v.source(), k -> new ArrayList<>()).add(v);
        }
        return byDocument;
    }

    private static @Nullable Instant instant(@Nullable String text) {
        return text == null ? null : Timestamps.rfc3339OrNull(text.strip());
    }

    /**
     * The documents of one directory distribution with their times: {@code changes.csv} ({@code "<path>","<time>"},
     * the time being the document's {@code current_release_date}), or {@code index.txt} without times when there is
     * no {@code changes.csv} (404). A time that cannot be read counts as none: that document is always fetched.
     */
    private Map<String, @Nullable Instant> listing(String name, URI directory, Path dir, ProgressListener progress)
            throws IOException {
        Map<String, @Nullable Instant> paths = new LinkedHashMap<>();
        Path changes;
        try {
            changes = download(name, directory.resolve("changes.csv"), dir.resolve("changes.csv"), progress);
        } catch (HttpDownloader.PermanentException e) {
            Path index = download(name, directory.resolve("index.txt"), dir.resolve("index.txt"), progress);
            for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) paths.put(line.strip(), null);
            }
            return paths;
        }
        for (String line : Files.readAllLines(changes, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            String[] columns = line.split(",", 2);
            String first = unquote(columns[0]);
            if (first.isEmpty()) continue;
            Instant time = columns.length > 1 ? instant(unquote(columns[1])) : null;
            // Listed twice (a provider's mistake): its newest time wins; no time means fetch it.
            if (!paths.containsKey(first)) {
                paths.put(first, time);
            } else if (paths.get(first) != null && (time == null || time.isAfter(paths.get(first)))) {
                paths.put(first, time);
            }
        }
        return paths;
    }

    private static String unquote(String column) {
        String text = column.strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        return text;
    }

    /**
     * The documents of a ROLIE feed (CSAF 2.0, section 7.1.21; RFC 8322): each {@code feed.entry[]}'s
     * {@code content.src}, else its {@code link} of relation {@code self}, with the entry's {@code updated} time. Hash and signature files follow the
     * same naming as in directories ({@code <document>.sha512}, {@code .asc}), as the standard requires.
     */
    private List<Listed> feedEntries(String name, URI feedUrl, Path dir, ProgressListener progress,
            List<Problem> problems) throws IOException, BadInputException {
        JsonNode feed = json(download(name, feedUrl, dir.resolve("feed.json"), progress), feedUrl, "a ROLIE feed")
                .path("feed");
        if (!feed.isObject()) {
            throw new BadInputException(new Location(feedUrl.toString(), "/feed"), "expected a ROLIE feed object");
        }
        Map<URI, Listed> urls = new LinkedHashMap<>();
        JsonNode entries = feed.path("entry");
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            String src = CsafText.of(entry.path("content"), "src");
            for (JsonNode link : entry.path("link")) {
                if (src == null && "self".equals(CsafText.of(link, "rel"))) src = CsafText.of(link, "href");
            }
            if (src == null) {
                problems.add(new Problem(new Location(feedUrl.toString(), "/feed/entry/" + i),
                        "entry without content.src or self link; skipped"));
            } else {
                // The entry's "updated" (RFC 4287 section 4.2.15) serves as changes.csv's time does.
                URI url = feedUrl.resolve(src);
                urls.putIfAbsent(url, new Listed(url, instant(CsafText.of(entry, "updated"))));
            }
        }
        return List.copyOf(urls.values());
    }

    /** One document, checked against its hash file; a rejected document is a problem and yields nothing. */
    private Document document(String name, URI url, Path file, OpenPgpKeys keys, ProgressListener progress,
            List<Problem> problems) {
        Location at = Location.of(url.toString());
        try {
            download(name, url, file, progress);
        } catch (IOException e) {
            problems.add(new Problem(at, "document not downloaded: " + e.getMessage()));
            return new Document(Fetch.NOT_DOWNLOADED, new Vulnerability[0]);
        }
        String rejected = checkHash(name, url, file, progress);
        if (rejected != null) {
            problems.add(new Problem(at, rejected + "; document rejected"));
            return new Document(rejected.startsWith(HASH_NOT_DOWNLOADED) ? Fetch.NOT_DOWNLOADED : Fetch.REJECTED,
                    new Vulnerability[0]);
        }
        if (!keys.isEmpty()) {
            String unsigned = checkSignature(name, url, file, keys, progress);
            if (unsigned != null) {
                problems.add(new Problem(at, unsigned + "; document rejected"));
                return new Document(unsigned.startsWith(SIGNATURE_NOT_DOWNLOADED) ? Fetch.NOT_DOWNLOADED : Fetch.REJECTED,
                        new Vulnerability[0]);
            }
        }
        ReadResult<Vulnerability> result;
        try {
            result = reader.read(file);
        } catch (BadInputException e) {
            problems.add(new Problem(new Location(url.toString(), e.location().place()), e.reason()));
            return new Document(Fetch.REJECTED, new Vulnerability[0]);
        }
        // Problems and records name the document's URL, not our temporary copy.
        for (Problem p : result.problems()) {
            problems.add(new Problem(new Location(url.toString(), p.location().place()), p.message()));
        }
        return new Document(Fetch.STORED,
                result.items().stream().map(v -> v.withSource(url.toString())).toArray(Vulnerability[]::new));
    }

    /**
     * The provider's {@code public_openpgp_keys}, each checked against its {@code fingerprint}. A listed key that
     * cannot be fetched or does not match fails the source (its previous data is kept): checking documents against
     * only some of the keys would reject good documents.
     */
    private OpenPgpKeys keys(String name, JsonNode metadata, URI metadataUrl, Path work, ProgressListener progress)
            throws IOException, BadInputException {
        OpenPgpKeys keys = OpenPgpKeys.none();
        JsonNode listed = metadata.path("public_openpgp_keys");
        for (int i = 0; i < listed.size(); i++) {
            String url = CsafText.of(listed.get(i), "url");
            Location at = new Location(metadataUrl.toString(), "/public_openpgp_keys/" + i);
            if (url == null) throw new BadInputException(at, "expected the key's url");
            Path file = download(name, metadataUrl.resolve(url), work.resolve("key-" + i + ".asc"), progress);
            try {
                keys = keys.plus(OpenPgpKeys.read(Files.readAllBytes(file), CsafText.of(listed.get(i), "fingerprint")));
            } catch (IOException e) {
                throw new BadInputException(at, url + ": " + e.getMessage());
            }
        }
        if (keys.isEmpty()) {
            progress.note(name + ": the provider lists no public_openpgp_keys; signatures are not checked");
        }
        return keys;
    }

    /** Null when the document's {@code .asc} is a valid signature by one of the keys; otherwise why not. */
    private @Nullable String checkSignature(String name, URI url, Path file, OpenPgpKeys keys,
            ProgressListener progress) {
        Path asc = file.resolveSibling(file.getFileName() + ".asc");
        try {
            download(name, URI.create(url + ".asc"), asc, progress);
            return keys.check(Files.readAllBytes(file), Files.readAllBytes(asc));
        } catch (HttpDownloader.PermanentException e) {
            return "no .asc signature";
        } catch (IOException e) {
            return SIGNATURE_NOT_DOWNLOADED + e.getMessage();
        }
    }

    /** Null when the document matches its {@code .sha512} or {@code .sha256}; otherwise why it does not. */
    private @Nullable String checkHash(String name, URI url, Path file, ProgressListener progress) {
        for (String algorithm : List.of("sha512", "sha256")) {
            Path hashFile = file.resolveSibling(file.getFileName() + "." + algorithm);
            try {
                download(name, URI.create(url + "." + algorithm), hashFile, progress);
            } catch (HttpDownloader.PermanentException e) {
                continue;
            } catch (IOException e) {
                return HASH_NOT_DOWNLOADED + e.getMessage();
            }
            String jdkName = algorithm.equals("sha512") ? "SHA-512" : "SHA-256";
            try {
                String text = Files.readString(hashFile, StandardCharsets.UTF_8).strip();
                String expected = text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
                String actual = HexFormat.of().formatHex(MessageDigest.getInstance(jdkName).digest(Files.readAllBytes(file)));
                return actual.equals(expected) ? null
                        : jdkName + " mismatch (file says " + abbreviate(expected)
                                + ", document hashes to " + abbreviate(actual) + ")";
            } catch (IOException e) {
                return "cannot read hash: " + e.getMessage();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK provides " + algorithm, e);
            }
        }
        return "no .sha512 or .sha256 file";
    }

    private Path download(String name, URI url, Path target, ProgressListener progress) throws IOException {
        HttpDownloader.Result r = downloader.fetch(name, url, target, null, null, progress);
        if (r instanceof HttpDownloader.Downloaded d) return d.file();
        throw new IOException(url + ": not modified although no validator was sent");
    }

    private static JsonNode json(Path file, URI url, String expected) throws BadInputException {
        JsonNode node;
        try {
            node = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new BadInputException(Location.of(url.toString()), "not valid JSON (expected " + expected + "): "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        if (node == null || !node.isObject()) {
            throw new BadInputException(Location.of(url.toString()), "expected " + expected + " as a JSON object");
        }
        return node;
    }

    /** Text fields of the metadata. */
    private static final class CsafText {
        static @Nullable String of(JsonNode node, String field) {
            JsonNode v = node.get(field);
            if (v == null || !v.isTextual() || v.asText().isBlank()) return null;
            return v.asText().strip();
        }
    }

    private static String abbreviate(String hex) {
        return hex.length() > 16 ? hex.substring(0, 16) + "…" : hex;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
