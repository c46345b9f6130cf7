package org.patchgap.formats.report;

import java.util.Locale;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.Finding;
import org.patchgap.core.model.Remediation;
import org.patchgap.core.model.Severity;

/**
 * How a finding's parts read as short text, the same in every human-facing format (table, CSV, Markdown): its
 * fix, its severity, its ids and its target's name.
 */
final class FindingText {

    static final String WINDOWS = "Windows";

    private FindingText() {}

    /**
     * The nearest fix; for a Windows update, every update that fixes it ({@code KB4012212 or KB4012215}), or
     * {@code cannot tell} when the host's data cannot decide.
     */
    static String fix(Finding f) {
        if (WINDOWS.equals(f.component().ecosystem())) {
            if (f.evidence().startsWith("CANNOT_TELL")) return "cannot tell";
            return f.fixedVersions().isEmpty() ? "no fix" : String.join(" or ", f.fixedVersions());
        }
        if (!f.fixedVersions().isEmpty()) return f.fixedVersions().get(0);
        return f.vendorFix().map(r -> "vendor fix: " + remediationName(r)).orElse("no fix");
    }

    /**
     * A short name for a remediation in a table cell: its details when they are one short line (a KB or RHSA id),
     * else the last segment of its URL ({@code .../errata/RHSA-2022:0011}), else {@code see JSON report}.
     */
    static String remediationName(Remediation r) {
        String details = r.details().strip();
        if (!details.isEmpty() && details.length() <= 24 && details.indexOf('\n') < 0) return details;
        if (r.url() != null) {
            String url = r.url().replaceAll("[/#?]+$", "");
            String last = url.substring(url.lastIndexOf('/') + 1);
            if (!last.isEmpty() && last.length() <= 24) return last;
        }
        return "see JSON report";
    }

    static String severity(Severity severity) {
        String label = severity.level().label();
        return severity.score() == null ? label : label + " " + String.format(Locale.ROOT, "%.1f", severity.score());
    }

    /** The record's CVE: its id when it is one, else its first CVE alias, else its id (GHSA, PYSEC, RHSA). */
    static String primaryId(Finding f) {
        String cve = f.vulnerability().cve();
        return cve != null ? cve : f.vulnerability().id();
    }

    /** The record's id, and its CVE alias when the id is another kind (GHSA, PYSEC): CVEs are what people search. */
    static String allIds(Finding f) {
        String id = f.vulnerability().id();
        String cve = f.vulnerability().cve();
        return cve == null || cve.equals(id) ? id : id + " (" + cve + ")";
    }

    /**
     * The target as the table shows it: for an SBOM that names its subject ({@code shop.cdx.json (shop@1.4)}, as
     * the directory walk labels it) the subject's name, since the file is in the component's location; any
     * other target (a host, an image, a lock file's path) as it is.
     */
    static String targetName(Finding f) {
        return targetName(f.target(), f.component());
    }

    static String targetName(String target, Component component) {
        int open = target.lastIndexOf(" (");
        if (open <= 0 || !target.endsWith(")")) return target;
        String file = target.substring(0, open);
        String locationFile = component.location() == null ? "" : component.location().file();
        boolean fileIsLocation = locationFile.equals(file) || locationFile.endsWith("/" + file)
                || locationFile.endsWith("\\" + file);
        return fileIsLocation ? target.substring(open + 2, target.length() - 1) : target;
    }
}
