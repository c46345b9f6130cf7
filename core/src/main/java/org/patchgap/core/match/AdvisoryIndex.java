package org.patchgap.core.match;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.cpe.CpeName;
import org.patchgap.core.cpe.MalformedCpeException;
import org.patchgap.core.ecosystem.PackageNames;
import org.patchgap.core.model.AffectedPackage;
import org.patchgap.core.model.AffectedRange;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.RangeEvent;
import org.patchgap.core.model.Severity;
import org.patchgap.core.model.Vulnerability;
import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.VersionScheme;
import org.patchgap.core.version.VersionSchemes;

/**
 * Affected entries by (ecosystem, package name key), with every version parsed once. Built in two passes: the
 * first parses every record's entries per package; the second sorts each package's versions into its
 * {@link PackagePositions} and compiles the ranges against them.
 */
final class AdvisoryIndex {

    /** Canonical ecosystem, then package-name key: two lookups of strings whose hashes are cached. */
    private final Map<String, Map<String, PackageEntries>> byPackage;
    private final List<Problem> problems;
    private final AdvisoryStats stats;

    private AdvisoryIndex(Map<String, Map<String, PackageEntries>> byPackage, List<Problem> problems, AdvisoryStats stats) {
        this.byPackage = byPackage;
        this.problems = List.copyOf(problems);
        this.stats = stats;
    }

    PackageEntries candidates(String canonicalEcosystem, String name) {
        Map<String, PackageEntries> packages = byPackage.get(canonicalEcosystem);
        if (packages == null) return PackageEntries.NONE;
        return packages.getOrDefault(PackageNames.key(canonicalEcosystem, name), PackageEntries.NONE);
    }

    /** The entries of the package whose key ({@link PackageNames#key}) is already known. */
    PackageEntries candidatesByKey(String canonicalEcosystem, String key) {
        Map<String, PackageEntries> packages = byPackage.get(canonicalEcosystem);
        return packages == null ? PackageEntries.NONE : packages.getOrDefault(key, PackageEntries.NONE);
    }

    List<Problem> problems() {
        return problems;
    }

    AdvisoryStats stats() {
        return stats;
    }

    static AdvisoryIndex build(Collection<Vulnerability> records) {
        List<Vulnerability> live = new ArrayList<>();
        int withdrawn = 0;
        for (Vulnerability r : records) {
            if (r.isWithdrawn()) withdrawn++;
            else live.add(r);
        }
        Map<Vulnerability, MergedVulnerability> merged = AliasGroups.merge(live);
        Builder builder = new Builder();
        for (Vulnerability record : live) {
            builder.add(record, merged.get(record));
        }
        int groups = Set.copyOf(merged.values().stream().map(MergedVulnerability::id).toList()).size();
        AdvisoryStats stats = new AdvisoryStats(records.size(), withdrawn, groups, builder.entries,
                builder.gitRanges, builder.droppedRanges);
        return new AdvisoryIndex(builder.compile(), builder.problems, stats);
    }

    /** One affected entry with its versions parsed, waiting for its package's boundaries. */
    private record ParsedEntry(
            MergedVulnerability vulnerability,
            List<List<RangeProgram.ParsedEvent>> ranges,
            List<List<Version>> limits,
            List<Version> listed,
            Set<String> unparsedListed,
            Severity severity,
            List<org.patchgap.core.model.Remediation> remediations,
            @Nullable CpeName criteria) {}

    private static final class Builder {
        final Map<String, Map<String, List<ParsedEntry>>> parsed = new HashMap<>();
        final List<Problem> problems = new ArrayList<>();
        int entries;
        int gitRanges;
        int droppedRanges;

        void add(Vulnerability record, MergedVulnerability vulnerability) {
            Severity recordSeverity = record.highestSeverity();
            for (int i = 0; i < record.affected().size(); i++) {
                AffectedPackage affected = record.affected().get(i);
                String ecosystem = VersionSchemes.canonicalName(affected.ecosystem());
                VersionScheme scheme = VersionSchemes.forEcosystem(ecosystem);
                String pointer = "/affected/" + i;
                CpeName criteria = null;
                if (CpeName.ECOSYSTEM.equals(ecosystem)) {
                    try {
                        criteria = CpeName.parse(affected.name());
                    } catch (MalformedCpeException e) {
                        problems.add(new Problem(new Location(record.source(), record.id() + " " + pointer + "/package/name"),
                                e.getMessage() + "; CPE criteria ignored"));
                        continue;
                    }
                }
                List<List<RangeProgram.ParsedEvent>> ranges = new ArrayList<>();
                List<List<Version>> limits = new ArrayList<>();
                for (int j = 0; j < affected.ranges().size(); j++) {
                    AffectedRange range = affected.ranges().get(j);
                    if (range.type() == AffectedRange.Type.GIT) {
                        gitRanges++;
                        continue;
                    }
                    parseRange(range, scheme, record, pointer + "/ranges/" + j, ranges, limits);
                }
                List<Version> listed = new ArrayList<>();
                Set<String> unparsed = new HashSet<>();
                for (String text : affected.versions()) {
                    try {
                        listed.add(scheme.parse(text));
                    } catch (InvalidVersionException e) {
                        // Listed versions are exact strings in OSV: an unparsable one still matches by its text.
                        unparsed.add(text);
                    }
                }
                if (criteria != null && (!criteria.version().isAny() || ranges.isEmpty() && listed.isEmpty() && unparsed.isEmpty())) {
                    // A criteria naming its version (2.0, 8.*, -) decides the version by NISTIR 7696 name matching
                    // itself, and one with version ANY and no bounds applies to every version: both are "all
                    // versions" for the range program, the criteria name does the rest (docs/formats/cpe.md).
                    ranges = List.of(List.of(new RangeProgram.ParsedEvent(RangeEvent.Kind.INTRODUCED, null)));
                    limits = List.of(List.of());
                    listed = List.of();
                    unparsed = Set.of();
                }
                if (ranges.isEmpty() && affected.versions().isEmpty()) continue;
                Severity severity = affected.severity() != null ? affected.severity() : recordSeverity;
                entries++;
                parsed.computeIfAbsent(ecosystem, k -> new HashMap<>())
                        .computeIfAbsent(PackageNames.key(ecosystem, affected.name()), k -> new ArrayList<>())
                        .add(new ParsedEntry(vulnerability, ranges, limits, listed, Set.copyOf(unparsed), severity,
                                affected.remediations(), criteria));
            }
        }

        private void parseRange(AffectedRange range, VersionScheme scheme, Vulnerability record, String pointer,
                List<List<RangeProgram.ParsedEvent>> ranges, List<List<Version>> limits) {
            List<RangeProgram.ParsedEvent> events = new ArrayList<>();
            List<Version> rangeLimits = new ArrayList<>();
            for (int k = 0; k < range.events().size(); k++) {
                RangeEvent event = range.events().get(k);
                String text = event.version();
                try {
                    if (event.kind() == RangeEvent.Kind.LIMIT) {
                        if (!"*".equals(text)) rangeLimits.add(scheme.parse(text));
                    } else if (event.kind() == RangeEvent.Kind.INTRODUCED && "0".equals(text)) {
                        events.add(new RangeProgram.ParsedEvent(event.kind(), null));
                    } else {
                        events.add(new RangeProgram.ParsedEvent(event.kind(), scheme.parse(text)));
                    }
                } catch (InvalidVersionException e) {
                    droppedRanges++;
                    problems.add(new Problem(new Location(record.source(), record.id() + " " + pointer + "/events/" + k),
                            e.getMessage() + "; range ignored"));
                    return;
                }
            }
            ranges.add(events);
            limits.add(rangeLimits);
        }

        Map<String, Map<String, PackageEntries>> compile() {
            Map<String, Map<String, PackageEntries>> compiled = new HashMap<>();
            parsed.forEach((ecosystem, packages) -> {
                Map<String, PackageEntries> byName = new HashMap<>();
                packages.forEach((name, list) -> byName.put(name, compilePackage(list)));
                compiled.put(ecosystem, byName);
            });
            return compiled;
        }

        private static PackageEntries compilePackage(List<ParsedEntry> list) {
            List<Version> versions = new ArrayList<>();
            for (ParsedEntry entry : list) {
                for (List<RangeProgram.ParsedEvent> range : entry.ranges()) {
                    for (RangeProgram.ParsedEvent event : range) {
                        if (event.version() != null) versions.add(event.version());
                    }
                }
                entry.limits().forEach(versions::addAll);
                versions.addAll(entry.listed());
            }
            PackagePositions positions = PackagePositions.of(versions);
            List<CompiledPackage> compiled = new ArrayList<>(list.size());
            for (ParsedEntry entry : list) {
                int[] ranges = RangeProgram.encode(entry.ranges(), entry.limits(), positions);
                BitSet listed = new BitSet();
                for (Version v : entry.listed()) listed.set(positions.positionOfBoundary(v) >> 1);
                compiled.add(new CompiledPackage(entry.vulnerability(), ranges, listed,
                        entry.unparsedListed(), entry.severity(), entry.remediations(), entry.criteria()));
            }
            return PackageEntries.of(positions, compiled);
        }
    }
}
