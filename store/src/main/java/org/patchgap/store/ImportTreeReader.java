package org.patchgap.store;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
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
        List<Vulnerability> records = new ArrayList<>();
        List<Problem> problems = readEach(root, records::add);
        return new ReadResult<>(records, problems);
    }

    @Override
    public List<Problem> readEach(Path root, Consumer<? super Vulnerability> sink) throws BadInputException {
        List<Problem> problems = new ArrayList<>();
        PackageAdvisoryFiles files = new PackageAdvisoryFiles();
        for (Path file : filesOf(root, problems)) {
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

    /** The regular files below {@code root}, in name order. */
    private static List<Path> filesOf(Path root, List<Problem> problems) throws BadInputException {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(root) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (hidden(file)) return FileVisitResult.CONTINUE;
                    if (attrs.isRegularFile()) {
                        files.add(file);
                    } else if (attrs.isSymbolicLink()) {
                        problems.add(new Problem(Location.of(file.toString()), "symbolic link not followed"));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    problems.add(new Problem(Location.of(file.toString()), "cannot read: " + e.getMessage()));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new BadInputException(Location.of(root.toString()), "cannot walk directory: " + e.getMessage(), e);
        }
        files.sort(null);
        return files;
    }

    private static boolean hidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }
}
