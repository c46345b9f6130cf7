package org.patchgap.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.patchgap.core.model.BadInputException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The TARGET arguments and {@code --exclude} that {@code scan} and {@code inventory} share (a picocli mixin). */
final class TargetOptions {

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "Leave out paths of walked directories that match GLOB (relative path or file name). Repeatable.")
    List<String> excludes = new ArrayList<>();

    @Parameters(paramLabel = "TARGET", arity = "1..*",
            description = "An inventory (SBOM, lockfile, OS package database, Windows export), or a directory to walk.")
    List<Path> targets;

    TargetLoader.Loaded load() throws BadInputException {
        return TargetLoader.load(targets, excludes);
    }
}
