package org.patchgap.core.match;

import java.util.List;
import org.patchgap.core.model.Finding;
import org.patchgap.core.model.Problem;

/**
 * What matching a set of targets found.
 *
 * @param findings             one per (target, component, vulnerability), most severe first
 * @param upgrades             one per vulnerable component: the upgrade that removes its findings
 * @param problems             components that could not be matched, with the reason (unparsable version ...)
 * @param componentsMatched    components that were looked up
 * @param componentsUnmatchable components without ecosystem or version, or with a version the ecosystem rejects
 * @param rangeChecks          component x affected-package evaluations performed (for throughput figures)
 */
public record MatchReport(
        List<Finding> findings,
        List<Upgrade> upgrades,
        List<Problem> problems,
        int componentsMatched,
        int componentsUnmatchable,
        long rangeChecks) {

    public MatchReport {
        findings = List.copyOf(findings);
        upgrades = List.copyOf(upgrades);
        problems = List.copyOf(problems);
    }
}
