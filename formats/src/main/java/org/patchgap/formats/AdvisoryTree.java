package org.patchgap.formats;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;

/**
 * The files of a directory of advisories, as {@code scan --advisories} and {@code db import} walk it: regular
 * files in name order, hidden entries skipped, symbolic links reported and not followed (a link could lead out of
 * the tree the user named), unreadable entries reported.
 */
public final class AdvisoryTree {

    private AdvisoryTree() {}

    /** The regular files below {@code root}, sorted; what was not walked is added to {@code problems}. */
    public static List<Path> files(Path root, List<Problem> problems) throws BadInputException {
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
