package org.patchgap.core.match;

import java.util.BitSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.cpe.CpeName;
import org.patchgap.core.model.Remediation;
import org.patchgap.core.model.Severity;

/**
 * One {@code affected} entry of one advisory record, ready for matching: its ranges as one {@link RangeProgram}
 * against its package's boundaries, and its explicit versions as boundary indices.
 */
final class CompiledPackage {

    private final MergedVulnerability vulnerability;
    private final int[] ranges;
    /** Boundary indices of the explicit {@code versions} list; null when it is empty (the common case). */
    private final @Nullable BitSet listed;
    /** Listed versions the ecosystem's scheme rejects, matched by their text; null when there are none. */
    private final @Nullable Set<String> unparsedListed;
    private final Severity severity;
    private final List<Remediation> remediations;
    /** For an entry of ecosystem CPE, its criteria: the entry applies only to components whose CPE it matches. */
    private final @Nullable CpeName criteria;

    /**
     * @param severity     severity of this entry: package-specific when published, else the record's highest
     * @param remediations the entry's remediations (CSAF), usually none
     * @param criteria     the CPE criteria of an entry of ecosystem CPE, else null
     */
    CompiledPackage(MergedVulnerability vulnerability, int[] ranges, BitSet listed, Set<String> unparsedListed,
            Severity severity, List<Remediation> remediations, @Nullable CpeName criteria) {
        this.vulnerability = vulnerability;
        this.ranges = ranges;
        this.listed = listed.isEmpty() ? null : listed;
        this.unparsedListed = unparsedListed.isEmpty() ? null : unparsedListed;
        this.severity = severity;
        this.remediations = List.copyOf(remediations);
        this.criteria = criteria;
    }

    List<Remediation> remediations() {
        return remediations;
    }

    @Nullable CpeName criteria() {
        return criteria;
    }

    MergedVulnerability vulnerability() {
        return vulnerability;
    }

    int[] ranges() {
        return ranges;
    }

    Severity severity() {
        return severity;
    }

    /** Whether this entry has an explicit {@code versions} list. */
    boolean listsVersions() {
        return listed != null || unparsedListed != null;
    }

    /** Whether the version at {@code position}, spelled {@code text}, is affected. */
    boolean affectsAt(int position, String text) {
        return RangeProgram.anyContains(ranges, position) || isListed(position, text);
    }

    /** Why the version at {@code position} is affected, or null when it is not. */
    @Nullable String evidenceAt(int position, String text, PackagePositions positions) {
        if (criteria != null) return cpeEvidence(position, text, positions);
        String interval = RangeProgram.intervalHolding(ranges, position, positions);
        if (interval != null) return "affected range " + interval;
        return isListed(position, text) ? "listed affected version " + text : null;
    }

    /** The criteria, and the NVD range that holds the version when the criteria leaves the version open. */
    private @Nullable String cpeEvidence(int position, String text, PackagePositions positions) {
        String name = "CPE " + criteria.toFormattedString();
        String interval = RangeProgram.intervalHolding(ranges, position, positions);
        if (interval != null) {
            return criteria.version().isAny() ? name + ", versions " + interval
                    : name + " (version " + criteria.version().text() + ")";
        }
        return isListed(position, text) ? name + ", listed affected version " + text : null;
    }

    private boolean isListed(int position, String text) {
        return listed != null && (position & 1) == 1 && listed.get(position >> 1)
                || unparsedListed != null && unparsedListed.contains(text);
    }
}
