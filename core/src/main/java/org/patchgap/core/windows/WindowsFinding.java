package org.patchgap.core.windows;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.Finding;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Severity;

/**
 * What the matcher concluded about one host and one vulnerability.
 *
 * @param host         the host's name
 * @param source       the inventory file(s) the host was read from
 * @param vulnerability the vulnerability
 * @param product      the advisory's name of the product the host runs, or the host's own product label when
 *                     the advisory does not list it, or null when the host's product is unknown
 * @param hostBuild    the host's build as known, e.g. {@code 10.0.14393.693}, or null
 * @param status       exposed, fixed, or cannot tell
 * @param requiredKbs  the KBs any one of which fixes it (security-only and monthly rollup alike); empty when
 *                     fixed or when no fix exists
 * @param fixedBuild   the build that fixes it on a cumulative product, or null
 * @param mitigations  host configuration that lessens the exposure, e.g. {@code SMBv1 server disabled}; shown
 *                     beside the finding, never instead of it
 * @param severity     the advisory's severity for the product
 * @param evidence     why: the KB or the supersedence chain found, the build comparison, or what is missing
 */
public record WindowsFinding(
        String host,
        String source,
        WindowsVulnerability vulnerability,
        @Nullable String product,
        @Nullable String hostBuild,
        Status status,
        List<String> requiredKbs,
        @Nullable String fixedBuild,
        List<String> mitigations,
        Severity severity,
        String evidence) {

    /** The three answers; a matcher never turns "cannot tell" into either of the others. */
    public enum Status { EXPOSED, CANNOT_TELL, FIXED }

    public WindowsFinding {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(vulnerability, "vulnerability");
        Objects.requireNonNull(status, "status");
        requiredKbs = List.copyOf(requiredKbs);
        mitigations = List.copyOf(mitigations);
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(evidence, "evidence");
    }

    /** The vulnerability's CVE id. */
    public String id() {
        return vulnerability.id();
    }

    /**
     * The same finding in the common model, for outputs that print {@link Finding}s: the component is the
     * operating system (ecosystem {@code Windows}, name the product, version the build); the fixes are the
     * required KBs, then the fixed build; the evidence starts with the status ({@code EXPOSED: ...},
     * {@code CANNOT_TELL: ...}) and ends with the mitigations.
     */
    /** How {@link #toFinding} ends a finding's evidence when the host has mitigations. */
    private static final String MITIGATIONS = "; mitigations: ";

    /**
     * The mitigations a finding made by {@link #toFinding} carries ({@code SMBv1 server disabled (...)}), as one
     * text, or empty for any other finding.
     */
    public static java.util.Optional<String> mitigationsOf(Finding finding) {
        int at = finding.evidence().indexOf(MITIGATIONS);
        return at < 0 ? java.util.Optional.empty() : java.util.Optional.of(finding.evidence().substring(at + MITIGATIONS.length()));
    }

    public Finding toFinding() {
        Component os = new Component(WindowsVulnerability.ECOSYSTEM, product == null ? "Windows (unknown product)" : product,
                hostBuild, null, Location.of(source));
        List<String> fixes = new java.util.ArrayList<>(requiredKbs);
        if (fixedBuild != null) fixes.add(fixedBuild);
        String text = status + ": " + evidence + (mitigations.isEmpty() ? "" : MITIGATIONS + String.join(", ", mitigations));
        return new Finding(host, os, vulnerability.toVulnerability(), severity, text, fixes, true);
    }
}
