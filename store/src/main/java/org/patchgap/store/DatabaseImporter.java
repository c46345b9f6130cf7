package org.patchgap.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Vulnerability;
import org.patchgap.formats.AdvisoryReader;
import org.patchgap.formats.csaf.CsafAdvisoryReader;
import org.patchgap.formats.cyclonedx.CycloneDxVexReader;
import org.patchgap.formats.kev.KevCatalog;
import org.patchgap.formats.openvex.OpenVexReader;
import org.patchgap.formats.osv.OsvReader;

/**
 * {@code patchgap db import PATH...}: puts local files into the database, for machines without network access
 * or for advisories of one's own.
 *
 * <ul>
 *   <li>a KEV catalog (JSON with {@code catalogVersion}) becomes the {@code kev} source;</li>
 *   <li>an EPSS score file ({@code .csv} or {@code .csv.gz}) becomes the {@code epss} source;</li>
 *   <li>a CSAF 2.0 document ({@code .json} with {@code csaf_version}: an advisory or a VEX document) becomes the
 *       source {@code import:<absolute path>}, its records with a matchable package or a not-affected
 *       statement;</li>
 *   <li>an OpenVEX document ({@code @context} {@code https://openvex.dev/ns}) or a CycloneDX BOM with
 *       {@code vulnerabilities[]} (CycloneDX VEX) becomes the source {@code import:<absolute path>}, its
 *       not-affected statements as records stored under the packages they name; a CycloneDX BOM without
 *       vulnerabilities is refused (it is an inventory, a scan target);</li>
 *   <li>anything else is read as OSV (a record file, a directory tree, or a zip dump such as a GitHub Advisory
 *       Database export) and becomes the source {@code import:<absolute path>}; importing the same path again
 *       replaces it.</li>
 * </ul>
 * All paths go into one new database, installed atomically: if any path cannot be read at all, nothing changes.
 * Records that are bad one by one are skipped and listed in the report.
 */
public final class DatabaseImporter {

    private final Path directory;
    private final AdvisoryReader osvReader;
    private final Clock clock;
    private final boolean deflate;

    /** An importer into the database in {@code directory} that reads OSV input with {@link OsvReader}. */
    public DatabaseImporter(Path directory) {
        this(directory, new OsvReader(), Clock.systemUTC());
    }

    public DatabaseImporter(Path directory, AdvisoryReader osvReader, Clock clock) {
        this(directory, osvReader, clock, DatabaseUpdater.DEFLATE_SEGMENTS);
    }

    DatabaseImporter(Path directory, AdvisoryReader osvReader, Clock clock, boolean deflate) {
        this.directory = directory;
        this.osvReader = osvReader;
        this.clock = clock;
        this.deflate = deflate;
    }

    /** The kinds of file {@code db import} recognises. */
    enum Kind { OSV, KEV, EPSS, CSAF, OPENVEX, CYCLONEDX_VEX }

    @SuppressWarnings("try") // the lock is held for the try block, never used in it
    public UpdateReport importPaths(List<Path> paths, ProgressListener progress)
            throws BadInputException, DatabaseException {
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("no paths to import");
        }
        try (UpdateLock lock = UpdateLock.acquire(directory)) {
            Map<String, SourceReading.Parsed> parsed = new LinkedHashMap<>();
            for (Path given : paths) {
                Path path = given.toAbsolutePath().normalize();
                if (!Files.exists(path)) {
                    throw new BadInputException(Location.of(given.toString()), "no such file or directory");
                }
                Kind kind = detect(path);
                String name = switch (kind) {
                    case KEV -> "kev";
                    case EPSS -> "epss";
                    case OSV, CSAF, OPENVEX, CYCLONEDX_VEX -> "import:" + path;
                };
                if (parsed.containsKey(name)) {
                    throw new BadInputException(Location.of(given.toString()),
                            "a second " + kind.name() + " file in one import; give one");
                }
                progress.started(name, "reading " + path);
                SourceReading.Fetch fetch = new SourceReading.Fetch(path.toString(), clock.instant(), null, null);
                SourceReading.Parsed p = switch (kind) {
                    case KEV -> SourceReading.kev(name, path, fetch);
                    case EPSS -> SourceReading.epss(name, path, fetch);
                    case CSAF -> SourceReading.osv(DatabaseImporter::readCsaf, name, path, path + "!/", fetch);
                    case OPENVEX -> SourceReading.osv(new OpenVexReader(), name, path, path + "!/", fetch);
                    case CYCLONEDX_VEX -> SourceReading.osv(new CycloneDxVexReader(), name, path, path + "!/", fetch);
                    case OSV -> SourceReading.osv(osvReader, name, path,
                            Files.isDirectory(path) ? path + path.getFileSystem().getSeparator() : path + "!/", fetch);
                };
                progress.finished(name, new SourceOutcome(name, SourceOutcome.State.UPDATED,
                        p.data().status().records(), p.problems(), null).summary());
                parsed.put(name, p);
            }
            List<SourceData> data = new ArrayList<>();
            List<SourceOutcome> outcomes = new ArrayList<>();
            for (Map.Entry<String, SourceReading.Parsed> e : parsed.entrySet()) {
                data.add(e.getValue().data());
                outcomes.add(new SourceOutcome(e.getKey(), SourceOutcome.State.UPDATED,
                        e.getValue().data().status().records(), e.getValue().problems(), null));
            }
            DatabaseCommit.commit(directory, data, List.of(), Map.of(), deflate, clock, progress);
            return new UpdateReport(directory.resolve(DatabaseFormat.FILE_NAME), outcomes);
        }
    }

    /**
     * A CSAF document's records that a scan can use: those naming a package (by purl) or stating one not affected;
     * the reader reported why the others cannot be matched.
     */
    private static ReadResult<Vulnerability> readCsaf(Path file) throws BadInputException {
        ReadResult<Vulnerability> read = new CsafAdvisoryReader().read(file);
        return new ReadResult<>(read.items().stream()
                .filter(v -> !v.affected().isEmpty() || !v.notAffected().isEmpty()).toList(), read.problems());
    }

    static Kind detect(Path path) throws BadInputException {
        if (Files.isDirectory(path)) {
            return Kind.OSV;
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".csv.gz")) {
            return Kind.EPSS;
        }
        if (name.endsWith(".json")) {
            byte[] head = new byte[4096];
            int n;
            try (InputStream in = Files.newInputStream(path)) {
                n = in.readNBytes(head, 0, head.length);
            } catch (IOException e) {
                throw new BadInputException(Location.of(path.toString()), "cannot read: " + e.getMessage(), e);
            }
            if (KevCatalog.isKevCatalog(java.util.Arrays.copyOf(head, n))) {
                return Kind.KEV;
            }
            String text = new String(head, 0, n, java.nio.charset.StandardCharsets.UTF_8);
            if (text.contains("\"csaf_version\"") && text.contains("\"document\"")) {
                return Kind.CSAF;
            }
            byte[] bytes = java.util.Arrays.copyOf(head, n);
            if (OpenVexReader.isOpenVex(bytes)) {
                return Kind.OPENVEX;
            }
            if (CycloneDxVexReader.isCycloneDx(bytes)) {
                return Kind.CYCLONEDX_VEX;
            }
        }
        return Kind.OSV;
    }
}
