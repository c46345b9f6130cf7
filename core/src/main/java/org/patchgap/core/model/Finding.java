package org.patchgap.core.model;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A component of a target that is affected by a vulnerability.
 *
 * @param target        name of the target the component belongs to
 * @param component     the affected component
 * @param vulnerability the vulnerability (one finding per vulnerability, whatever its aliases)
 * @param severity      the severity that applies: the package-specific one when published, else the highest
 * @param evidence      why it matched, e.g. {@code ECOSYSTEM range [2.0-beta9, 2.15.0)} or {@code listed version}
 * @param fixedVersions versions above the installed one that the advisory names as fixed and that are not
 *                      themselves affected, ascending; the first is the nearest fix; empty when no fix exists
 * @param exactOrder    false when the ecosystem's order is our generic fallback (lower confidence)
 * @param remediations  what the vendor says to do (CSAF {@code remediations[]} of the matched affected entries):
 *                      the fix to show when {@code fixedVersions} is empty, e.g. a {@code vendor_fix} naming an
 *                      RHSA or KB; empty for most advisories
 */
public record Finding(
        String target,
        Component component,
        Vulnerability vulnerability,
        Severity severity,
        String evidence,
        List<String> fixedVersions,
        boolean exactOrder,
        List<Remediation> remediations) {

    /** Most severe first; then by target, package and vulnerability id, so that output is stable. */
    public static final Comparator<Finding> MOST_SEVERE_FIRST = Comparator
            .comparing(Finding::severity, Severity::bySeverity).reversed()
            .thenComparing(Finding::target)
            .thenComparing((Finding f) -> f.component().name())
            .thenComparing(f -> f.vulnerability().id());

    public Finding {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(vulnerability, "vulnerability");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(evidence, "evidence");
        fixedVersions = List.copyOf(fixedVersions);
        remediations = List.copyOf(remediations);
    }

    /** A finding without remediations. */
    public Finding(String target, Component component, Vulnerability vulnerability, Severity severity,
            String evidence, List<String> fixedVersions, boolean exactOrder) {
        this(target, component, vulnerability, severity, evidence, fixedVersions, exactOrder, List.of());
    }

    /** The first {@code vendor_fix} remediation, if the vendor published one. */
    public java.util.Optional<Remediation> vendorFix() {
        return remediations.stream().filter(r -> r.category() == Remediation.Category.VENDOR_FIX).findFirst();
    }
}
