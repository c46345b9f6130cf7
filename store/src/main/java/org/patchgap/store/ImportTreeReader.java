package org.patchgap.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Vulnerability;
import org.patchgap.formats.AdvisoryFileKind;
import org.patchgap.formats.AdvisoryReader;
import org.patchgap.formats.AdvisoryTree;
import org.patchgap.formats.PackageAdvisoryFiles;

/**
 * Reads a directory given to {@code db import} as one source, each file by its content: OSV records and dumps,
 * CSAF documents, OpenVEX, CycloneDX VEX and NVD pages become the source's records — a mirror of several feeds
 * imports in one step. A KEV catalog, an EPSS file or a Microsoft update inside the directory is reported, not
 * read: the first two replace whole sources of their own and are imported by naming them, and Microsoft's updates
 * are not kept in the database. Files of no advisory kind (a README) are ignored; hidden entries are skipped and
 * symbolic links not followed, as the scan's own advisory walk does.
 */
final class ImportTreeReader implements AdvisoryReader {

    private final AdvisoryReader osv;

    /** @param osv the reader of OSV files (and of files of no known kind named {@code .json}) */
    ImportTreeReader(AdvisoryReader osv) {
        this.osv = osv;
    }

    @Override
    public ReadResult<Vulnerability> read(Path root) throws BadInputException {
        return AdvisoryReader.collect(this, root);
    }

    @Override
    public List<Problem> readEach(Path root, Consumer<? super Vulnerability> sink) throws BadInputException {
        List<Problem> problems = new ArrayList<>();
        PackageAdvisoryFiles files = new PackageAdvisoryFiles();
        for (Path file : AdvisoryTree.files(root, problems)) {
            AdvisoryFileKind kind = AdvisoryFileKind.of(file);
            switch (kind) {
                case OTHER -> { }
                case KEV, EPSS -> problems.add(new Problem(Location.of(file.toString()), "a " + kind
                        + " file inside a directory is not imported (it replaces the whole '" + kind.name().toLowerCase(
                        java.util.Locale.ROOT) + "' source); import it by naming it: patchgap db import " + file));
                case MICROSOFT -> problems.add(new Problem(Location.of(file.toString()), "Microsoft security updates"
                        + " are not kept in the database; give them to 'patchgap scan --advisories'"));
                default -> {
                    try {
                        problems.addAll(kind == AdvisoryFileKind.OSV ? osv.readEach(file, sink)
                                : files.readEach(file, kind, sink));
                    } catch (BadInputException e) {
                        problems.add(new Problem(e.location(), "skipped file: " + e.reason()));
                    }
                }
            }
        }
        return problems;
    }
}
