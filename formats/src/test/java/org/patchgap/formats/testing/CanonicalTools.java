package org.patchgap.formats.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * (A copy of the core module's test helper of the same name: test classes are not shared between modules.)
 *
 * Decides what a differential test does when the ecosystem's own tool is not on this machine: skip with a
 * message on a developer machine, fail in CI ({@code PATCHGAP_REQUIRE_CANONICAL_TOOLS=1}, set by .ci/run),
 * so a missing tool can never turn a differential test into one that cannot fail.
 */
public final class CanonicalTools {

    private CanonicalTools() {}

    /** Requires that {@code command} (run with its arguments) exits 0, else skips or fails as described. */
    public static void require(String what, String... command) {
        if (!runsCleanly(command)) {
            missing(what + " (checked with: " + String.join(" ", command) + ")");
        }
    }

    /** Requires that {@code file} exists, else skips or fails as described. */
    public static void requireFile(String what, Path file) {
        if (!Files.exists(file)) {
            missing(what + " (" + file + " not found)");
        }
    }

    /** Skips (developer machine) or fails (CI) because {@code what} is missing. */
    public static void missing(String what) {
        String message = "canonical tool missing: " + what + "; ./run-tests installs it (needs root and apt-get)";
        if ("1".equals(System.getenv("PATCHGAP_REQUIRE_CANONICAL_TOOLS"))) {
            fail(message);
        }
        assumeTrue(false, message);
    }

    private static boolean runsCleanly(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
