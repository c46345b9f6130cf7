package org.patchgap.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Vulnerability;
import org.patchgap.formats.AdvisoryFileKind;
import org.patchgap.formats.AdvisoryReader;
import org.patchgap.formats.PackageAdvisoryFiles;
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
 *   <li>an NVD CVE API 2.0 page becomes the source {@code import:<absolute path>} (its CPE criteria);</li>
 *   <li>a directory becomes the source {@code import:<absolute path>}, each file read as its content says
 *       ({@link ImportTreeReader}: OSV, CSAF, OpenVEX, CycloneDX VEX, NVD pages; a KEV, EPSS or Microsoft file
 *       inside is reported, not read) — a GitHub Advisory Database checkout, or a mirror of several feeds;</li>
 *   <li>anything else is read as OSV (a record file, or a zip dump such as an ecosystem's {@code all.zip}) and
 *       becomes the source {@code import:<absolute path>}; importing the same path again replaces it.</li>
 *   <li>Microsoft's security updates are refused: they are not kept in the database.</li>
 * </ul>
 * All paths go into one new database, installed atomically: if any path cannot be read at all, nothing changes.
 * Records that are bad one by one are skipped and listed in the report.
 */
public final class DatabaseImporter {

    private final Path directory;
    private final AdvisoryReader osvReader;
    private final PackageAdvisoryFiles packageFiles = new PackageAdvisoryFiles();
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
                AdvisoryFileKind kind = kindOf(path);
                String name = switch (kind) {
                    case KEV -> "kev";
                    case EPSS -> "epss";
                    default -> "import:" + path;
                };
                if (parsed.containsKey(name)) {
                    throw new BadInputException(Location.of(given.toString()),
                            "a second " + kind.name() + " file in one import; give one");
                }
                progress.started(name, "reading " + path);
                SourceReading.Fetch fetch = new SourceReading.Fetch(path.toString(), clock.instant(), null, null);
                String prefix = Files.isDirectory(path) ? path + path.getFileSystem().getSeparator() : path + "!/";
                SourceReading.Parsed p = switch (kind) {
                    case KEV -> SourceReading.kev(name, path, fetch);
                    case EPSS -> SourceReading.epss(name, path, fetch);
                    case OSV -> SourceReading.osv(Files.isDirectory(path) ? new ImportTreeReader(osvReader) : osvReader,
                            name, path, prefix, fetch);
                    default -> SourceReading.osv(file -> usable(packageFiles.read(file, kind)), name, path, prefix,
                            fetch);
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
     * The records a scan can use: those naming a package or stating one not affected. A CSAF document's other
     * records (products without purl or CPE) were reported by its reader.
     */
    private static ReadResult<Vulnerability> usable(ReadResult<Vulnerability> read) {
        return new ReadResult<>(read.items().stream().filter(Vulnerability::namesPackages).toList(), read.problems());
    }

    /**
     * What {@code db import} makes of {@code path}: a directory is one import source (each file routed by
     * {@link ImportTreeReader}); a file is read as its content says, a CSV as EPSS and anything else as OSV, so that
     * its error is the reader's. Microsoft's updates are refused: they are not kept in the database.
     */
    static AdvisoryFileKind kindOf(Path path) throws BadInputException {
        if (Files.isDirectory(path)) return AdvisoryFileKind.OSV;
        AdvisoryFileKind kind = AdvisoryFileKind.of(path);
        if (kind == AdvisoryFileKind.MICROSOFT) {
            throw new BadInputException(Location.of(path.toString()), "Microsoft security updates are not kept in the"
                    + " database; give them to 'patchgap scan --advisories'");
        }
        if (kind == AdvisoryFileKind.OTHER) {
            return AdvisoryFileKind.isCsvName(path) ? AdvisoryFileKind.EPSS : AdvisoryFileKind.OSV;
        }
        return kind;
    }
}
