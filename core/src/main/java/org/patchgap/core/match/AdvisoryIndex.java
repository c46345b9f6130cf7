package org.patchgap.core.match;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

/** Affected entries by (ecosystem, package name key), parsed once. */
final class AdvisoryIndex {

    /** Canonical ecosystem, then package-name key: two lookups of strings whose hashes are cached. */
    private final Map<String, Map<String, List<CompiledPackage>>> byPackage;
    private final List<Problem> problems;
    private final AdvisoryStats stats;

    private AdvisoryIndex(Map<String, Map<String, List<CompiledPackage>>> byPackage, List<Problem> problems, AdvisoryStats stats) {
        this.byPackage = byPackage;
        this.problems = List.copyOf(problems);
        this.stats = stats;
    }

    List<CompiledPackage> candidates(String canonicalEcosystem, String name) {
        Map<String, List<CompiledPackage>> packages = byPackage.get(canonicalEcosystem);
        if (packages == null) return List.of();
        return packages.getOrDefault(PackageNames.key(canonicalEcosystem, name), List.of());
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
        return new AdvisoryIndex(builder.byPackage, builder.problems, stats);
    }

    private static final class Builder {
        final Map<String, Map<String, List<CompiledPackage>>> byPackage = new HashMap<>();
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
                List<CompiledRange> ranges = new ArrayList<>();
                for (int j = 0; j < affected.ranges().size(); j++) {
                    AffectedRange range = affected.ranges().get(j);
                    if (range.type() == AffectedRange.Type.GIT) {
                        gitRanges++;
                        continue;
                    }
                    CompiledRange compiled = compile(range, scheme, record, pointer + "/ranges/" + j);
                    if (compiled != null) ranges.add(compiled);
                }
                Set<Version> versions = new HashSet<>();
                for (String text : affected.versions()) {
                    try {
                        versions.add(scheme.parse(text));
                    } catch (InvalidVersionException e) {
                        // Listed versions are exact strings in OSV: an unparsable one still matches by its text.
                    }
                }
                if (ranges.isEmpty() && affected.versions().isEmpty()) continue;
                Severity severity = affected.severity() != null ? affected.severity() : recordSeverity;
                entries++;
                byPackage.computeIfAbsent(ecosystem, k -> new HashMap<>())
                        .computeIfAbsent(PackageNames.key(ecosystem, affected.name()), k -> new ArrayList<>())
                        .add(new CompiledPackage(vulnerability, scheme, List.copyOf(ranges), Set.copyOf(versions),
                                Set.copyOf(affected.versions()), severity));
            }
        }

        private CompiledRange compile(AffectedRange range, VersionScheme scheme, Vulnerability record, String pointer) {
            List<CompiledRange.ParsedEvent> events = new ArrayList<>();
            List<Version> limits = new ArrayList<>();
            for (int k = 0; k < range.events().size(); k++) {
                RangeEvent event = range.events().get(k);
                String text = event.version();
                try {
                    if (event.kind() == RangeEvent.Kind.LIMIT) {
                        if (!"*".equals(text)) limits.add(scheme.parse(text));
                    } else if (event.kind() == RangeEvent.Kind.INTRODUCED && "0".equals(text)) {
                        events.add(new CompiledRange.ParsedEvent(event.kind(), null));
                    } else {
                        events.add(new CompiledRange.ParsedEvent(event.kind(), scheme.parse(text)));
                    }
                } catch (InvalidVersionException e) {
                    droppedRanges++;
                    problems.add(new Problem(new Location(record.source(), record.id() + " " + pointer + "/events/" + k),
                            e.getMessage() + "; range ignored"));
                    return null;
                }
            }
            return CompiledRange.of(events, limits);
        }
    }
}
