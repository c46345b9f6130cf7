package org.patchgap.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.EpssScore;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Vulnerability;
import org.patchgap.core.windows.WindowsVulnerability;
import org.patchgap.formats.AdvisoryFileKind;
import org.patchgap.formats.AdvisoryTree;
import org.patchgap.formats.PackageAdvisoryFiles;
import org.patchgap.formats.epss.EpssFile;
import org.patchgap.formats.epss.EpssReader;
import org.patchgap.formats.kev.KevCatalog;
import org.patchgap.formats.kev.KevEntry;
import org.patchgap.formats.windows.WindowsAdvisories;

/**
 * Reads the {@code --advisories} paths, routing each file by its content ({@link AdvisoryFileKind}, the same
 * routing as {@code db import}): Microsoft security updates (CVRF, CSAF) to the Windows reader, CISA's KEV catalog
 * to the KEV reader, FIRST's EPSS score files to the EPSS reader, and package advisory records — OSV, other CSAF
 * documents (advisories and VEX), OpenVEX, CycloneDX VEX (a BOM's {@code vulnerabilities[]} analyses; a BOM without
 * them is an error here: it is a scan target), NVD CVE API pages — through {@link PackageAdvisoryFiles}.
 *
 * <p>A file named on the command line must read, or the run stops with its error. In a directory (walked in name
 * order by {@link AdvisoryTree}: hidden entries skipped, symbolic links reported and not followed) a file that fails is a problem and the
 * walk goes on; files of other kinds (a README, SOURCES.md) are ignored.
 */
final class AdvisoryLoader {

    /** Everything read, by kind, and the problems met. */
    record Loaded(List<Vulnerability> packageAdvisories, List<WindowsVulnerability> windowsAdvisories,
            List<KevCatalog> kev, List<Problem> problems, Map<String, EpssScore> epss) {

        Loaded(List<Vulnerability> packageAdvisories, List<WindowsVulnerability> windowsAdvisories,
                List<KevCatalog> kev, List<Problem> problems) {
            this(packageAdvisories, windowsAdvisories, kev, problems, Map.of());
        }

        /** The KEV entry of {@code cve} in any catalog read. */
        Optional<KevEntry> kevEntry(String cve) {
            for (KevCatalog catalog : kev) {
                Optional<KevEntry> entry = catalog.lookup(cve);
                if (entry.isPresent()) return entry;
            }
            return Optional.empty();
        }
    }

    private final PackageAdvisoryFiles records = new PackageAdvisoryFiles();
    private final Map<String, EpssScore> epss = new HashMap<>();
    private final List<Vulnerability> packageAdvisories = new ArrayList<>();
    private final List<WindowsVulnerability> windowsAdvisories = new ArrayList<>();
    private final List<KevCatalog> kev = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    static Loaded load(List<Path> paths) throws BadInputException {
        AdvisoryLoader loader = new AdvisoryLoader();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                loader.walk(path);
            } else if (Files.exists(path)) {
                AdvisoryFileKind kind = AdvisoryFileKind.of(path);
                // Named on the command line: read as what its name says, so that its error is that reader's.
                loader.readNamed(path, kind != AdvisoryFileKind.OTHER ? kind
                        : AdvisoryFileKind.isCsvName(path) ? AdvisoryFileKind.EPSS : AdvisoryFileKind.OSV);
            } else {
                throw new BadInputException(Location.of(path.toString()), "no such file or directory");
            }
        }
        return new Loaded(loader.packageAdvisories, loader.windowsAdvisories, loader.kev, loader.problems,
                loader.epss);
    }

    private void walk(Path root) throws BadInputException {
        List<Path> files = AdvisoryTree.files(root, problems);
        for (Path file : files) {
            AdvisoryFileKind kind = AdvisoryFileKind.of(file);
            if (kind == AdvisoryFileKind.OTHER) continue;
            try {
                read(file, kind);
            } catch (BadInputException e) {
                problems.add(new Problem(e.location(), e.reason()));
            }
        }
    }

    /**
     * Reads a file named on the command line. Read as OSV, a file of which no record is one (valid JSON of some
     * other kind) is an error, not a warning: the file is wrong, not a record in it. Other kinds keep their
     * readers' rules (a CSAF document whose products have no purl or CPE is fine, and only warned about).
     */
    private void readNamed(Path file, AdvisoryFileKind kind) throws BadInputException {
        int advisoriesBefore = packageAdvisories.size();
        int problemsBefore = problems.size();
        read(file, kind);
        if (kind != AdvisoryFileKind.OSV || packageAdvisories.size() > advisoriesBefore) return;
        List<Problem> met = problems.subList(problemsBefore, problems.size());
        if (!met.isEmpty() && met.stream().allMatch(p -> p.message().contains(NOT_OSV))) {
            String first = met.get(0).message();
            String why = first.substring(first.indexOf(NOT_OSV) + NOT_OSV.length()).replaceFirst("^: ", "");
            throw new BadInputException(Location.of(file.toString()), "not OSV advisories: "
                    + (met.size() == 1 ? "its one record is not" : "none of its " + met.size() + " records is")
                    + " an OSV record (" + (met.size() == 1 ? "" : "the first: ") + why + ")");
        }
    }

    /** How the OSV reader rejects a record that is not one (OsvRecordMapper), as opposed to a flawed OSV record. */
    private static final String NOT_OSV = "not an OSV record";

    private void read(Path file, AdvisoryFileKind kind) throws BadInputException {
        switch (kind) {
            case MICROSOFT -> {
                ReadResult<WindowsVulnerability> read = WindowsAdvisories.read(file);
                windowsAdvisories.addAll(read.items());
                problems.addAll(read.problems());
            }
            case KEV -> {
                ReadResult<KevCatalog> read = KevCatalog.read(file);
                kev.addAll(read.items());
                problems.addAll(read.problems());
            }
            case EPSS -> {
                // A later file's score of a CVE replaces an earlier one's only when it is newer.
                EpssFile read = new EpssReader().read(file, score -> epss.merge(score.cve(), score,
                        (old, now) -> now.date().isBefore(old.date()) ? old : now));
                problems.addAll(read.problems());
            }
            default -> {
                ReadResult<Vulnerability> read = records.read(file, kind);
                packageAdvisories.addAll(read.items());
                problems.addAll(read.problems());
            }
        }
    }

}
