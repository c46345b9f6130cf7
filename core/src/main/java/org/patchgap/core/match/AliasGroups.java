package org.patchgap.core.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.patchgap.core.model.SourceRecord;
import org.patchgap.core.model.Vulnerability;

/**
 * Groups advisory records that describe the same flaw: two records are one vulnerability when one names the
 * other's id, or both name a common alias (union-find over ids and aliases).
 */
final class AliasGroups {

    /** CVE ids first (the name most people search for), then the rest alphabetically. */
    static final Comparator<String> ALIAS_ORDER = Comparator.<String, Boolean>comparing(id -> !id.startsWith("CVE-"))
            .thenComparing(Comparator.naturalOrder());

    private final Map<String, String> parent = new HashMap<>();

    private AliasGroups() {}

    /** The merged vulnerability of every record, by record identity. */
    static Map<Vulnerability, MergedVulnerability> merge(List<Vulnerability> records) {
        AliasGroups groups = new AliasGroups();
        for (Vulnerability r : records) {
            for (String alias : r.aliases()) {
                groups.union(r.id(), alias);
            }
            groups.find(r.id());
        }
        Map<String, List<Vulnerability>> byRoot = new HashMap<>();
        for (Vulnerability r : records) {
            byRoot.computeIfAbsent(groups.find(r.id()), k -> new ArrayList<>()).add(r);
        }
        Map<Vulnerability, MergedVulnerability> merged = new IdentityHashMap<>();
        for (List<Vulnerability> group : byRoot.values()) {
            // A record that names no affected package (a VEX document's "not affected") describes no finding: it
            // never represents the group, or a finding would carry its title and source.
            Vulnerability representative = group.stream().min(Comparator
                    .comparing((Vulnerability v) -> v.affected().isEmpty()).thenComparing(Vulnerability::id))
                    .orElseThrow();
            MergedVulnerability m = group.size() == 1
                    ? new MergedVulnerability(representative)
                    : new MergedVulnerability(withAliasesOf(representative, group),
                            MergedVulnerability.statementsOf(group));
            for (Vulnerability r : group) {
                merged.put(r, m);
            }
        }
        return merged;
    }

    private static Vulnerability withAliasesOf(Vulnerability representative, List<Vulnerability> group) {
        TreeSet<String> aliases = new TreeSet<>(ALIAS_ORDER);
        for (Vulnerability r : group) {
            aliases.add(r.id());
            aliases.addAll(r.aliases());
        }
        aliases.remove(representative.id());
        String summary = representative.summary() != null ? representative.summary()
                : group.stream().map(Vulnerability::summary).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        // Every source's classification counts: NVD may name a CWE that the GitHub record of the flaw does not.
        TreeSet<String> weaknesses = new TreeSet<>(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));
        for (Vulnerability r : group) weaknesses.addAll(r.weaknesses());
        return new Vulnerability(representative.id(), List.copyOf(aliases), summary,
                representative.published(), representative.modified(), representative.withdrawn(),
                representative.severities(), representative.affected(), representative.references(),
                representative.source(), representative.notAffected(), List.copyOf(weaknesses),
                provenanceOf(representative, group));
    }

    /** The representative first, then the other records in id order (the group's order depends on the input). */
    private static List<SourceRecord> provenanceOf(Vulnerability representative, List<Vulnerability> group) {
        List<SourceRecord> records = new java.util.ArrayList<>(group.size());
        records.add(new SourceRecord(representative.id(), representative.source()));
        group.stream().filter(r -> r != representative)
                .sorted(Comparator.comparing(Vulnerability::id).thenComparing(Vulnerability::source))
                .forEach(r -> records.add(new SourceRecord(r.id(), r.source())));
        return records;
    }

    private String find(String id) {
        parent.putIfAbsent(id, id);
        String root = id;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        // Path compression keeps later lookups short even for long alias chains.
        String at = id;
        while (!at.equals(root)) {
            String next = parent.get(at);
            parent.put(at, root);
            at = next;
        }
        return root;
    }

    private void union(String a, String b) {
        String ra = find(a);
        String rb = find(b);
        if (!ra.equals(rb)) parent.put(ra, rb);
    }
}
