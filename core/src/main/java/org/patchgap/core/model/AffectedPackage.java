package org.patchgap.core.model;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One entry of an advisory's {@code affected} list: a package in one ecosystem and the versions of it that
 * are affected, as ranges and/or an explicit version list.
 *
 * @param ecosystem OSV ecosystem, possibly with a release suffix ({@code Debian:12})
 * @param name      package name as the ecosystem spells it (Maven {@code group:artifact}, npm {@code @scope/name})
 * @param purl      the package URL when published
 * @param severity  a severity specific to this package ({@code ecosystem_specific} / {@code database_specific}),
 *                  or null
 * @param remediations what the vendor says to do about it (CSAF {@code remediations[]}), in document order
 */
public record AffectedPackage(
        String ecosystem,
        String name,
        @Nullable String purl,
        List<AffectedRange> ranges,
        List<String> versions,
        @Nullable Severity severity,
        List<Remediation> remediations) {

    public AffectedPackage {
        Objects.requireNonNull(ecosystem, "ecosystem");
        Objects.requireNonNull(name, "name");
        ranges = List.copyOf(ranges);
        versions = List.copyOf(versions);
        remediations = List.copyOf(remediations);
    }

    /** An entry without remediations (every format but CSAF). */
    public AffectedPackage(String ecosystem, String name, @Nullable String purl, List<AffectedRange> ranges,
            List<String> versions, @Nullable Severity severity) {
        this(ecosystem, name, purl, ranges, versions, severity, List.of());
    }
}
