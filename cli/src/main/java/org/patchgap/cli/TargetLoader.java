package org.patchgap.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Target;
import org.patchgap.core.windows.WindowsHosts;
import org.patchgap.formats.InventoryReaders;
import org.patchgap.formats.walk.FileRead;
import org.patchgap.formats.walk.InventoryWalker;
import org.patchgap.formats.walk.WalkResult;

/**
 * Reads the TARGET arguments of {@code scan} and {@code inventory} into targets.
 *
 * <p>A file named on the command line must be an inventory a reader takes, and must read: otherwise the run
 * stops with the reader's error. A directory is walked by {@link InventoryWalker}: files no reader takes are
 * skipped silently (a source tree holds much else), a file a reader takes but cannot read is a warning, counted,
 * and the walk goes on; symbolic links are not followed; {@code --exclude} globs leave paths out; an operating
 * system root (os-release with a package database) becomes one host or image target.
 */
final class TargetLoader {

    /**
     * What was read: the targets, the problems met, the counts of skipped components and files, and which
     * reader took each file of a walked tree.
     */
    record Loaded(List<Target> targets, List<Problem> problems, int skippedComponents, int skippedFiles,
            List<FileRead> files) {}

    private TargetLoader() {}

    static Loaded load(List<Path> paths) throws BadInputException {
        return load(paths, List.of());
    }

    static Loaded load(List<Path> paths, List<String> excludes) throws BadInputException {
        List<Target> targets = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<FileRead> files = new ArrayList<>();
        int skippedComponents = 0;
        int skippedFiles = 0;
        InventoryWalker walker = InventoryWalker.withExcludes(excludes);
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                WalkResult walked = walker.walk(path);
                targets.addAll(walked.targets());
                problems.addAll(walked.problems());
                files.addAll(walked.files());
                int failed = (int) walked.files().stream().filter(read -> read.error() != null).count();
                skippedFiles += failed;
                skippedComponents += Math.max(0, walked.problems().size() - failed);
            } else if (Files.exists(path)) {
                ReadResult<Target> read = InventoryReaders.read(path);
                targets.addAll(read.items());
                problems.addAll(read.problems());
                skippedComponents += read.problems().size();
            } else {
                throw new BadInputException(Location.of(path.toString()), "no such file or directory");
            }
        }
        // One host may be described by several exports (systeminfo, Get-HotFix, SMB settings): join them.
        return new Loaded(WindowsHosts.merge(targets), problems, skippedComponents, skippedFiles, files);
    }
}
