package org.patchgap.core.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the third-party data sets (purl-spec, CycloneDX examples ...) that are not part of the repository:
 * {@code $PATCHGAP_SHARED_DATA}, else {@code shared/data} beside the repository (or beside any directory
 * above it, which covers git worktrees). Tests that need them skip with a message when they are absent.
 */
public final class SharedData {

    private SharedData() {}

    public static Optional<Path> root() {
        String env = System.getenv("PATCHGAP_SHARED_DATA");
        if (env != null && !env.isBlank()) {
            Path dir = Path.of(env);
            return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("data");
            if (dir.getParent() != null && Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** {@code relative} under the shared data, or a skipped test naming what is missing. */
    public static Path require(String relative) {
        Optional<Path> root = root();
        assumeTrue(root.isPresent(), "shared data not found (set PATCHGAP_SHARED_DATA or put it at ../shared/data)");
        Path path = root.get().resolve(relative);
        assumeTrue(Files.exists(path), "shared data set missing: " + path);
        return path;
    }
}
