package org.patchgap.formats.report;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.patchgap.core.match.Upgrade;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.Finding;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.SeverityLevel;

/**
 * Everything a scan found, as the report writers print it: the findings (most severe first), the one upgrade
 * per vulnerable component, the problems met on the way (skipped records, components and files) and the counts.
 */
public record ScanReport(List<Finding> findings, List<Upgrade> upgrades, List<Problem> problems, ScanSummary summary) {

    public ScanReport {
        findings = List.copyOf(findings);
        upgrades = List.copyOf(upgrades);
        problems = List.copyOf(problems);
        Objects.requireNonNull(summary, "summary");
    }

    /** Findings per severity level, every level present (zero when none). */
    public Map<SeverityLevel, Integer> findingsBySeverity() {
        Map<SeverityLevel, Integer> counts = new EnumMap<>(SeverityLevel.class);
        for (SeverityLevel level : SeverityLevel.values()) counts.put(level, 0);
        for (Finding finding : findings) counts.merge(finding.severity().level(), 1, Integer::sum);
        return Collections.unmodifiableMap(counts);
    }

    /** Upgrades keyed by the component they apply to, for the writers that print one per finding. */
    Map<ComponentKey, Upgrade> upgradeIndex() {
        Map<ComponentKey, Upgrade> index = new HashMap<>();
        for (Upgrade upgrade : upgrades) index.putIfAbsent(new ComponentKey(upgrade.target(), upgrade.component()), upgrade);
        return index;
    }

    record ComponentKey(String target, Component component) {}
}
