package org.patchgap.cli;

import org.patchgap.core.version.VersionScheme;
import org.patchgap.core.version.VersionSchemes;

/** Finds the version scheme a user names on the command line. */
final class Schemes {

    private Schemes() {}

    /** The exact scheme of {@code ecosystem} (case ignored); an unknown one is a usage error listing the known. */
    static VersionScheme of(String ecosystem) throws UsageException {
        return VersionSchemes.find(ecosystem).orElseThrow(() -> new UsageException("unknown ecosystem '" + ecosystem
                + "'; known: " + String.join(", ", VersionSchemes.known())));
    }
}
