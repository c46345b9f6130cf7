package org.patchgap.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.patchgap.core.model.AffectedPackage;
import org.patchgap.core.model.Vulnerability;
import org.patchgap.core.version.VersionSchemes;

/**
 * Installs a new database: writes the whole new file beside the current one (copying the untouched sources'
 * segments byte for byte, writing the replaced sources' new segments), forces it to disk, then renames it over
 * the current one in one atomic step. Until that rename, readers see the previous database; a crash at any
 * point leaves either the old file or the new one, never a mix. Left-over temporary files of a crashed run are
 * removed by the next run.
 */
final class DatabaseCommit {

    static final String TEMP_PREFIX = DatabaseFormat.FILE_NAME + ".tmp-";

    private DatabaseCommit() {}

    /**
     * @param replaced  sources whose data is replaced by the given data
     * @param refreshed sources found unchanged: their data is kept under this new status
     * @param failed    sources whose update failed, by name, with the reason: their previous data is kept
     */
    static void commit(Path directory, List<SourceData> replaced, List<SourceStatus> refreshed,
                       Map<String, String> failed, boolean deflate, Clock clock, ProgressListener progress)
            throws DatabaseException {
        commit(directory, replaced, refreshed, failed, Set.of(), deflate, clock, progress);
    }

    /** As above, and the sources named in {@code removed} are left out of the new database with their segments. */
    static void commit(Path directory, List<SourceData> replaced, List<SourceStatus> refreshed,
                       Map<String, String> failed, Set<String> removed, boolean deflate, Clock clock,
                       ProgressListener progress) throws DatabaseException {
        Path target = directory.resolve(DatabaseFormat.FILE_NAME);
        Path temp = directory.resolve(TEMP_PREFIX + Long.toHexString(System.nanoTime()));
        try {
            Files.createDirectories(directory);
            removeLeftovers(directory);
            DatabaseFile previous = openPrevious(target, progress);
            try (previous; DatabaseWriter writer = DatabaseWriter.create(temp, deflate)) {
                Map<String, SourceStatus> sources = new TreeMap<>();
                Set<String> replacedNames = new HashSet<>(removed);
                for (SourceData data : replaced) {
                    replacedNames.add(data.status().name());
                }
                if (previous != null) {
                    for (SourceStatus s : previous.catalog().sources()) {
                        if (!replacedNames.contains(s.name())) {
                            sources.put(s.name(), s);
                        }
                    }
                    for (SegmentInfo segment : previous.catalog().segments()) {
                        if (!replacedNames.contains(segment.source())) {
                            writer.copy(previous, segment);
                        }
                    }
                }
                for (SourceData data : replaced) {
                    sources.put(data.status().name(), data.status());
                    write(writer, data, progress);
                }
                for (SourceStatus s : refreshed) {
                    sources.put(s.name(), s);
                }
                for (Map.Entry<String, String> f : failed.entrySet()) {
                    SourceStatus before = sources.get(f.getKey());
                    sources.put(f.getKey(), before != null ? before.failed(f.getValue())
                            : new SourceStatus(f.getKey(), "", null, 0, 0, null, null, null, f.getValue()));
                }
                progress.written("catalog of " + temp.getFileName());
                writer.finish(clock.instant(), List.copyOf(sources.values()));
            }
            install(temp, target);
            progress.note("installed " + target);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new DatabaseException(target + ": cannot write the new database: " + e.getMessage()
                    + "; the previous database is unchanged", e);
        } catch (DatabaseException | RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    private static DatabaseFile openPrevious(Path target, ProgressListener progress) {
        if (!Files.exists(target)) {
            return null;
        }
        try {
            return DatabaseFile.open(target);
        } catch (DatabaseException e) {
            // A damaged database cannot be carried over; the new one starts from the sources given now.
            progress.note("previous database unusable, starting afresh: " + e.getMessage());
            return null;
        }
    }

    private static void write(DatabaseWriter writer, SourceData data, ProgressListener progress)
            throws IOException {
        String source = data.status().name();
        if (data instanceof SourceData.Advisories a) {
            for (SourceData.EncodedSegment segment : a.segments()) {
                writer.segment(SegmentKind.ADVISORIES, source, segment.ecosystem(), segment.records(), segment.bytes());
                progress.written(source + " "
                        + (segment.ecosystem().isEmpty() ? "(no package)" : segment.ecosystem()));
            }
        } else if (data instanceof SourceData.Kev k) {
            writer.segment(SegmentKind.KEV, source, "", k.entries().size(), KevCodec.encode(k.entries()));
            progress.written(source);
        } else if (data instanceof SourceData.Epss p) {
            byte[] table = p.scores().encode(p.modelVersion(), p.day());
            int unique = EpssTable.decode(java.nio.ByteBuffer.wrap(table)).size();
            writer.segment(SegmentKind.EPSS, source, "", unique, table);
            progress.written(source);
        }
    }

    /** A package a record names: affected, or stated not affected. */
    record PackageRef(String ecosystem, String name) {}

    /**
     * The packages a record is stored under: its affected packages and the products of its not-affected
     * statements, so that a scan that reads only its packages' records also reads the VEX statements about them.
     */
    static List<PackageRef> packagesOf(Vulnerability v) {
        List<PackageRef> refs = new ArrayList<>(v.affected().size() + v.notAffected().size());
        for (AffectedPackage p : v.affected()) refs.add(new PackageRef(p.ecosystem(), p.name()));
        for (org.patchgap.core.model.NotAffectedStatement s : v.notAffected()) {
            refs.add(new PackageRef(s.ecosystem(), s.name()));
        }
        return refs;
    }

    /** The segment key of an ecosystem name: its base, in OSV spelling when the name is known. */
    static String ecosystemKey(String ecosystem) {
        return VersionSchemes.canonicalName(VersionSchemes.baseOf(ecosystem.strip()));
    }

    static String lookupKey(String ecosystem) {
        return ecosystemKey(ecosystem).toLowerCase(Locale.ROOT);
    }

    private static void install(Path temp, Path target) throws IOException {
        AtomicFiles.install(temp, target, true);
    }

    private static void removeLeftovers(Path directory) throws IOException {
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, TEMP_PREFIX + "*")) {
            List<Path> leftovers = new ArrayList<>();
            stream.forEach(leftovers::add);
            leftovers.sort(Comparator.naturalOrder());
            for (Path p : leftovers) {
                deleteQuietly(p);
            }
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a left-over temporary file is removed by the next run
        }
    }
}
