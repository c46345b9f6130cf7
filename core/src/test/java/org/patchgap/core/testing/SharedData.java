package org.patchgap.core.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the real third-party data sets of /work/shared/data: {@code PATCHGAP_SHARED_DATA} when set, else
 * {@code <repository>/../shared/data} (or {@code shared/data} beside any further ancestor). Tests that need them skip with a message when they are absent, because a
 * plain clone of the repository does not have them.
 */
public final class SharedData {

    private SharedData() {}

    /** The directory {@code relative} under the shared data, or a skipped test when it is absent. */
    public static Path require(String relative) {
        Path root = root();
        Path dir = root == null ? null : root.resolve(relative);
        assumeTrue(dir != null && Files.isDirectory(dir), "shared data set " + relative + " not found (looked in "
                + (root == null ? "PATCHGAP_SHARED_DATA and ../shared/data" : root) + "); skipping");
        return dir;
    }

    private static Path root() {
        String env = System.getenv("PATCHGAP_SHARED_DATA");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        // Maven runs tests in the module directory; the repository is the nearest directory with mvnw. A worktree
        // may sit deeper than the main checkout, so every ancestor of the repository is tried for shared/data.
        Path repo = Path.of("").toAbsolutePath();
        while (repo != null && !Files.exists(repo.resolve("mvnw"))) {
            repo = repo.getParent();
        }
        for (Path dir = repo == null ? null : repo.getParent(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
