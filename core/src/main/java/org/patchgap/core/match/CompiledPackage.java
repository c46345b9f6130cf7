package org.patchgap.core.match;

import java.util.List;
import java.util.Set;
import org.patchgap.core.model.Severity;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.VersionScheme;

/**
 * One {@code affected} entry of one advisory record, ready for matching: its ranges and explicit versions
 * parsed with the ecosystem's scheme.
 *
 * @param vulnerability   the merged vulnerability (alias group) this entry belongs to
 * @param scheme          the ecosystem's version scheme
 * @param ranges          SEMVER and ECOSYSTEM ranges
 * @param versions        the explicit {@code versions} list, parsed (unparsable entries are compared as text)
 * @param versionTexts    the explicit {@code versions} list as published
 * @param severity        severity of this entry: package-specific when published, else the record's highest
 */
record CompiledPackage(
        MergedVulnerability vulnerability,
        VersionScheme scheme,
        List<CompiledRange> ranges,
        Set<Version> versions,
        Set<String> versionTexts,
        Severity severity) {

    /** Why {@code v} is affected, or null when it is not. */
    String evidenceFor(Version v) {
        for (CompiledRange range : ranges) {
            if (range.contains(v)) {
                return "affected range " + range.intervalHolding(v);
            }
        }
        if (isListed(v)) {
            return "listed affected version " + v.text();
        }
        return null;
    }

    boolean affects(Version v) {
        for (CompiledRange range : ranges) {
            if (range.contains(v)) return true;
        }
        return isListed(v);
    }

    private boolean isListed(Version v) {
        return versions.contains(v) || versionTexts.contains(v.text());
    }
}
