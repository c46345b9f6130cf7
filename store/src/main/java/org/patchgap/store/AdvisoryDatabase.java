package org.patchgap.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.EpssScore;
import org.patchgap.core.model.Vulnerability;
import org.patchgap.formats.kev.KevEntry;

/**
 * The local advisory database, opened for reading. Opening reads only the catalog (a few kilobytes); a scan
 * then loads the advisories of the ecosystems it needs, and looks up KEV and EPSS facts by CVE.
 *
 * <p>Records from several sources are kept as each source published them (their {@code source} names where they
 * came from); merging records of one flaw through their aliases happens when the matcher is built, so that every
 * source can be updated on its own.
 *
 * <pre>{@code
 * try (AdvisoryDatabase db = AdvisoryDatabase.open(DatabaseLocation.resolve(null))) {
 *     Matcher matcher = Matcher.of(db.vulnerabilities(Set.of("PyPI", "npm")));
 *     db.kev("CVE-2021-44228").ifPresent(k -> System.out.println("exploited, due " + k.dueDate()));
 * }
 * }</pre>
 *
 * <p>An open database keeps reading the file it opened, even when an update installs a new one meanwhile.
 */
public final class AdvisoryDatabase implements AutoCloseable {

    private final Path directory;
    private final DatabaseFile file;
    private @Nullable Map<String, KevEntry> kev;
    private @Nullable EpssTable epss;

    private AdvisoryDatabase(Path directory, DatabaseFile file) {
        this.directory = directory;
        this.file = file;
    }

    /**
     * Opens the database in {@code directory} (see {@link DatabaseLocation}).
     *
     * @throws DatabaseException when there is none yet, or it is damaged or of a newer format
     */
    public static AdvisoryDatabase open(Path directory) throws DatabaseException {
        return new AdvisoryDatabase(directory, DatabaseFile.open(directory.resolve(DatabaseFormat.FILE_NAME)));
    }

    /** Whether {@code directory} holds a database file. */
    public static boolean exists(Path directory) {
        return Files.isRegularFile(directory.resolve(DatabaseFormat.FILE_NAME));
    }

    public Path directory() {
        return directory;
    }

    /** The base ecosystems with advisories, in OSV spelling. */
    public Set<String> ecosystems() {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (SegmentInfo s : file.catalog().segments()) {
            if (s.kind() == SegmentKind.ADVISORIES && !s.ecosystem().isEmpty()) {
                names.add(s.ecosystem());
            }
        }
        return names;
    }

    /**
     * The advisory records, from every source, that name a package in one of {@code ecosystems} (OSV names, case
     * ignored; {@code Debian:12} and {@code Debian} both mean all of Debian). A record is returned once even when
     * it names several of them. Only these ecosystems' segments are read.
     */
    public List<Vulnerability> vulnerabilities(Collection<String> ecosystems) throws DatabaseException {
        Set<String> wanted = new HashSet<>();
        for (String e : ecosystems) {
            wanted.add(DatabaseCommit.lookupKey(e));
        }
        return load(s -> !s.ecosystem().isEmpty() && wanted.contains(DatabaseCommit.lookupKey(s.ecosystem())));
    }

    /**
     * The advisory records, from every source, that name one of the given packages: for each ecosystem (as in
     * {@link #vulnerabilities}), the package names as components spell them; names are compared with the
     * matcher's key ({@link org.patchgap.core.ecosystem.PackageNames#key}, e.g. PEP 503 for PyPI). Only the
     * blocks of these packages are decoded, so a scan of a few hundred components reads a few hundred records.
     *
     * <p>A matcher built from these records finds what it would find with the whole ecosystems for these
     * packages; only records of other packages are missing, so a merged vulnerability may carry fewer aliases.
     */
    public List<Vulnerability> vulnerabilitiesFor(Map<String, ? extends Collection<String>> packagesByEcosystem)
            throws DatabaseException {
        Map<String, Set<String>> wanted = new HashMap<>();
        for (Map.Entry<String, ? extends Collection<String>> e : packagesByEcosystem.entrySet()) {
            String ecosystem = DatabaseCommit.ecosystemKey(e.getKey());
            Set<String> keys = wanted.computeIfAbsent(ecosystem.toLowerCase(java.util.Locale.ROOT),
                    k -> new HashSet<>());
            for (String name : e.getValue()) {
                keys.add(org.patchgap.core.ecosystem.PackageNames.key(ecosystem, name));
            }
        }
        return load(s -> !s.ecosystem().isEmpty() && wanted.containsKey(DatabaseCommit.lookupKey(s.ecosystem())),
                (s, segment, sink) -> segment.readPackages(wanted.get(DatabaseCommit.lookupKey(s.ecosystem())), sink));
    }

    /** Every advisory record, including those that name no package. */
    public List<Vulnerability> allVulnerabilities() throws DatabaseException {
        return load(s -> true);
    }

    private interface SegmentRead {
        void read(SegmentInfo info, AdvisorySegment segment, java.util.function.Consumer<Vulnerability> sink);
    }

    private List<Vulnerability> load(java.util.function.Predicate<SegmentInfo> which) throws DatabaseException {
        return load(which, (info, segment, sink) -> segment.readAll(sink));
    }

    private List<Vulnerability> load(java.util.function.Predicate<SegmentInfo> which, SegmentRead read)
            throws DatabaseException {
        List<SegmentInfo> chosen = new ArrayList<>();
        Map<String, Integer> segmentsPerSource = new HashMap<>();
        for (SegmentInfo s : file.catalog().segments()) {
            if (s.kind() == SegmentKind.ADVISORIES && which.test(s)) {
                chosen.add(s);
                segmentsPerSource.merge(s.source(), 1, Integer::sum);
            }
        }
        List<Vulnerability> records = new ArrayList<>();
        Map<String, Set<String>> seen = new HashMap<>();
        for (SegmentInfo s : chosen) {
            // A record naming two ecosystems is stored in both segments of its source: keep it once.
            Set<String> ids = segmentsPerSource.get(s.source()) > 1
                    ? seen.computeIfAbsent(s.source(), k -> new HashSet<>()) : null;
            try {
                AdvisorySegment segment = AdvisorySegment.parse(file.segmentBytes(s));
                read.read(s, segment, v -> {
                    if (ids == null || ids.add(v.id())) {
                        records.add(v);
                    }
                });
            } catch (CorruptSegmentException | IllegalArgumentException | IndexOutOfBoundsException
                     | NullPointerException e) {
                throw new DatabaseException(file.path() + ": damaged " + s.describe() + ": " + e.getMessage()
                        + "; run 'patchgap db update'", e);
            }
        }
        return records;
    }

    /** Every KEV entry the database holds. */
    public java.util.Collection<KevEntry> knownExploited() throws DatabaseException {
        return java.util.List.copyOf(kevEntries().values());
    }

    /** The KEV entry of a CVE id, if CISA lists it as exploited. */
    public Optional<KevEntry> kev(String cve) throws DatabaseException {
        return Optional.ofNullable(kevEntries().get(cve.strip().toUpperCase(java.util.Locale.ROOT)));
    }

    /** The KEV entry of a vulnerability, looked up by its id and then its aliases. */
    public Optional<KevEntry> kevOf(Vulnerability v) throws DatabaseException {
        Map<String, KevEntry> entries = kevEntries();
        for (String id : ids(v)) {
            KevEntry e = entries.get(id);
            if (e != null) return Optional.of(e);
        }
        return Optional.empty();
    }

    /** The EPSS score of a CVE id, if scored. */
    public Optional<EpssScore> epss(String cve) throws DatabaseException {
        EpssTable table = epssTable();
        return table == null ? Optional.empty() : table.find(cve.strip().toUpperCase(java.util.Locale.ROOT));
    }

    /** The EPSS score of a vulnerability, looked up by its id and then its aliases. */
    public Optional<EpssScore> epssOf(Vulnerability v) throws DatabaseException {
        for (String id : ids(v)) {
            Optional<EpssScore> s = epss(id);
            if (s.isPresent()) return s;
        }
        return Optional.empty();
    }

    public DatabaseStatus status() throws DatabaseException {
        Map<String, Integer> perEcosystem = new TreeMap<>();
        int kevCount = 0;
        int epssCount = 0;
        for (SegmentInfo s : file.catalog().segments()) {
            switch (s.kind()) {
                case ADVISORIES -> perEcosystem.merge(s.ecosystem(), s.records(), Integer::sum);
                case KEV -> kevCount += s.records();
                case EPSS -> epssCount += s.records();
            }
        }
        return new DatabaseStatus(file.path(), file.catalog().created(), file.size(), file.catalog().sources(),
                perEcosystem, kevCount, epssCount);
    }

    private static List<String> ids(Vulnerability v) {
        List<String> ids = new ArrayList<>(v.aliases().size() + 1);
        ids.add(v.id());
        ids.addAll(v.aliases());
        return ids;
    }

    private synchronized Map<String, KevEntry> kevEntries() throws DatabaseException {
        if (kev == null) {
            Map<String, KevEntry> entries = new HashMap<>();
            for (SegmentInfo s : file.catalog().segments()) {
                if (s.kind() == SegmentKind.KEV) {
                    try {
                        for (KevEntry e : KevCodec.decode(new SegmentInput(file.segmentBytes(s)))) {
                            entries.put(e.cveId(), e);
                        }
                    } catch (RuntimeException e) {
                        throw new DatabaseException(file.path() + ": damaged " + s.describe() + ": " + e.getMessage(), e);
                    }
                }
            }
            kev = entries;
        }
        return kev;
    }

    private synchronized @Nullable EpssTable epssTable() throws DatabaseException {
        if (epss == null) {
            for (SegmentInfo s : file.catalog().segments()) {
                if (s.kind() == SegmentKind.EPSS) {
                    ByteBuffer bytes = file.segmentBytes(s);
                    try {
                        epss = EpssTable.decode(bytes);
                    } catch (CorruptSegmentException e) {
                        throw new DatabaseException(file.path() + ": damaged " + s.describe() + ": " + e.getMessage(), e);
                    }
                }
            }
        }
        return epss;
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
