package org.patchgap.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The grouping of records into segments written out as a list, as the importer did before {@link SourceEncoder}
 * encoded each record on arrival: the tests' oracle for the segments and for round trips.
 */
final class EcosystemGroups {

    private EcosystemGroups() {}

    /**
     * Records by the base ecosystems they name (affected or not-affected packages), in OSV spelling
     * ({@code Debian:12} under {@code Debian}); a record naming two ecosystems is in both, one naming none under
     * {@code ""}.
     */
    static Map<String, List<org.patchgap.core.model.Vulnerability>> of(List<org.patchgap.core.model.Vulnerability> records) {
        Map<String, List<org.patchgap.core.model.Vulnerability>> groups = new LinkedHashMap<>();
        Map<String, String> spelling = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (org.patchgap.core.model.Vulnerability v : records) {
            Set<String> seen = new HashSet<>();
            for (DatabaseCommit.PackageRef p : DatabaseCommit.packagesOf(v)) {
                String key = spelling.computeIfAbsent(DatabaseCommit.ecosystemKey(p.ecosystem()), b -> b);
                if (seen.add(key)) {
                    groups.computeIfAbsent(key, k -> new ArrayList<>()).add(v);
                }
            }
            if (seen.isEmpty()) {
                groups.computeIfAbsent("", k -> new ArrayList<>()).add(v);
            }
        }
        return groups;
    }
}
