package org.patchgap.formats.report;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.patchgap.core.match.Upgrade;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.EpssScore;
import org.patchgap.core.model.Finding;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.SeverityLevel;
import org.patchgap.core.model.SuppressedFinding;
import org.patchgap.formats.kev.KevEntry;

/**
 * Everything a scan found, as the report writers print it: the findings (most severe first), the one upgrade
 * per vulnerable component, the problems met on the way (skipped records, components and files), the counts,
 * the CISA Known Exploited Vulnerabilities entries and the EPSS scores of the findings' CVEs (by CVE id), and the
 * matches a vendor's not-affected statement (VEX) kept out of the findings, the findings ignore rules kept out,
 * and the targets scanned (for the formats that describe every component, CycloneDX; empty when not kept).
 */
public record ScanReport(List<Finding> findings, List<Upgrade> upgrades, List<Problem> problems, ScanSummary summary,
        Map<String, KevEntry> knownExploited, Map<String, EpssScore> epss, List<SuppressedFinding> notAffected,
        List<org.patchgap.formats.ignore.IgnoredFinding> ignored, List<org.patchgap.core.model.Target> targets) {

    public ScanReport {
        findings = List.copyOf(findings);
        upgrades = List.copyOf(upgrades);
        problems = List.copyOf(problems);
        Objects.requireNonNull(summary, "summary");
        knownExploited = Map.copyOf(knownExploited);
        epss = Map.copyOf(epss);
        notAffected = List.copyOf(notAffected);
        ignored = List.copyOf(ignored);
        targets = List.copyOf(targets);
    }

    /** A report without the scanned targets. */
    public ScanReport(List<Finding> findings, List<Upgrade> upgrades, List<Problem> problems, ScanSummary summary,
            Map<String, KevEntry> knownExploited, Map<String, EpssScore> epss, List<SuppressedFinding> notAffected,
            List<org.patchgap.formats.ignore.IgnoredFinding> ignored) {
        this(findings, upgrades, problems, summary, knownExploited, epss, notAffected, ignored, List.of());
    }

    /** This report with the targets it scanned. */
    public ScanReport withTargets(List<org.patchgap.core.model.Target> scanned) {
        return new ScanReport(findings, upgrades, problems, summary, knownExploited, epss, notAffected, ignored, scanned);
    }

    /** A report without ignored findings. */
    public ScanReport(List<Finding> findings, List<Upgrade> upgrades, List<Problem> problems, ScanSummary summary,
            Map<String, KevEntry> knownExploited, Map<String, EpssScore> epss, List<SuppressedFinding> notAffected) {
        this(findings, upgrades, problems, summary, knownExploited, epss, notAffected, List.of());
    }

    /** A report without EPSS scores and without not-affected statements. */
    public ScanReport(List<Finding> findings, List<Upgrade> upgrades, List<Problem> problems, ScanSummary summary,
            Map<String, KevEntry> knownExploited) {
        this(findings, upgrades, problems, summary, knownExploited, Map.of(), List.of());
    }

    /** A report without Known Exploited Vulnerabilities data. */
    public ScanReport(List<Finding> findings, List<Upgrade> upgrades, List<Problem> problems, ScanSummary summary) {
        this(findings, upgrades, problems, summary, Map.of());
    }

    /**
     * This report with the findings {@code rules} cover moved to {@link #ignored}, and the rules' warnings (expired,
     * stale) added to the problems. An upgrade no longer counts the ignored findings, and one left with none is
     * dropped; its target version stays the matcher's (which already prefers a version no known vulnerability of
     * the package affects, ignored or not).
     */
    public ScanReport ignoring(org.patchgap.formats.ignore.IgnoreRules rules, java.time.LocalDate today) {
        if (rules.rules().isEmpty()) return this;
        org.patchgap.formats.ignore.IgnoreRules.Applied applied = rules.apply(findings, today);
        List<Problem> withWarnings = new java.util.ArrayList<>(problems);
        withWarnings.addAll(applied.warnings());
        java.util.Set<FindingKey> ignoredKeys = new java.util.HashSet<>();
        for (var i : applied.ignored()) ignoredKeys.add(FindingKey.of(i.finding()));
        List<Upgrade> kept = new java.util.ArrayList<>();
        for (Upgrade upgrade : upgrades) {
            java.util.function.Predicate<String> stays = id ->
                    !ignoredKeys.contains(new FindingKey(upgrade.target(), upgrade.component(), id));
            List<String> ids = upgrade.vulnerabilityIds().stream().filter(stays).toList();
            if (ids.isEmpty()) continue;
            List<String> unfixed = upgrade.unfixed().stream().filter(stays).toList();
            kept.add(ids.size() == upgrade.vulnerabilityIds().size() ? upgrade : new Upgrade(upgrade.target(),
                    upgrade.component(), unfixed.size() == ids.size() ? null : upgrade.toVersion(), ids, unfixed));
        }
        return new ScanReport(applied.kept(), kept, withWarnings, summary, knownExploited, epss, notAffected,
                applied.ignored(), targets);
    }

    /** The finding's SSVC priority from this report's KEV and EPSS data. */
    public org.patchgap.core.priority.Priority priority(Finding finding, org.patchgap.core.priority.Prioritizer prioritizer) {
        return prioritizer.of(finding, knownExploited(finding).isPresent(), epss(finding).map(EpssScore::score).orElse(null));
    }

    /** A finding with its priority. */
    public record Prioritized(Finding finding, org.patchgap.core.priority.Priority priority) {}

    /** The findings with their priorities, most urgent first (Act before Attend ...), then most severe: the order to patch in. */
    public List<Prioritized> mostUrgentFirst(org.patchgap.core.priority.Prioritizer prioritizer) {
        List<Prioritized> ranked = new java.util.ArrayList<>(findings.size());
        for (Finding f : findings) ranked.add(new Prioritized(f, priority(f, prioritizer)));
        ranked.sort(java.util.Comparator.comparing((Prioritized p) -> p.priority().decision()).reversed()
                .thenComparing(Prioritized::finding, Finding.MOST_SEVERE_FIRST));
        return ranked;
    }

    /** The KEV entry of the finding's vulnerability (its id or any CVE alias), when CISA lists it. */
    public java.util.Optional<KevEntry> knownExploited(Finding finding) {
        return byIdOrAlias(knownExploited, finding);
    }

    /** The EPSS score of the finding's vulnerability (its id or any CVE alias), when one was given. */
    public java.util.Optional<EpssScore> epss(Finding finding) {
        return byIdOrAlias(epss, finding);
    }

    /** The entry of the finding's vulnerability id, else of its first alias that has one (KEV and EPSS key by CVE). */
    private static <T> java.util.Optional<T> byIdOrAlias(Map<String, T> byCve, Finding finding) {
        T entry = byCve.get(finding.vulnerability().id());
        for (var aliases = finding.vulnerability().aliases().iterator(); entry == null && aliases.hasNext(); ) {
            entry = byCve.get(aliases.next());
        }
        return java.util.Optional.ofNullable(entry);
    }

    /** Findings per severity level, every level present (zero when none). */
    public Map<SeverityLevel, Integer> findingsBySeverity() {
        Map<SeverityLevel, Integer> counts = new EnumMap<>(SeverityLevel.class);
        for (SeverityLevel level : SeverityLevel.values()) counts.put(level, 0);
        for (Finding finding : findings) counts.merge(finding.severity().level(), 1, Integer::sum);
        return Collections.unmodifiableMap(counts);
    }

    /**
     * Upgrades keyed by the finding they remove (target, component, vulnerability id), for the writers that print
     * one per finding. A Windows host can have several, one per set of updates.
     */
    Map<FindingKey, Upgrade> upgradeIndex() {
        Map<FindingKey, Upgrade> index = new HashMap<>();
        for (Upgrade upgrade : upgrades) {
            for (String id : upgrade.vulnerabilityIds()) {
                index.putIfAbsent(new FindingKey(upgrade.target(), upgrade.component(), id), upgrade);
            }
        }
        return index;
    }

    record FindingKey(String target, Component component, String vulnerabilityId) {
        static FindingKey of(Finding finding) {
            return new FindingKey(finding.target(), finding.component(), finding.vulnerability().id());
        }
    }
}
