package org.patchgap.core.match;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.patchgap.core.cpe.CpeAttribute;
import org.patchgap.core.cpe.CpeName;
import org.patchgap.core.cpe.CpeValue;
import org.patchgap.core.cpe.MalformedCpeException;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.Finding;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.Remediation;
import org.patchgap.core.model.Severity;
import org.patchgap.core.model.SuppressedFinding;
import org.patchgap.core.model.Target;
import org.patchgap.core.model.Vulnerability;
import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.VersionScheme;
import org.patchgap.core.version.VersionSchemes;

/**
 * Matches targets' components against advisories.
 *
 * <p>Built once from advisory records ({@link #of}): records are merged into vulnerabilities through their
 * aliases, and every affected entry is indexed by (ecosystem, package name) with its ranges parsed by the
 * ecosystem's version scheme. Matching a component is then one hash lookup and a few range evaluations.
 *
 * <pre>{@code
 * Matcher matcher = Matcher.of(advisories);
 * MatchReport report = matcher.match(List.of(target));
 * report.findings().forEach(f -> System.out.println(f.vulnerability().id() + " " + f.fixedVersions()));
 * }</pre>
 *
 * <p>Instances are immutable after construction and safe to share between threads.
 */
public final class Matcher {

    private final AdvisoryIndex index;

    private Matcher(AdvisoryIndex index) {
        this.index = index;
    }

    /** Indexes {@code records}; withdrawn records are dropped, invalid ranges dropped and reported. */
    public static Matcher of(Collection<Vulnerability> records) {
        return new Matcher(AdvisoryIndex.build(records));
    }

    public AdvisoryStats stats() {
        return index.stats();
    }

    /** Problems found in the advisories while indexing them (a range with a version the ecosystem rejects). */
    public List<Problem> advisoryProblems() {
        return index.problems();
    }

    /** Matches every component of every target. */
    public MatchReport match(List<Target> targets) {
        List<Finding> findings = new ArrayList<>();
        List<Upgrade> upgrades = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<SuppressedFinding> suppressed = new ArrayList<>();
        int matched = 0;
        int unmatchable = 0;
        long checks = 0;
        Map<String, EcosystemContext> ecosystems = new HashMap<>();
        CpeComponentMatcher cpeMatcher = new CpeComponentMatcher(index);
        for (Target target : targets) {
            for (Component component : target.components()) {
                if (component.ecosystem() == null) {
                    // Only a component that no package ecosystem identifies is matched by its CPE: package data
                    // (OSV) is more precise than NVD's CPE applicability (docs/decisions/0009-cpe-matching.md).
                    ComponentMatch match = component.cpe() == null ? null
                            : cpeMatcher.match(target.name(), component, problems);
                    if (match == null) {
                        unmatchable++;
                        continue;
                    }
                    matched++;
                    match.addTo(findings, suppressed, upgrades);
                    continue;
                }
                if (component.version() == null || component.version().isBlank()) {
                    unmatchable++;
                    continue;
                }
                EcosystemContext context = ecosystems.computeIfAbsent(component.ecosystem(), EcosystemContext::of);
                VersionScheme scheme = context.scheme();
                Version installed;
                try {
                    installed = scheme.parse(component.version());
                } catch (InvalidVersionException e) {
                    unmatchable++;
                    problems.add(new Problem(component.location(), e.getMessage() + "; component not matched"));
                    continue;
                }
                matched++;
                PackageEntries candidates = index.candidates(context.canonical(), component.name());
                if (candidates.entries().isEmpty()) continue;
                checks += candidates.entries().size();
                matchComponent(target.name(), component, installed, candidates, context)
                        .addTo(findings, suppressed, upgrades);
            }
        }
        findings.sort(Finding.MOST_SEVERE_FIRST);
        suppressed.sort(java.util.Comparator.comparing(SuppressedFinding::finding, Finding.MOST_SEVERE_FIRST));
        return new MatchReport(findings, upgrades, problems, matched, unmatchable, checks, suppressed);
    }


    /** An ecosystem name as components spell it, resolved once per match. */
    record EcosystemContext(String canonical, VersionScheme scheme) {
        static EcosystemContext of(String ecosystem) {
            String canonical = VersionSchemes.canonicalName(ecosystem);
            return new EcosystemContext(canonical, VersionSchemes.forEcosystem(canonical));
        }
    }

    record ComponentMatch(List<Finding> findings, Upgrade upgrade, List<SuppressedFinding> suppressed) {
        void addTo(List<Finding> allFindings, List<SuppressedFinding> allSuppressed, List<Upgrade> allUpgrades) {
            allFindings.addAll(findings);
            allSuppressed.addAll(suppressed);
            if (upgrade != null) allUpgrades.add(upgrade);
        }
    }

    static final ComponentMatch NOTHING = new ComponentMatch(List.of(), null, List.of());

    static ComponentMatch matchComponent(String target, Component component, Version installed,
            PackageEntries candidates, EcosystemContext context) {
        boolean exact = context.scheme().exact();
        PackagePositions positions = candidates.positions();
        int position = positions.position(installed);
        if (!candidates.mayAffect(position)) return NOTHING;
        String text = installed.text();
        // Group the entries that affect the installed version by vulnerability: one finding per vulnerability.
        // Most components are affected by nothing: allocate only once something matches.
        Map<MergedVulnerability, List<CompiledPackage>> hits = null;
        for (CompiledPackage entry : candidates.entries()) {
            if (entry.affectsAt(position, text)) {
                if (hits == null) hits = new LinkedHashMap<>();
                hits.computeIfAbsent(entry.vulnerability(), k -> new ArrayList<>()).add(entry);
            }
        }
        if (hits == null) return NOTHING;

        Map<MergedVulnerability, List<CompiledPackage>> allByVulnerability = new HashMap<>();
        for (CompiledPackage entry : candidates.entries()) {
            allByVulnerability.computeIfAbsent(entry.vulnerability(), k -> new ArrayList<>()).add(entry);
        }

        List<Finding> findings = new ArrayList<>();
        List<SuppressedFinding> suppressed = new ArrayList<>();
        TreeSet<Integer> allFixes = new TreeSet<>();
        List<String> ids = new ArrayList<>();
        List<String> unfixed = new ArrayList<>();
        Set<MergedVulnerability> fixable = new HashSet<>();
        for (Map.Entry<MergedVulnerability, List<CompiledPackage>> hit : hits.entrySet()) {
            List<CompiledPackage> entries = allByVulnerability.get(hit.getKey());
            List<Integer> fixes = fixesAbove(position, entries, positions);
            Severity severity = hit.getValue().stream().map(CompiledPackage::severity)
                    .max(Severity::bySeverity).orElse(Severity.UNKNOWN);
            Finding finding = new Finding(target, component, hit.getKey().merged(), severity,
                    hit.getValue().get(0).evidenceAt(position, text, positions), texts(fixes, positions), exact,
                    remediationsOf(hit.getValue()));
            MergedVulnerability.Statement statement = notAffectedStatement(hit.getKey(), component, installed, context);
            if (statement != null) {
                // The vendor's word on its own product outranks another source's range (docs/decisions/0010);
                // the match is kept, out of the findings and out of the upgrade.
                suppressed.add(new SuppressedFinding(finding, statement.statement(), statement.record().id(),
                        statement.record().source()));
                continue;
            }
            findings.add(finding);
            allFixes.addAll(fixes);
            ids.add(hit.getKey().id());
            if (fixes.isEmpty()) unfixed.add(hit.getKey().id());
            else fixable.add(hit.getKey());
        }
        if (findings.isEmpty()) return new ComponentMatch(findings, null, suppressed);
        String to = fixable.isEmpty() ? null : upgradeRemovingAll(allFixes, fixable, allByVulnerability, positions);
        return new ComponentMatch(findings, new Upgrade(target, component, to, ids, unfixed), suppressed);
    }

    /** The first not-affected statement of the vulnerability's records that covers the component, or null. */
    private static MergedVulnerability.Statement notAffectedStatement(MergedVulnerability vulnerability,
            Component component, Version installed, EcosystemContext context) {
        if (vulnerability.notAffected().isEmpty()) return null;
        CpeName cpe = CpeName.ECOSYSTEM.equals(context.canonical()) ? installedCpe(component, installed) : null;
        for (MergedVulnerability.Statement s : vulnerability.notAffected()) {
            boolean covers = cpe != null
                    ? StatementScope.coversCpe(s.statement(), cpe, installed, context.scheme())
                    : StatementScope.covers(s.statement(), context.canonical(), component.name(), installed, context.scheme());
            if (covers) return s;
        }
        return null;
    }

    /**
     * The CPE of a component on the CPE path with the installed version in place of ANY (the name the criteria
     * were matched against); null if it does not parse, which the CPE path has already reported.
     */
    private static CpeName installedCpe(Component component, Version installed) {
        if (component.cpe() == null) return null;
        try {
            CpeName name = CpeName.parse(component.cpe());
            return name.version().isAny() ? name.with(CpeAttribute.VERSION, CpeValue.literal(installed.text())) : name;
        } catch (MalformedCpeException e) {
            return null;
        }
    }

    /** The remediations of the matched entries, each once, in entry order. */
    private static List<Remediation> remediationsOf(List<CompiledPackage> matched) {
        if (matched.size() == 1) return matched.get(0).remediations();
        Set<Remediation> all = new java.util.LinkedHashSet<>();
        for (CompiledPackage entry : matched) all.addAll(entry.remediations());
        return List.copyOf(all);
    }

    /**
     * The positions of the versions above the installed one that the vulnerability names as fixed and that none
     * of its entries for this package affects, ascending: the first is the nearest fix, on the installed release
     * line when the advisory has one (a 2.12.1 install gets 2.12.2, not 2.15.0).
     */
    private static List<Integer> fixesAbove(int installed, List<CompiledPackage> entries, PackagePositions positions) {
        TreeSet<Integer> candidates = new TreeSet<>();
        for (CompiledPackage entry : entries) {
            RangeProgram.addFixedPoints(entry.ranges(), candidates);
        }
        List<Integer> fixes = new ArrayList<>();
        for (int candidate : candidates.tailSet(installed, false)) {
            if (!affectedByAny(candidate, entries, positions)) fixes.add(candidate);
        }
        return fixes;
    }

    /**
     * The lowest candidate fix that is affected by none of the component's current vulnerabilities, preferring
     * one that no other known vulnerability of the package affects either (an upgrade should not trade one
     * finding for another).
     */
    private static String upgradeRemovingAll(TreeSet<Integer> candidates, Set<MergedVulnerability> current,
            Map<MergedVulnerability, List<CompiledPackage>> allByVulnerability, PackagePositions positions) {
        Integer removesCurrent = null;
        for (int candidate : candidates) {
            if (affectedByAny(candidate, current, allByVulnerability, positions)) continue;
            if (removesCurrent == null) removesCurrent = candidate;
            if (!affectedByAny(candidate, allByVulnerability.keySet(), allByVulnerability, positions)) {
                return positions.versionAt(candidate).text();
            }
        }
        return removesCurrent == null ? null : positions.versionAt(removesCurrent).text();
    }

    private static boolean affectedByAny(int position, Set<MergedVulnerability> vulnerabilities,
            Map<MergedVulnerability, List<CompiledPackage>> allByVulnerability, PackagePositions positions) {
        for (MergedVulnerability vulnerability : vulnerabilities) {
            if (affectedByAny(position, allByVulnerability.get(vulnerability), positions)) return true;
        }
        return false;
    }

    private static boolean affectedByAny(int position, List<CompiledPackage> entries, PackagePositions positions) {
        String text = positions.versionAt(position).text();
        for (CompiledPackage entry : entries) {
            if (entry.affectsAt(position, text)) return true;
        }
        return false;
    }

    private static List<String> texts(List<Integer> positions, PackagePositions boundaries) {
        List<String> texts = new ArrayList<>(positions.size());
        for (int p : positions) texts.add(boundaries.versionAt(p).text());
        return texts;
    }
}
