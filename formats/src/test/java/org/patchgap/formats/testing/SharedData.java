package org.patchgap.formats.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the real third-party data sets (shared/data, see its SOURCES.md), which users clone without: from
 * {@code PATCHGAP_SHARED_DATA}, else {@code <repo>/../shared/data}. A test that needs them skips with a message
 * naming both places when neither has the requested part.
 */
public final class SharedData {

    private SharedData() {}

    /** The directory {@code relative} inside shared/data, or the test is skipped. */
    public static Path require(String relative) {
        String env = System.getenv("PATCHGAP_SHARED_DATA");
        Path fromEnv = env == null || env.isBlank() ? null : Path.of(env).resolve(relative);
        if (fromEnv != null && Files.exists(fromEnv)) {
            return fromEnv;
        }
        // Tests run in the module directory; the repository is its parent.
        Path repo = Path.of("").toAbsolutePath().getParent();
        Path beside = repo.resolve("../shared/data").normalize().resolve(relative);
        assumeTrue(Files.exists(beside), "shared data " + relative + " not found at " + beside
                + (fromEnv == null ? " and PATCHGAP_SHARED_DATA is not set" : " nor at " + fromEnv)
                + "; skipping the test on real data");
        return beside;
    }
}
