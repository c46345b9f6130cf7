package org.patchgap.core.match;

import java.util.List;
import org.patchgap.core.model.Finding;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.SuppressedFinding;

/**
 * What matching a set of targets found.
 *
 * @param findings             one per (target, component, vulnerability), most severe first
 * @param upgrades             one per vulnerable component: the upgrade that removes its findings
 * @param problems             components that could not be matched, with the reason (unparsable version ...)
 * @param componentsMatched    components that were looked up
 * @param componentsUnmatchable components without ecosystem or version, or with a version the ecosystem rejects
 * @param rangeChecks          component x affected-package evaluations performed (for throughput figures)
 * @param suppressed           matches that a vendor's not-affected statement (VEX) keeps out of the findings
 */
public record MatchReport(
        List<Finding> findings,
        List<Upgrade> upgrades,
        List<Problem> problems,
        int componentsMatched,
        int componentsUnmatchable,
        long rangeChecks,
        List<SuppressedFinding> suppressed) {

    public MatchReport {
        findings = List.copyOf(findings);
        suppressed = List.copyOf(suppressed);
        upgrades = List.copyOf(upgrades);
        problems = List.copyOf(problems);
    }

    /** A report in which nothing was suppressed. */
    public MatchReport(List<Finding> findings, List<Upgrade> upgrades, List<Problem> problems, int componentsMatched,
            int componentsUnmatchable, long rangeChecks) {
        this(findings, upgrades, problems, componentsMatched, componentsUnmatchable, rangeChecks, List.of());
    }
}
