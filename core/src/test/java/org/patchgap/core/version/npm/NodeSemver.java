package org.patchgap.core.version.npm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.patchgap.core.testing.CanonicalTools;

/** Where node-semver, the npm ecosystem's canonical tool, is found: npm's own copy, else Debian's node-semver. */
final class NodeSemver {

    static final List<Path> CANDIDATES = List.of(
            Path.of("/usr/lib/node_modules/npm/node_modules/semver"),
            Path.of("/usr/share/nodejs/semver"));

    private NodeSemver() {}

    /** The node-semver directory, or a skipped (locally) or failed (CI) test when node or semver is missing. */
    static Path require() {
        CanonicalTools.require("node", "node", "--version");
        for (Path dir : CANDIDATES) {
            if (Files.exists(dir.resolve("package.json"))) {
                return dir;
            }
        }
        CanonicalTools.missing("node-semver (looked in " + CANDIDATES + ")");
        throw new IllegalStateException("unreachable: CanonicalTools.missing always throws");
    }
}
