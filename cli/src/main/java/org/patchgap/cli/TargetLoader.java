package org.patchgap.cli;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Target;
import org.patchgap.formats.InventoryReader;
import org.patchgap.formats.InventoryReaders;

/**
 * Reads the TARGET arguments of {@code scan} and {@code inventory} into targets.
 *
 * <p>A file named on the command line must be an inventory a reader takes, and must read: otherwise the run
 * stops with the reader's error. A directory is walked in name order: files no reader takes are skipped
 * silently (a source tree holds much else), a file a reader takes but cannot read is a warning, counted, and
 * the walk goes on. Symbolic links are followed only to files inside the walked tree, never out of it, and
 * never to directories (no cycles, no escaping to unrelated parts of the disk).
 */
final class TargetLoader {

    /** What was read: the targets, the problems met, and the counts of skipped components and files. */
    record Loaded(List<Target> targets, List<Problem> problems, int skippedComponents, int skippedFiles) {}

    private final List<Target> targets = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private int skippedComponents;
    private int skippedFiles;

    static Loaded load(List<Path> paths) throws BadInputException {
        TargetLoader loader = new TargetLoader();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                loader.walk(path);
            } else if (Files.exists(path)) {
                loader.add(InventoryReaders.read(path));
            } else {
                throw new BadInputException(Location.of(path.toString()), "no such file or directory");
            }
        }
        return new Loaded(loader.targets, loader.problems, loader.skippedComponents, loader.skippedFiles);
    }

    private void add(ReadResult<Target> result) {
        targets.addAll(result.items());
        problems.addAll(result.problems());
        skippedComponents += result.problems().size();
    }

    private void walk(Path root) throws BadInputException {
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            throw new BadInputException(Location.of(root.toString()), "cannot read directory: " + e.getMessage(), e);
        }
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() || (attrs.isSymbolicLink() && linksToFileInside(file, realRoot))) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    problems.add(new Problem(Location.of(file.toString()), "cannot read: " + e.getMessage()));
                    skippedFiles++;
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new BadInputException(Location.of(root.toString()), "cannot walk directory: " + e.getMessage(), e);
        }
        files.sort(null);
        for (Path file : files) {
            readIfInventory(file);
        }
    }

    private static boolean linksToFileInside(Path link, Path realRoot) {
        try {
            Path real = link.toRealPath();
            return real.startsWith(realRoot) && Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return false; // a dangling link is not an inventory
        }
    }

    private void readIfInventory(Path file) {
        try {
            Optional<InventoryReader> reader = InventoryReaders.readerFor(file);
            if (reader.isPresent()) add(reader.get().read(file));
        } catch (BadInputException e) {
            problems.add(new Problem(e.location(), ErrorMessages.reason(e) + "; file skipped"));
            skippedFiles++;
        }
    }
}
